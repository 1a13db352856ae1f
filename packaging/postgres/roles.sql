-- hierdesk on a shared PostgreSQL (≥ 14) database: roles and rights.
--
-- Run as a PostgreSQL superuser (or a role with CREATEROLE and CREATEDB), e.g.
--     psql -h dbhost -U postgres -f roles.sql
-- then, as the owner role, create the schema:
--     hierdesk-cli --db postgresql+psycopg://hierdesk_owner@dbhost/hierdesk init
--     hierdesk-cli --db postgresql+psycopg://hierdesk_owner@dbhost/hierdesk operator add tanaka --role clerk
--
-- Three kinds of role:
--   hierdesk_owner  owns the database, the schema and every table; only it can change the
--                   schema, so `hierdesk-cli init` (creating and upgrading) runs as it. The
--                   first login to run `init` on an empty database becomes hierdesk's first
--                   administrator: that is the owner, who then registers the desks.
--   hierdesk_desk   the working rights (NOLOGIN): SELECT, INSERT, UPDATE, DELETE on the
--                   tables and USAGE on their sequences; no DDL, no TRUNCATE, and no UPDATE
--                   or DELETE on audit_entry (`init` takes those back, see below).
--   one LOGIN role per desk (tanaka below) that is a member of hierdesk_desk. Its name is
--                   the operator name in hierdesk (on PostgreSQL the operator is the
--                   database login): register it with `hierdesk-cli operator add`.
--
-- Passwords never go into the URL: set them with \password in psql and keep them in the
-- PostgreSQL password file (PGPASSFILE) or a service file (PGSERVICEFILE) on each desk.
-- The names are examples: replace them everywhere in this file if you choose others.

-- === on the cluster ========================================================================

CREATE ROLE hierdesk_owner LOGIN;
CREATE ROLE hierdesk_desk NOLOGIN;
CREATE ROLE tanaka LOGIN IN ROLE hierdesk_desk;    -- one line per desk

CREATE DATABASE hierdesk OWNER hierdesk_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE hierdesk FROM PUBLIC;
GRANT CONNECT ON DATABASE hierdesk TO hierdesk_desk;

-- === in the database hierdesk ==============================================================
\connect hierdesk

-- Only the owner creates objects in the schema (PostgreSQL 14 lets everyone by default).
ALTER SCHEMA public OWNER TO hierdesk_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO hierdesk_desk;

-- Every table and sequence the owner creates (now and in later upgrades) is usable by the
-- desks. `hierdesk-cli init`, run as the owner, then revokes UPDATE, DELETE and TRUNCATE on
-- audit_entry and INSERT, UPDATE, DELETE, TRUNCATE on alembic_version from every role but
-- the owner, each time it runs (the audit trail is append-only: DOMAIN.md rule 12).
ALTER DEFAULT PRIVILEGES FOR ROLE hierdesk_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hierdesk_desk;
ALTER DEFAULT PRIVILEGES FOR ROLE hierdesk_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO hierdesk_desk;

-- A database created by an earlier hierdesk as another role: give it to the owner first
--     REASSIGN OWNED BY old_role TO hierdesk_owner;     -- in the database hierdesk
-- grant the desks the tables that already exist
--     GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO hierdesk_desk;
--     GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO hierdesk_desk;
--     REVOKE ALL ON ALL TABLES IN SCHEMA public FROM old_role;
-- and run `hierdesk-cli init` as hierdesk_owner once, which takes back what desks may not do.
--
-- A new desk later:
--     CREATE ROLE suzuki LOGIN IN ROLE hierdesk_desk;
--     hierdesk-cli --db postgresql+psycopg://hierdesk_owner@dbhost/hierdesk operator add suzuki --role manager
-- A desk that leaves:
--     hierdesk-cli ... operator disable suzuki
--     ALTER ROLE suzuki NOLOGIN;       -- its name stays in the audit trail
