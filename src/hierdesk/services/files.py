"""Files that appear whole or not at all.

A reader (Excel, a site's import) must never see half a file: the content is written to a
hidden ``.<name>.part`` beside the target, flushed to disk, and only then renamed over
the target (``os.replace`` is atomic on the same volume, on Windows too). A writer that is
killed leaves the previous file as it was, and at most its ``.part``, which the next write
of the same target removes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from hierdesk.domain.errors import RuleError
from hierdesk.i18n.core import N_


class CancelledError(Exception):
    """Raised by a writer to abandon the file; the target is left untouched."""


def part_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def write_error(path: Path, exc: OSError) -> RuleError:
    return RuleError(
        "export_failed",
        N_("The file {path} could not be written: {detail}"),
        path=str(path),
        detail=exc.strerror or str(exc),
    )


@contextlib.contextmanager
def prepared(path: Path, mode: str = "w", **open_args: object) -> Iterator[IO[str]]:
    """Open the ``.part`` of ``path`` for writing; on leaving the block without an error
    the ``.part`` is complete and on disk (but not yet in place: see :func:`commit`). On
    an error the ``.part`` is removed and the error raised again."""
    part = part_path(path)
    try:
        with part.open(mode, **open_args) as handle:  # type: ignore[call-overload]
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def commit(path: Path) -> None:
    """Put the prepared ``.part`` in place of ``path`` in one step."""
    os.replace(part_path(path), path)


def discard(path: Path) -> None:
    part_path(path).unlink(missing_ok=True)


def write_atomically(
    path: Path, write: Callable[[IO[str]], None], mode: str = "w", **open_args: object
) -> bool:
    """Write ``path`` through ``write(handle)`` so that it appears only when complete.

    Returns False when ``write`` raised :class:`CancelledError` (nothing changed); an
    ``OSError`` becomes a localised refusal naming the file."""
    try:
        with prepared(path, mode, **open_args) as handle:
            write(handle)
        commit(path)
    except CancelledError:
        return False
    except OSError as exc:
        discard(path)
        raise write_error(path, exc) from exc
    return True
