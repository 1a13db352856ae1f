"""Pure-Python domain: value objects, validation, rules and error types (no Qt, no SQL)."""
