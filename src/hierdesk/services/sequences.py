"""Administering number sequences (番号シーケンス) and their references."""

from __future__ import annotations

import re
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Customer, Hierarchy, NumberSequence, SequenceReference
from hierdesk.domain.dto import SequenceInfo
from hierdesk.domain.errors import NotFoundError, RuleError, Translated, ValidationError
from hierdesk.domain.model import (
    CODE_CHARACTER,
    CODE_MAX,
    REFERENCE_LABELS,
    SEQUENCE_REFERENCES,
)
from hierdesk.domain.numbering import parse_format, validate_sequence
from hierdesk.i18n.core import N_
from hierdesk.services import audit, numbering, stale
from hierdesk.services.context import Context

_CODE = re.compile(f"^{CODE_CHARACTER}{{1,{CODE_MAX}}}$")


def _info(session: Session, seq: NumberSequence) -> SequenceInfo:
    refs = tuple(
        session.execute(
            select(SequenceReference.reference)
            .where(SequenceReference.sequence_id == seq.id)
            .order_by(SequenceReference.reference)
        ).scalars()
    )
    return SequenceInfo(
        seq.code,
        seq.name,
        seq.format,
        seq.smallest,
        seq.largest,
        seq.next,
        seq.continuous,
        seq.stopped,
        refs,
        seq.version,
    )


def _values(seq: NumberSequence | SequenceInfo) -> dict[str, object]:
    return {
        "name": seq.name,
        "format": seq.format,
        "smallest": seq.smallest,
        "largest": seq.largest,
        "next": seq.next,
        "continuous": seq.continuous,
        "stopped": seq.stopped,
    }


def _settings(seq: NumberSequence | SequenceInfo) -> dict[str, object]:
    """What an administrator sets (``next`` moves with every ID issued)."""
    return {k: v for k, v in _values(seq).items() if k != "next"}


def _get(session: Session, code: str) -> NumberSequence:
    seq = session.execute(
        select(NumberSequence).where(NumberSequence.code == code)
    ).scalar_one_or_none()
    if seq is None:
        raise NotFoundError(
            "sequence_not_found", N_("There is no number sequence {code}."), code=code
        )
    return seq


def list_sequences(ctx: Context) -> list[SequenceInfo]:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view number sequences"))
        rows = session.execute(select(NumberSequence).order_by(NumberSequence.code)).scalars()
        return [_info(session, seq) for seq in rows]


def get_sequence(ctx: Context, code: str) -> SequenceInfo:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view number sequences"))
        return _info(session, _get(session, code))


def create_sequence(
    ctx: Context,
    code: str,
    fmt: str,
    *,
    name: str | None = None,
    smallest: int = 1,
    largest: int | None = None,
    next_: int | None = None,
    continuous: bool = False,
) -> SequenceInfo:
    code = code.strip()
    if not _CODE.match(code):
        raise ValidationError(
            "sequence_code_invalid",
            N_("{field}: a sequence code has 1 to 20 letters, digits, - or _; got “{value}”."),
            field="code",
            value=code,
        )
    parsed = parse_format(fmt)
    largest = parsed.capacity if largest is None else largest
    next_ = smallest if next_ is None else next_
    validate_sequence(fmt, smallest, largest, next_)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change number sequences"))
        exists = session.execute(
            select(NumberSequence.id).where(NumberSequence.code == code)
        ).first()
        if exists:
            raise RuleError(
                "sequence_exists", N_("The number sequence {code} exists already."), code=code
            )
        seq = NumberSequence(
            code=code,
            name=(name or code).strip(),
            format=fmt,
            smallest=smallest,
            largest=largest,
            next=next_,
            continuous=continuous,
            stopped=False,
        )
        session.add(seq)
        session.flush()
        audit.record(session, ctx.login, "sequence.create", "sequence", code, after=_values(seq))
        return _info(session, seq)


def update_sequence(
    ctx: Context,
    code: str,
    *,
    seen: SequenceInfo | None = None,
    name: str | None = None,
    fmt: str | None = None,
    smallest: int | None = None,
    largest: int | None = None,
    next_: int | None = None,
    continuous: bool | None = None,
    stopped: bool | None = None,
) -> SequenceInfo:
    """Change a sequence's settings. ``next`` may only move forward: moving it back could
    issue an ID a second time (DOMAIN.md rule 10).

    ``seen`` is the sequence as the caller last read it: a change of its settings by another
    desk since then refuses the save, naming who and when (rule 13). IDs issued meanwhile
    are no conflict; they only move ``next``, which the caller passes when it changes it."""
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change number sequences"))
        seq = _get(session, code)
        if seen is not None:
            stale.check_value(
                session,
                _settings(seen),
                _settings(seq),
                stale.record(N_("The number sequence {code}"), code=seq.code),
                audited=("sequence", seq.code),
            )
        before = _values(seq)
        new_fmt = seq.format if fmt is None else fmt
        new_smallest = seq.smallest if smallest is None else smallest
        new_largest = seq.largest if largest is None else largest
        new_next = seq.next if next_ is None else next_
        validate_sequence(new_fmt, new_smallest, new_largest, new_next)
        if new_next < seq.next:
            raise RuleError(
                "sequence_next_lowered",
                N_(
                    "The next number of {code} cannot go back from {current} to {next}: IDs "
                    "already issued would be issued again."
                ),
                code=code,
                current=seq.next,
                next=new_next,
            )
        seq.name = seq.name if name is None else name.strip() or seq.code
        seq.format, seq.smallest, seq.largest, seq.next = (
            new_fmt,
            new_smallest,
            new_largest,
            new_next,
        )
        if continuous is not None:
            seq.continuous = continuous
        if stopped is not None:
            seq.stopped = stopped
        after = _values(seq)
        if after != before:
            audit.record(
                session, ctx.login, "sequence.change", "sequence", code, before=before, after=after
            )
        session.flush()
        return _info(session, seq)


def assign(
    ctx: Context, reference: str, code: str, *, seen: str | Literal[False] | None = False
) -> SequenceInfo:
    """Let the sequence ``code`` issue the IDs of ``reference``. ``seen`` is the code of the
    sequence the caller saw assigned (None: none); if another desk has assigned another one
    since, the change is refused naming who and when (rule 13). False: not compared."""
    if reference not in SEQUENCE_REFERENCES:
        raise ValidationError(
            "reference_unknown",
            N_("{field}: “{value}” is not a reference; use one of {choices}."),
            field="reference",
            value=reference,
            choices=", ".join(SEQUENCE_REFERENCES),
        )
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change number sequences"))
        seq = _get(session, code)
        _refuse_reissue(session, seq, reference)
        ref = session.get(SequenceReference, reference)
        if seen is not False:
            current = session.get(NumberSequence, ref.sequence_id) if ref is not None else None
            stale.check_value(
                session,
                seen,
                current.code if current is not None else None,
                stale.record(
                    N_("The number sequence for “{reference}”"),
                    reference=Translated(REFERENCE_LABELS[reference]),
                ),
                audited=("sequence_reference", reference),
            )
        before = None
        if ref is None:
            session.add(SequenceReference(reference=reference, sequence_id=seq.id))
        else:
            old = session.get(NumberSequence, ref.sequence_id)
            before = {"sequence": old.code if old else None}
            ref.sequence_id = seq.id
        audit.record(
            session,
            ctx.login,
            "sequence.assign",
            "sequence_reference",
            reference,
            before=before,
            after={"sequence": code},
        )
        session.flush()
        return _info(session, seq)


_ISSUED = {
    "hierarchy_id": (Hierarchy, Hierarchy.code),
    "customer_account": (Customer, Customer.account),
}


def _refuse_reissue(session: Session, seq: NumberSequence, reference: str) -> None:
    """A sequence may serve a reference only if it cannot issue an ID that exists already
    (DOMAIN.md rule 10): the highest existing ID of its format must lie below its next."""
    fmt = parse_format(seq.format)
    _table, column = _ISSUED[reference]
    pattern = _escape(fmt.prefix) + "_" * fmt.width + _escape(fmt.suffix)
    # same prefix, width and suffix: the text order is the number order
    top = session.execute(
        select(func.max(column)).where(column.like(pattern, escape="\\"))
    ).scalar_one_or_none()
    digits = top[len(fmt.prefix) : len(top) - len(fmt.suffix)] if top else ""
    highest = int(digits) if digits.isdigit() else None
    if highest is not None and highest >= seq.next:
        raise RuleError(
            "sequence_would_reissue",
            N_(
                "{code} would issue {id} again: that ID exists already. Set its next number "
                "above {highest} first."
            ),
            code=seq.code,
            id=fmt.render(seq.next),
            highest=highest,
        )


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def peek(ctx: Context, reference: str) -> str | None:
    """The ID the next allocation would return; allocates nothing."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view number sequences"))
        return numbering.peek(session, reference)


def preview(fmt: str, start: int, count: int = 3) -> list[str]:
    """The next IDs a format would give (for live previews while typing)."""
    parsed = parse_format(fmt)
    return [parsed.render(n) for n in range(start, start + count) if n <= parsed.capacity]
