"""SQLite's busy timeout means "nobody released the lock", not "the queue was long": a desk
that waits while other desks keep committing keeps waiting (found by the concurrent-desks
harness, tests/stress/test_concurrent_desks.py)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from hierdesk.domain.errors import DatabaseError
from hierdesk.services import features
from hierdesk.services.setup import initialize

TIMEOUT_MS = 300


def _busy_other_desk(path: Path, holds: int, stop: threading.Event, ready: threading.Event) -> None:
    """Other desks at work: the write lock is held most of a timeout, released by a commit
    and taken again at once, over and over."""
    other = sqlite3.connect(path, isolation_level=None, timeout=5)
    try:
        other.execute("CREATE TABLE busy_marker (n INTEGER)")
        for i in range(holds):
            other.execute("BEGIN IMMEDIATE")
            ready.set()
            other.execute("INSERT INTO busy_marker VALUES (?)", (i,))
            time.sleep(TIMEOUT_MS / 1000 * 0.7)
            other.execute("COMMIT")
            if stop.is_set():
                break
    finally:
        other.close()


def test_a_write_waits_past_the_timeout_while_other_desks_keep_committing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", str(TIMEOUT_MS))
    path = tmp_path / "busy.sqlite3"
    ctx, _result = initialize(str(path))
    stop, ready = threading.Event(), threading.Event()
    busy = threading.Thread(target=_busy_other_desk, args=(path, 6, stop, ready))
    busy.start()
    try:
        assert ready.wait(5)
        started = time.monotonic()
        assert features.set_enabled(ctx, "b2b", True).enabled is True
        waited = time.monotonic() - started
    finally:
        stop.set()
        busy.join()
        ctx.db.dispose()
    # it was not refused, though the lock was busy for longer than the timeout
    assert waited > 0


def test_a_lock_nobody_releases_still_ends_in_db_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", str(TIMEOUT_MS))
    path = tmp_path / "stuck.sqlite3"
    ctx, _result = initialize(str(path))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(DatabaseError) as refused:
            features.set_enabled(ctx, "b2b", True)
        waited = time.monotonic() - started
        assert refused.value.code == "db_locked"
        assert waited < 10 * TIMEOUT_MS / 1000
    finally:
        other.execute("ROLLBACK")
        other.close()
        ctx.db.dispose()
