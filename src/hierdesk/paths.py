"""Where hierdesk keeps its files (INTERFACES.md §2), through platformdirs.

On Windows: ``%LOCALAPPDATA%\\hierdesk\\hierdesk``; on Linux the XDG folders.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "hierdesk"
APP_AUTHOR = "hierdesk"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    return data_dir() / "hierdesk.sqlite3"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def log_dir() -> Path:
    """Where the desktop application writes its log (crash reports)."""
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
