"""Settings section (being written)."""

from __future__ import annotations

from hierdesk.ui.settings.section import Section


class LookupsSection(Section):
    pass
