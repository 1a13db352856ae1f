"""What is wrong with a code or a name typed into a settings form, said as the user types
(the services check again and have the last word)."""

from __future__ import annotations

import re
from typing import Final

from hierdesk.domain.model import CODE_CHARACTER, CODE_MAX
from hierdesk.i18n.core import _

_CODE_CHAR: Final = re.compile(CODE_CHARACTER)


def code_problem(code: str, existing: set[str], exists: str) -> str | None:
    """The problem with a new record's code, in the current language, or None. ``exists``
    is the msgid (with ``{code}``) that says a record with this code exists already."""
    code = code.strip()
    if not code:
        return _("Enter a code.")
    wrong = "".join(dict.fromkeys(c for c in code if not _CODE_CHAR.fullmatch(c)))
    if wrong:
        return _("Use only half-width letters, digits, - and _ (not “{chars}”).").format(
            chars=wrong
        )
    if len(code) > CODE_MAX:
        return _("At most {limit} characters ({count} typed).").format(
            limit=CODE_MAX, count=len(code)
        )
    if code in existing:
        return _(exists).format(code=code)
    return None


def name_problem(name: str, limit: int) -> str | None:
    """The problem with a name of at most ``limit`` characters, or None."""
    name = name.strip()
    if not name:
        return _("Enter a name.")
    if len(name) > limit:
        return _("At most {limit} characters ({count} typed).").format(limit=limit, count=len(name))
    return None
