"""The customers distribution job (1010): publish each B2B site's customers to
``DIR/<channel>.json`` (INTERFACES.md §5, DOMAIN.md rules 9, 11, 15).

A run reads the hierarchies, decides each site's file (``domain.distribution``), writes
every file beside its target as a ``.part``, puts them in place, and then records in one
transaction which customer was published where at which fingerprint, with the run and its
audit entry. A site never reads half a file; a run that fails or is cancelled leaves the
previous files and records as they were. When files are in place but the records could
not be saved, the next run publishes those customers again, which is harmless; the other
order (records saying a customer was published that the site does not have) would let a
sign-in link to a customer the site does not know, so it never happens for the customers a
run adds. The customers a run withdraws are still recorded as published until its records
are saved (a run killed in between leaves them so until the next run): sign-in linking
therefore also checks that the customer may use the site and is not held back (rule 15).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from hierdesk.data.schema import (
    AppSetting,
    Catalog,
    CatalogAssignment,
    CatalogChannel,
    Channel,
    ChannelGrant,
    Customer,
    DistributionRecord,
    DistributionRun,
    Hierarchy,
    Member,
    utcnow,
)
from hierdesk.domain import distribution as dist
from hierdesk.domain.errors import NotFoundError, RuleError, ValidationError
from hierdesk.i18n.core import N_
from hierdesk.services import audit, files, stale
from hierdesk.services.context import Context
from hierdesk.services.features import is_enabled
from hierdesk.services.members import require_b2b

#: The AppSetting key of the folder the sites read their files from.
FOLDER_KEY = "distribution_folder"


@dataclass(frozen=True, slots=True)
class ChannelRun:
    """What one run did for one site (``distribute`` prints these)."""

    channel: str
    customers: int
    hierarchies: int
    added: int
    updated: int
    withdrawn: int
    held_back: tuple[str, ...]
    path: str
    #: False when the file in place already published exactly this
    written: bool

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.withdrawn


@dataclass(frozen=True, slots=True)
class ChannelState:
    """A row of the Jobs area: a site, its last run, and what the next run would change."""

    channel: str
    name: str
    last_run_at: datetime | None
    last_run_by: str | None
    customers: int | None
    hierarchies: int | None
    pending_added: int
    pending_updated: int
    pending_withdrawn: int
    held_back: tuple[str, ...]

    @property
    def pending(self) -> int:
        return self.pending_added + self.pending_updated + self.pending_withdrawn


# --- the snapshot ------------------------------------------------------------------------


def _snapshot(session: Session) -> list[dist.HierarchySnapshot]:
    """Every hierarchy with its organization, active members, grants and catalogs: five
    queries, whatever the number of hierarchies."""
    grants: dict[int, set[str]] = defaultdict(set)
    for hierarchy_id, code in session.execute(
        select(ChannelGrant.hierarchy_id, Channel.code).join(
            Channel, Channel.id == ChannelGrant.channel_id
        )
    ):
        grants[hierarchy_id].add(code)
    offered: dict[int, set[str]] = defaultdict(set)
    for catalog_id, code in session.execute(
        select(CatalogChannel.catalog_id, Channel.code)
        .join(Channel, Channel.id == CatalogChannel.channel_id)
        .where(Channel.active.is_(True))
    ):
        offered[catalog_id].add(code)
    catalogs: dict[int, dict[str, frozenset[str]]] = defaultdict(dict)
    for hierarchy_id, catalog_id, code in session.execute(
        select(CatalogAssignment.hierarchy_id, Catalog.id, Catalog.code)
        .join(Catalog, Catalog.id == CatalogAssignment.catalog_id)
        .where(Catalog.active.is_(True))
    ):
        catalogs[hierarchy_id][code] = frozenset(offered.get(catalog_id, ()))
    members: dict[int, list[dist.PersonSnapshot]] = defaultdict(list)
    for hierarchy_id, cid, account, name, email, role in session.execute(
        select(
            Member.hierarchy_id,
            Customer.id,
            Customer.account,
            Customer.name,
            Customer.email,
            Member.role,
        )
        .join(Customer, Customer.id == Member.customer_id)
        .where(Member.status == "active")
        .order_by(Customer.account)
    ):
        members[hierarchy_id].append(dist.PersonSnapshot(cid, account, name, email, role))
    result = []
    for hid, code, name, org_id, org_account, org_name, org_email in session.execute(
        select(
            Hierarchy.id,
            Hierarchy.code,
            Hierarchy.name,
            Customer.id,
            Customer.account,
            Customer.name,
            Customer.email,
        )
        .join(Customer, Customer.id == Hierarchy.organization_id)
        .order_by(Hierarchy.code)
    ):
        result.append(
            dist.HierarchySnapshot(
                code=code,
                name=name,
                organization_id=org_id,
                organization_account=org_account,
                organization_name=org_name,
                organization_email=org_email,
                grants=frozenset(grants.get(hid, ())),
                members=tuple(members.get(hid, ())),
                catalogs=catalogs.get(hid, {}),
            )
        )
    return result


def _active_channels(session: Session) -> list[tuple[str, str]]:
    return [
        (code, name)
        for code, name in session.execute(
            select(Channel.code, Channel.name)
            .where(Channel.active.is_(True))
            .order_by(Channel.code)
        )
    ]


def _published(session: Session, channel: str) -> dict[int, tuple[str, bool]]:
    return {
        cid: (digest, bool(gone))
        for cid, digest, gone in session.execute(
            select(
                DistributionRecord.customer_id,
                DistributionRecord.published_version,
                DistributionRecord.withdrawn,
            ).where(DistributionRecord.channel_code == channel)
        )
    }


def _contents(
    session: Session, channels: Sequence[str]
) -> list[tuple[dist.ChannelContent, dist.Changes]]:
    snapshot = _snapshot(session)
    active = [code for code, _ in _active_channels(session)]
    restriction = is_enabled(session, "channel_restriction")
    catalogs_on = is_enabled(session, "catalogs")
    result = []
    for channel in channels:
        content = dist.channel_content(
            channel, snapshot, active, restriction=restriction, catalogs_on=catalogs_on
        )
        result.append((content, dist.changes(content.fingerprints, _published(session, channel))))
    return result


def _channels_to_run(session: Session, channel: str | None) -> list[str]:
    """The sites of a run, locked until it ends: another desk's run of the same site waits
    (on SQLite the write transaction already does), so two runs never write one file's
    ``.part`` at once nor record from the same past. (``FOR NO KEY UPDATE``: granting a
    site meanwhile is not held up.)"""
    if channel is None:
        return list(
            session.execute(
                select(Channel.code)
                .where(Channel.active.is_(True))
                .order_by(Channel.code)
                .with_for_update(key_share=True)
            ).scalars()
        )
    row = session.execute(
        select(Channel.active).where(Channel.code == channel).with_for_update(key_share=True)
    ).first()
    if row is None:
        raise NotFoundError("channel_not_found", N_("There is no B2B site {code}."), code=channel)
    if not row[0]:
        raise RuleError(
            "channel_inactive",
            N_("The B2B site {code} is not active, so nothing is published to it."),
            code=channel,
        )
    return [channel]


# --- the folder --------------------------------------------------------------------------


def default_folder() -> Path:
    return Path(platformdirs.user_data_dir("hierdesk", "hierdesk")) / "distribution"


def folder(ctx: Context) -> Path:
    """Where the sites read their files: the setting, or a folder in the user data dir."""
    with ctx.db.read() as session:
        row = session.get(AppSetting, FOLDER_KEY)
        return Path(str(row.value)) if row is not None and row.value else default_folder()


def set_folder(ctx: Context, path: Path, *, seen: Path | None = None) -> Path:
    """Remember the folder for every desk (administrators), audited. ``seen`` is the folder
    the caller showed: if another desk has chosen another one since, the change is refused
    naming who and when (rule 13)."""
    if not str(path).strip() or not path.is_absolute():
        raise ValidationError(
            "folder_not_absolute",
            N_("{field}: “{value}” is not a full folder path (such as D:\\share\\sites)."),
            field="folder",
            value=str(path),
        )
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change the distribution folder"))
        row = session.get(AppSetting, FOLDER_KEY)
        before = row.value if row is not None else None
        if seen is not None:
            stale.check_value(
                session,
                str(seen),
                str(Path(str(before))) if before else str(default_folder()),
                stale.record(N_("The distribution folder")),
                row=row,
            )
        if row is None:
            session.add(
                AppSetting(
                    key=FOLDER_KEY, value=str(path), changed_by=ctx.login, changed_at=utcnow()
                )
            )
        else:
            row.value = str(path)
            row.changed_by = ctx.login
            row.changed_at = utcnow()
        audit.record(
            session,
            ctx.login,
            "setting.change",
            "setting",
            FOLDER_KEY,
            before={"value": before},
            after={"value": str(path)},
        )
    return path


# --- overview and run --------------------------------------------------------------------


def overview(ctx: Context) -> list[ChannelState]:
    """Per active site: the last run and what the next run would change."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view jobs"))
        sites = _active_channels(session)
        newest = (
            select(func.max(DistributionRun.id))
            .group_by(DistributionRun.channel_code)
            .scalar_subquery()
        )
        last = {
            run.channel_code: run
            for run in session.execute(
                select(DistributionRun).where(DistributionRun.id.in_(newest))
            ).scalars()
        }
        b2b = is_enabled(session, "b2b")
        planned = _contents(session, [code for code, _ in sites]) if b2b else []
        plans = {content.channel: (content, change) for content, change in planned}
        result = []
        for code, name in sites:
            run = last.get(code)
            content, change = plans.get(code, (None, None))
            result.append(
                ChannelState(
                    channel=code,
                    name=name,
                    last_run_at=run.run_at if run else None,
                    last_run_by=run.run_by if run else None,
                    customers=run.customers if run else None,
                    hierarchies=run.hierarchies if run else None,
                    pending_added=len(change.added) if change else 0,
                    pending_updated=len(change.updated) if change else 0,
                    pending_withdrawn=len(change.withdrawn) if change else 0,
                    held_back=content.held_back if content else (),
                )
            )
        return result


def _unchanged_file(path: Path, document: dict[str, object]) -> bool:
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(existing, dict) and dist.same_content(existing, document)


def distribute(
    ctx: Context,
    out: Path,
    *,
    channel: str | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> list[ChannelRun]:
    """Run the job for one site or every active site, writing ``out/<channel>.json``.

    ``progress(done, total)`` is called per site; returning False cancels the run before
    any file is put in place (nothing changes). A file whose content would not change is
    left as it is (its ``generated_at`` stays that of the run that published it)."""
    with ctx.db.write() as session:
        ctx.require(session, "clerk", N_("run the customers distribution"))
        require_b2b(session)
        codes = _channels_to_run(session, channel)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise files.write_error(out, exc) from exc
        planned = _contents(session, codes)
        now = utcnow()
        stamp = now.isoformat()
        prepared: list[Path] = []
        runs: list[ChannelRun] = []
        path = out
        try:
            for done, (content, change) in enumerate(planned):
                if progress is not None and progress(done, len(planned)) is False:
                    raise files.CancelledError
                path = out / f"{content.channel}.json"
                document = dist.document(content, stamp)
                write = not _unchanged_file(path, document)
                if write:
                    with files.prepared(path, encoding="utf-8", newline="\n") as handle:
                        json.dump(document, handle, ensure_ascii=False, indent=2)
                        handle.write("\n")
                    prepared.append(path)
                else:
                    files.discard(path)  # what a killed run may have left
                runs.append(
                    ChannelRun(
                        channel=content.channel,
                        customers=len(content.customers),
                        hierarchies=len(content.hierarchies),
                        added=len(change.added),
                        updated=len(change.updated),
                        withdrawn=len(change.withdrawn),
                        held_back=content.held_back,
                        path=str(path),
                        written=write,
                    )
                )
            if progress is not None and progress(len(planned), len(planned)) is False:
                raise files.CancelledError
            for path in prepared:
                files.commit(path)
        except files.CancelledError:
            for ready in prepared:
                files.discard(ready)
            raise RuleError(
                "job_cancelled",
                N_("The distribution was cancelled; no site's file was changed."),
            ) from None
        except OSError as exc:
            for ready in prepared:
                files.discard(ready)
            raise files.write_error(path, exc) from exc  # the site's file that failed
        for (content, change), run in zip(planned, runs, strict=True):
            _record(session, ctx.login, content, change, run, now)
    return runs


def _record(
    session: Session,
    login: str,
    content: dist.ChannelContent,
    change: dist.Changes,
    run: ChannelRun,
    now: datetime,
) -> None:
    row = DistributionRun(
        channel_code=content.channel,
        run_at=now,
        run_by=login,
        customers=run.customers,
        hierarchies=run.hierarchies,
        changed=run.changed,
        withdrawn=run.withdrawn,
        held_back=len(run.held_back),
        path=run.path,
    )
    session.add(row)
    session.flush()
    published = set(change.added) | set(change.updated)
    known = _published(session, content.channel)
    for cid in sorted(published):
        if cid in known:
            session.execute(
                update(DistributionRecord)
                .where(
                    DistributionRecord.channel_code == content.channel,
                    DistributionRecord.customer_id == cid,
                )
                .values(
                    published_version=content.fingerprints[cid],
                    published_at=now,
                    run_id=row.id,
                    withdrawn=False,
                )
            )
        else:
            session.add(
                DistributionRecord(
                    channel_code=content.channel,
                    customer_id=cid,
                    published_version=content.fingerprints[cid],
                    published_at=now,
                    run_id=row.id,
                    withdrawn=False,
                )
            )
    if change.withdrawn:
        session.execute(
            update(DistributionRecord)
            .where(
                DistributionRecord.channel_code == content.channel,
                DistributionRecord.customer_id.in_(change.withdrawn),
            )
            .values(withdrawn=True, published_at=now, run_id=row.id)
        )
    audit.record(
        session,
        login,
        "distribution.run",
        "channel",
        content.channel,
        after={
            "customers": run.customers,
            "hierarchies": run.hierarchies,
            "added": run.added,
            "updated": run.updated,
            "withdrawn": run.withdrawn,
            "held_back": list(run.held_back),
            "path": run.path,
            "written": run.written,
        },
    )


def distributed_to(session: Session, channel: str, customer_ids: Sequence[int]) -> set[int]:
    """Which of these customers the site has (published and not withdrawn)."""
    if not customer_ids:
        return set()
    return set(
        session.execute(
            select(DistributionRecord.customer_id).where(
                DistributionRecord.channel_code == channel,
                DistributionRecord.customer_id.in_(customer_ids),
                DistributionRecord.withdrawn.is_(False),
            )
        ).scalars()
    )
