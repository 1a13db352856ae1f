"""Feature management (機能管理): switches for the B2B capabilities, with dependencies."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Feature, utcnow
from hierdesk.domain.dto import FeatureState
from hierdesk.domain.errors import NameList, NotFoundError, RuleError
from hierdesk.domain.model import FEATURES, FEATURES_BY_KEY
from hierdesk.i18n.core import N_
from hierdesk.services import audit, stale
from hierdesk.services.context import Context


class FeatureNames(tuple[str, ...]):
    """Feature keys in a message: shown with their official names in the reader's language
    and their keys, e.g. “Use of B2B eCommerce capabilities” (b2b)."""

    def __format__(self, spec: str) -> str:
        names = NameList(FEATURES_BY_KEY[k].name for k in self)
        parts = format(names, "")
        keys = ", ".join(self)
        return format(f"{parts} ({keys})", spec)


def list_features(ctx: Context) -> list[FeatureState]:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view feature management"))
        rows = {row.key: row for row in session.execute(select(Feature)).scalars()}
        return [_state(rows.get(definition.key), definition.key) for definition in FEATURES]


def _state(row: Feature | None, key: str) -> FeatureState:
    requires = FEATURES_BY_KEY[key].requires
    if row is None:
        return FeatureState(key, False, requires, None, None)
    return FeatureState(
        key, bool(row.enabled), requires, row.changed_by, row.changed_at, row.version
    )


def is_enabled(session: Session, key: str) -> bool:
    row = session.get(Feature, key)
    return bool(row and row.enabled)


def set_enabled(
    ctx: Context, key: str, enabled: bool, *, version: int | None = None
) -> FeatureState:
    """Switch a feature on or off, refusing what would break a dependency.

    ``version`` is the state's version as the caller last saw it (0: never switched); a
    switch from an old copy is refused naming who switched it meanwhile (rule 13)."""
    definition = FEATURES_BY_KEY.get(key)
    if definition is None:
        raise NotFoundError(
            "feature_unknown",
            N_("There is no feature “{key}”. Features: {keys}."),
            key=key,
            keys=", ".join(FEATURES_BY_KEY),
        )
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change feature management"))
        states = {f.key: f for f in session.execute(select(Feature)).scalars()}
        row = states.get(key)
        what = stale.record(N_("The feature {name}"), name=FeatureNames((key,)))
        if row is None:
            stale.check_value(session, version or 0, 0, what)
            if not enabled:
                return _state(None, key)
            row = Feature(key=key, enabled=False)
            session.add(row)
        else:
            stale.check(session, row, version, what)
        if enabled:
            missing = [r for r in definition.requires if not (r in states and states[r].enabled)]
            if missing:
                raise RuleError(
                    "feature_requires",
                    N_("{feature} requires {required}; enable that first."),
                    feature=FeatureNames((key,)),
                    required=FeatureNames(tuple(missing)),
                )
        else:
            dependants = [
                f.key
                for f in FEATURES
                if key in f.requires and f.key in states and states[f.key].enabled
            ]
            if dependants:
                raise RuleError(
                    "feature_needed_by",
                    N_("{feature} is needed by {dependants}; disable those first."),
                    feature=FeatureNames((key,)),
                    dependants=FeatureNames(tuple(dependants)),
                )
        if row.enabled != enabled:
            before = row.enabled
            row.enabled = enabled
            row.changed_by = ctx.login
            row.changed_at = utcnow()
            audit.record(
                session,
                ctx.login,
                "feature.enable" if enabled else "feature.disable",
                "feature",
                key,
                before={"enabled": before},
                after={"enabled": enabled},
            )
        session.flush()
        return _state(row, key)
