"""Shared fixtures: isolated user folders, and a fresh database per test.

The suite runs against SQLite by default. With ``HIERDESK_TEST_PG_URL`` set to a PostgreSQL
URL whose role may create databases (``.ci/run`` starts such a server on loopback), every
test that asks for ``db_url`` gets a new, empty PostgreSQL database instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hierdesk.i18n.core import set_language
from hierdesk.services.context import Context

# The CI machine has two cores and also runs PostgreSQL: judge properties by what they
# find, not by how fast examples are drawn on a busy machine.
settings.register_profile("hierdesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("hierdesk")

PG_URL = os.environ.get("HIERDESK_TEST_PG_URL", "").strip()
BACKEND = "postgresql" if PG_URL else "sqlite"


def pytest_report_header() -> str:
    return f"hierdesk database backend: {BACKEND}" + (f" ({PG_URL})" if PG_URL else "")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings, default and demo databases live in a per-test folder, never in $HOME."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("HIERDESK_DB", raising=False)
    monkeypatch.delenv("HIERDESK_OPERATOR", raising=False)
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", "1500")
    monkeypatch.setenv("LANG", "C.UTF-8")
    return home


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    yield
    set_language("en")


def _pg_admin():  # type: ignore[no-untyped-def]
    import psycopg

    url = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    return psycopg.connect(url, autocommit=True)


def _pg_database_url(name: str) -> str:
    base, _, _db = PG_URL.rpartition("/")
    return f"{base}/{name}"


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A URL of a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    if not PG_URL:
        yield str(tmp_path / "hierdesk-test.sqlite3")
        return
    name = f"hd_{uuid.uuid4().hex[:16]}"
    with _pg_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_database_url(name)
    finally:
        with _pg_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def workspace(db_url: str) -> Iterator[Context]:
    """An initialised, empty hierdesk database; the test's operator is its administrator."""
    from hierdesk.services.setup import initialize

    ctx, _result = initialize(db_url)
    try:
        yield ctx
    finally:
        ctx.db.dispose()


@pytest.fixture
def demo_workspace(workspace: Context) -> Context:
    """A small demo dataset (6 partner hierarchies)."""
    from hierdesk.services.demo import load_demo

    load_demo(workspace, 6)
    return workspace


# --- requests waiting for a decision (approval tests) ----------------------------------------

#: The B2B sites of :func:`b2b_workspace`.
SITES = {"B2B-JP": "みなと B2B ストア", "B2B-EN": "Minato Global B2B"}


def corporate_number(n: int) -> str:
    """A valid corporate number (法人番号, check digit included), different for each ``n``."""
    from hierdesk.domain.jp import corporate_number_from_base

    return corporate_number_from_base(f"{7001100 + n:07d}05901")


@pytest.fixture
def b2b_workspace(workspace: Context) -> Context:
    """An initialised database ready for requests: feature ``b2b`` on and the two B2B sites
    of :data:`SITES`. Notifications go to the default outbox (nothing is configured)."""
    from hierdesk.services import channels, features

    features.set_enabled(workspace, "b2b", True)
    for code, name in SITES.items():
        channels.create_channel(workspace, code, name)
    return workspace


class SubmitRequest:
    """Imports one request through ``request import`` (as a site would send it) and returns
    its ID. Every call is a different company, person, e-mail and corporate number unless
    the fields say otherwise; a field given as None is left out."""

    def __init__(self) -> None:
        self.count = 0

    def partner(self, n: int) -> dict[str, object]:
        number = corporate_number(n)
        return {
            "channel": "B2B-JP",
            "company_name": f"株式会社テスト商事{n}",
            "company_name_kana": f"てすとしょうじ{'ア' * n}",
            "corporate_number": number,
            "invoice_registration_number": f"T{number}",
            "email": f"taro{n}@shoji{n}.example.jp",
            "last_name": "山田",
            "first_name": "太郎",
            "last_name_kana": "やまだ",
            "first_name_kana": "たろう",
            "department": "営業部",
            "phone": "03-1234-5678",
            "postal_code": "105-0011",
            "prefecture": "13",
            "city": "港区",
            "address_line1": "芝公園1-1-1",
            "language": "ja",
        }

    def __call__(self, ctx: Context, **fields: object) -> int:
        import json

        from sqlalchemy import select

        from hierdesk.data.schema import Request
        from hierdesk.services.intake import import_requests

        self.count += 1
        row: dict[str, object] = {"external_id": f"R-{self.count:04d}"}
        if fields.get("kind") != "add_user":
            row.update(self.partner(self.count))
        else:
            row.update(channel="B2B-JP", last_name="佐藤", first_name="花子", language="ja")
        row.update(fields)
        row = {k: v for k, v in row.items() if v is not None}
        data = json.dumps([row], ensure_ascii=False).encode()
        result = import_requests(ctx, data, "requests.json")
        assert (result.imported, result.errors) == (1, ()), [e.english() for e in result.errors]
        with ctx.db.read() as session:
            return session.execute(
                select(Request.id).where(
                    Request.external_id == row["external_id"],
                    Request.channel_code == row["channel"],
                )
            ).scalar_one()


@pytest.fixture
def submit_request() -> SubmitRequest:
    return SubmitRequest()


# --- other desks on the same database --------------------------------------------------------

#: ``login_url(ctx, login)``: the URL another desk opens to work as ``login``.
LoginUrl = Callable[[Context, str], str]
#: ``desk(login=None, role="manager")``: another desk's context on the same database.
Desk = Callable[..., Context]


def _login_url(ctx: Context, login: str) -> str:
    """The URL of ``ctx``'s database for a desk working as ``login``: on SQLite the same
    (the operator is named), on PostgreSQL a connection as that database login, created
    with rights on hierdesk's tables when it does not exist (the operator is the login)."""
    url = ctx.db.location.url
    if ctx.db.backend != "postgresql":
        return url
    import psycopg
    from sqlalchemy.engine import make_url

    with psycopg.connect(
        url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
        conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"')
        conn.execute(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
    return make_url(url).set(username=login).render_as_string(hide_password=False)


@pytest.fixture
def login_url() -> LoginUrl:
    return _login_url


@pytest.fixture
def desk(b2b_workspace: Context) -> Iterator[Desk]:
    """Opens another desk on the same database working as ``login`` (added as an operator
    with ``role``), or as the test's own operator when no login is given."""
    from hierdesk.services import operators
    from hierdesk.services.context import connect

    opened: list[Context] = []

    def open_desk(login: str | None = None, role: str = "manager") -> Context:
        ctx = b2b_workspace
        url = ctx.db.location.url
        if login is None:
            login = ctx.login
        else:
            operators.add_operator(ctx, login, role)
            url = _login_url(ctx, login)
        other = connect(url, login)
        opened.append(other)
        return other

    yield open_desk
    for other in opened:
        other.db.dispose()
