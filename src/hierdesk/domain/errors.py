"""Error types with stable codes.

Every error carries a stable ``code`` (for ``--json`` output and tests), an English message
template marked for translation, and the values for its ``{placeholders}``.  The text is
translated when it is shown (``error.localized()``), never when it is raised, so a language
switch in the GUI also changes messages that are already on screen.
"""

from __future__ import annotations

from typing import ClassVar

from hierdesk.i18n.core import _


class HierdeskError(Exception):
    """Base of all errors that reach a user. Subclasses fix the exit status."""

    exit_status: ClassVar[int] = 1

    def __init__(self, code: str, message: str, /, **params: object) -> None:
        self.code = code
        self.template = message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return self.template.format(**self.params)

    def localized(self) -> str:
        """The message in the current language."""
        return _(self.template).format(**self.params)


class ValidationError(HierdeskError):
    """Input that does not fit: names the field (and row) and what is expected."""

    def __init__(
        self,
        code: str,
        message: str,
        /,
        *,
        field: str | None = None,
        row: int | None = None,
        **params: object,
    ) -> None:
        self.field = field
        self.row = row
        super().__init__(code, message, field=field, row=row, **params)


class RuleError(HierdeskError):
    """Refused by a business rule; nothing changed."""


class NotFoundError(HierdeskError):
    """A named record does not exist."""


class ConflictError(HierdeskError):
    """Optimistic versioning: another desk changed the record first."""


class UsageError(HierdeskError):
    """The command was called wrongly (unknown option value, unsupported URL, …)."""

    exit_status = 2


class PermissionDeniedError(HierdeskError):
    """The operator's role does not allow this."""

    exit_status = 3


class DatabaseError(HierdeskError):
    """The database is unavailable, locked past the timeout, from a newer schema or damaged."""

    exit_status = 4


class Translated(str):
    """A message parameter that is itself a message id: translated when the message is
    shown, so it follows the reader's language like the message around it."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(_(str(self)), spec)


class NameList(tuple[str, ...]):
    """Names (message ids) for a message, each translated and quoted when shown:
    “A”, “B” in English, 「A」、「B」 in Japanese."""

    def __format__(self, spec: str) -> str:
        from hierdesk.i18n.core import current_language

        if current_language() == "ja":
            text = "、".join(f"「{_(name)}」" for name in self)
        else:
            text = ", ".join(f"“{_(name)}”" for name in self)
        return format(text, spec)
