"""Running service calls off the GUI thread.

All work goes through one worker thread, so writes from the GUI serialise and the window
keeps painting. Results, refusals and progress come back to the GUI thread by signal.
Call :meth:`TaskRunner.shutdown` before the QApplication goes away.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], bool]  # (done, total) -> carry on?


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class TaskHandle:
    """What the GUI keeps of a submitted task: a way to ask it to stop between batches."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Task(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, handle: TaskHandle):
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._signals = signals
        self._handle = handle

    def run(self) -> None:
        def progress(done: int, total: int) -> bool:
            self._signals.progress.emit(done, total)
            return not self._handle.cancelled

        try:
            result = self._work(progress)
        except Exception as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)
        finally:
            self._handle.done.set()


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._handles: list[TaskHandle] = []
        self._signals: list[_Signals] = []

    def submit(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        handle = TaskHandle()
        signals = _Signals(self)
        signals.finished.connect(on_done)
        signals.failed.connect(on_error)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        signals.finished.connect(lambda _r: self._forget(handle, signals))
        signals.failed.connect(lambda _e: self._forget(handle, signals))
        self._handles.append(handle)
        self._signals.append(signals)
        self._pool.start(_Task(work, signals, handle))
        return handle

    def _forget(self, handle: TaskHandle, signals: _Signals) -> None:
        if handle in self._handles:
            self._handles.remove(handle)
        if signals in self._signals:
            self._signals.remove(signals)
            signals.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def shutdown(self) -> None:
        """Ask running work to stop and wait for the worker (before the app goes away)."""
        for handle in self._handles:
            handle.cancel()
        self._pool.clear()
        self._pool.waitForDone()
