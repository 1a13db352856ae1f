"""Number sequences: allocation that never issues an ID twice (DOMAIN.md rule 10).

The number is taken in the same transaction that uses it: the sequence row is locked
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises
writers), so a rolled-back transaction gives its number back and a continuous sequence
never skips one.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.schema import NumberSequence, SequenceReference
from hierdesk.domain.errors import RuleError
from hierdesk.domain.numbering import parse_format
from hierdesk.i18n.core import N_

#: The sequences ``init`` creates, assigned to their references.
DEFAULT_SEQUENCES = (
    # code, name, format, reference, continuous
    ("HIER", "Customer hierarchy ID", "CH-######", "hierarchy_id", False),
    ("CUST", "Customer account", "C######", "customer_account", True),
)


def _sequence_for(session: Session, reference: str, *, lock: bool) -> NumberSequence:
    stmt = (
        select(NumberSequence)
        .join(SequenceReference, SequenceReference.sequence_id == NumberSequence.id)
        .where(SequenceReference.reference == reference)
    )
    if lock:
        stmt = stmt.with_for_update()
    seq = session.execute(stmt).scalar_one_or_none()
    if seq is None:
        raise RuleError(
            "sequence_not_assigned",
            N_(
                "No number sequence is assigned to “{reference}”. An administrator assigns "
                "one under Settings ▸ Number sequences."
            ),
            reference=reference,
        )
    return seq


def lock_reference(session: Session, reference: str) -> None:
    """Take the row lock of the sequence behind ``reference`` now, before checks that
    must be one step across desks with the IDs they allow.

    Every approval and every new or re-enabled person takes a customer account or must
    not clash with one, so locking ``customer_account`` first makes the duplicate checks
    (DOMAIN rules 5 and 6) and the customers they allow one step: a second desk checking
    the same person or company waits, then sees what the first created. It also fixes
    the lock order (sequence before hierarchy), so two desks cannot deadlock. SQLite's
    ``BEGIN IMMEDIATE`` already serialises writers; this is for PostgreSQL. A missing
    sequence is not an error here: allocation reports it."""
    session.execute(
        select(NumberSequence.id)
        .join(SequenceReference, SequenceReference.sequence_id == NumberSequence.id)
        .where(SequenceReference.reference == reference)
        .with_for_update()
    ).all()


def allocate(session: Session, reference: str) -> str:
    """Take the next ID of ``reference`` inside the caller's write transaction."""
    seq = _sequence_for(session, reference, lock=True)
    if seq.stopped:
        raise RuleError(
            "sequence_stopped",
            N_("The number sequence {code} is stopped, so no {reference} can be issued."),
            code=seq.code,
            reference=reference,
        )
    if seq.next > seq.largest:
        raise RuleError(
            "sequence_exhausted",
            N_(
                "The number sequence {code} is used up: it runs from {smallest} to {largest}. "
                "An administrator can raise the largest number or assign another sequence."
            ),
            code=seq.code,
            smallest=seq.smallest,
            largest=seq.largest,
        )
    number = seq.next
    seq.next = number + 1
    session.flush()
    return parse_format(seq.format).render(number)


def peek(session: Session, reference: str) -> str | None:
    """The ID the next allocation would return (None when it would be refused)."""
    seq = _sequence_for(session, reference, lock=False)
    if seq.stopped or seq.next > seq.largest:
        return None
    return parse_format(seq.format).render(seq.next)


def allocate_many(session: Session, reference: str, count: int) -> list[str]:
    """Take ``count`` consecutive IDs at once (bulk loads); all or none."""
    if count <= 0:
        return []
    seq = _sequence_for(session, reference, lock=True)
    first = seq.next
    if seq.stopped:
        allocate(session, reference)  # raises the stopped refusal with its wording
    if first + count - 1 > seq.largest:
        raise RuleError(
            "sequence_exhausted",
            N_(
                "The number sequence {code} cannot issue {count} more IDs: it runs from "
                "{smallest} to {largest} and the next is {next}."
            ),
            code=seq.code,
            count=count,
            smallest=seq.smallest,
            largest=seq.largest,
            next=first,
        )
    seq.next = first + count
    session.flush()
    fmt = parse_format(seq.format)
    return [fmt.render(n) for n in range(first, first + count)]
