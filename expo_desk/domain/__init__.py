"""Pure business rules: no I/O, no Qt, no SQL."""
