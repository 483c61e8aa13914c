"""Use cases: each one transaction, each change audited, each returning what changed."""
