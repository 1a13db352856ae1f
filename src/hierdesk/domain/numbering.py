"""Number sequence formats: constant characters around one run of ``#``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hierdesk.domain.errors import ValidationError
from hierdesk.i18n.core import N_

_RUN = re.compile(r"#+")


@dataclass(frozen=True, slots=True)
class SequenceFormat:
    prefix: str
    width: int
    suffix: str

    @property
    def capacity(self) -> int:
        """The largest number the run of ``#`` can hold."""
        return int(10**self.width) - 1

    def render(self, number: int) -> str:
        return f"{self.prefix}{number:0{self.width}d}{self.suffix}"


def parse_format(text: str, field: str = "format") -> SequenceFormat:
    runs = list(_RUN.finditer(text))
    if not runs:
        raise ValidationError(
            "sequence_format_no_run",
            N_("{field}: the format needs one run of # for the number, e.g. CH-######."),
            field=field,
        )
    if len(runs) > 1:
        raise ValidationError(
            "sequence_format_two_runs",
            N_("{field}: the format may contain only one run of #; “{value}” has {count}."),
            field=field,
            value=text,
            count=len(runs),
        )
    run = runs[0]
    if run.end() - run.start() > 18:
        raise ValidationError(
            "sequence_format_too_wide",
            N_("{field}: the run of # may have at most 18 digits; “{value}” has {count}."),
            field=field,
            value=text,
            count=run.end() - run.start(),
        )
    prefix, suffix = text[: run.start()], text[run.end() :]
    if any(not ch.isprintable() or ch.isspace() for ch in prefix + suffix):
        raise ValidationError(
            "sequence_format_characters",
            N_("{field}: the constant part may not contain spaces or control characters."),
            field=field,
        )
    if len(text) > 20:
        raise ValidationError(
            "sequence_format_too_long",
            N_("{field}: an ID may have at most 20 characters; “{value}” has {count}."),
            field=field,
            value=text,
            count=len(text),
        )
    return SequenceFormat(prefix, run.end() - run.start(), suffix)


def validate_sequence(fmt: str, smallest: int, largest: int, next_: int) -> SequenceFormat:
    """Check a sequence's settings together, as they are saved."""
    parsed = parse_format(fmt)
    if smallest < 0:
        raise ValidationError(
            "sequence_smallest_negative",
            N_("{field}: the smallest number must be 0 or more."),
            field="smallest",
        )
    if largest < smallest:
        raise ValidationError(
            "sequence_largest_below_smallest",
            N_("{field}: the largest number ({largest}) is below the smallest ({smallest})."),
            field="largest",
            largest=largest,
            smallest=smallest,
        )
    if largest > parsed.capacity:
        raise ValidationError(
            "sequence_largest_does_not_fit",
            N_(
                "{field}: {largest} does not fit the format {format}, which holds at most "
                "{capacity}."
            ),
            field="largest",
            largest=largest,
            format=fmt,
            capacity=parsed.capacity,
        )
    if not smallest <= next_ <= largest + 1:
        raise ValidationError(
            "sequence_next_out_of_range",
            N_("{field}: the next number ({next}) must lie between {smallest} and {largest}."),
            field="next",
            next=next_,
            smallest=smallest,
            largest=largest,
        )
    return parsed
