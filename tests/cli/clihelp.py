"""Running ``hierdesk-cli`` in-process from the CLI tests: one JSON document, the exit
status and stderr, as a scheduler or a script would see them. (Imported by the test modules
of this folder: pytest puts it on ``sys.path``.)"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from hierdesk.cli import main
from hierdesk.services import operators
from hierdesk.services.context import Context

Where = str | Sequence[str]  # a database URL, or the options that open it as someone


def _argv(where: Where, command: str) -> list[str]:
    options = ["--db", where] if isinstance(where, str) else list(where)
    return [*options, *shlex.split(command)]


def run(capsys: pytest.CaptureFixture[str], where: Where, command: str) -> tuple[int, Any, str]:
    """``hierdesk-cli --json …``: the exit status, the one JSON document, and stderr."""
    status = main(["--json", *_argv(where, command)])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def ok(capsys: pytest.CaptureFixture[str], where: Where, command: str) -> Any:
    status, data, err = run(capsys, where, command)
    assert status == 0, (data, err)
    assert err == ""
    return data


def refused(
    capsys: pytest.CaptureFixture[str], status: int, code: str, where: Where, command: str
) -> str:
    """Runs a command that must fail with ``status`` and error ``code``; returns the message
    (also on stderr, in one line)."""
    got, data, err = run(capsys, where, command)
    assert (got, data["error"]["code"]) == (status, code), (data, err)
    assert data["error"]["message"] in err
    assert len(err.strip().splitlines()) == 1
    return str(data["error"]["message"])


def text(capsys: pytest.CaptureFixture[str], where: Where, command: str) -> str:
    """What people read (no --json)."""
    status = main(_argv(where, command))
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def as_operator(
    ctx: Context, login_url: Callable[[Context, str], str], login: str, role: str | None
) -> list[str]:
    """The options that run a command as ``login`` (an operator with ``role``, or no
    operator at all): on SQLite by name, on PostgreSQL as that database login."""
    if role is not None:
        operators.add_operator(ctx, login, role)
    return ["--db", login_url(ctx, login), "--operator", login]
