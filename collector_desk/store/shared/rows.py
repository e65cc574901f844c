"""Rows as JSON-ready dicts and back, by each column's type: how cases travel in a pull."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, Table

from collector_desk.store.shared.schema import Base
from collector_desk.store.shared.types import UTCDateTime


def to_json(obj) -> dict:
    table: Table = obj.__table__
    out = {}
    for column in table.columns:
        value = getattr(obj, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, enum.Enum):
            value = value.value
        out[column.key] = value
    return out


def from_json(table_name: str, data: dict) -> dict:
    """Column values for an insert into table_name; unknown keys are an error, not ignored."""
    table = Base.metadata.tables[table_name]
    unknown = set(data) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{table_name} has no columns {sorted(unknown)}")
    out = {}
    for key, value in data.items():
        column_type = table.columns[key].type
        if value is not None and isinstance(column_type, UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column_type, Date):
            value = date.fromisoformat(value)
        out[key] = value
    return out
