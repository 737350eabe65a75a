"""Test support shared by tests/ (and bench/): TCP relays and the request tap."""
