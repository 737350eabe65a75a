"""Reliability suite: faults, load, TLS and auth against real aisnode clusters (see conftest.py)."""
