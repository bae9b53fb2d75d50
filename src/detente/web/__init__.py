"""The web side of detente: a REST API (and, later, the dashboard) over the store."""
