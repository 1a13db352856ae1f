"""Feature management (機能管理): switches for the B2B capabilities, with dependencies."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Feature, utcnow
from hierdesk.domain.dto import FeatureState
from hierdesk.domain.errors import NameList, NotFoundError, RuleError
from hierdesk.domain.model import FEATURES, FEATURES_BY_KEY
from hierdesk.i18n.core import N_
from hierdesk.services import audit
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
        rows = {
            key: (enabled, by, at)
            for key, enabled, by, at in session.execute(
                select(Feature.key, Feature.enabled, Feature.changed_by, Feature.changed_at)
            )
        }
    result = []
    for definition in FEATURES:
        enabled, by, at = rows.get(definition.key, (False, None, None))
        result.append(FeatureState(definition.key, bool(enabled), definition.requires, by, at))
    return result


def is_enabled(session: Session, key: str) -> bool:
    row = session.get(Feature, key)
    return bool(row and row.enabled)


def set_enabled(ctx: Context, key: str, enabled: bool) -> FeatureState:
    """Switch a feature on or off, refusing what would break a dependency."""
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
        if row is None:
            row = Feature(key=key, enabled=False)
            session.add(row)
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
        return FeatureState(key, row.enabled, definition.requires, row.changed_by, row.changed_at)
