"""Use cases, one module per area. Each public call is one unit of work."""
