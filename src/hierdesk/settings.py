"""The desk's own settings (language, window, database), saved as JSON atomically.

Company-wide settings live in the database instead (shared by every desk). A password is
never stored here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from hierdesk import paths

log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str | None = None  # "ja" | "en"; None: follow the system
    era_dates: bool = False  # show dates as 令和8年11月26日 in Japanese
    db_url: str | None = None  # None: the default SQLite file
    window_geometry: str | None = None  # base64 of QWidget.saveGeometry()
    window_state: str | None = None  # base64 of QMainWindow.saveState()
    last_area: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read the settings; a missing or unreadable file gives the defaults (and is left
        as it is, so a damaged file can still be inspected)."""
        path = path or paths.settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable settings file %s: %s", path, exc)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)} - {"extra"}
        values = {k: v for k, v in raw.items() if k in known}
        extra = {k: v for k, v in raw.items() if k not in known}
        settings = cls(**values)
        settings.extra = extra
        return settings

    def save(self, path: Path | None = None) -> None:
        """Write atomically: a crash leaves either the old file or the new one."""
        path = path or paths.settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def system_language() -> str:
    """ "ja" when the desktop's locale is Japanese, else "en"."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        lang_id = int(kernel32.GetUserDefaultUILanguage())
        return "ja" if lang_id & 0x3FF == 0x11 else "en"
    return "en"


def resolve_db(option: str | None, settings: Settings, *, demo: bool = False) -> str:
    """Precedence: ``--db`` > ``HIERDESK_DB`` > the settings file > the default file."""
    if option:
        return option
    if demo:
        return str(paths.demo_db_path())
    env = os.environ.get("HIERDESK_DB", "").strip()
    if env:
        return env
    if settings.db_url:
        return settings.db_url
    return str(paths.default_db_path())
