"""hierdesk — back office for B2B customer hierarchies (日本語 / English)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hierdesk")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
