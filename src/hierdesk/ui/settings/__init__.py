"""The settings pane: one section per area of configuration, each from its own .ui form."""
