"""The event store: one DuckDB file with the runs, the articles and their coded events.

`Store.open` creates the file and applies the schema's migrations; `save` replaces an article
and its events in one transaction; `event_records` and `export` read them back in the shape of
`detente.serialize.event_record`. The tables are documented in `detente.store._schema`.
"""

from detente.store._schema import EXPORT_COLUMNS, SCHEMA_VERSION
from detente.store._store import Store, StoreStats

__all__ = ["EXPORT_COLUMNS", "SCHEMA_VERSION", "Store", "StoreStats"]
