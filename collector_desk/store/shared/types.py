"""Column types that enforce the data rules: aware UTC times, money in integer minor units."""

from datetime import UTC, datetime

from sqlalchemy import BigInteger, DateTime
from sqlalchemy.types import TypeDecorator

from collector_desk.domain.money import check_minor


class UTCDateTime(TypeDecorator[datetime]):
    """Stores timezone-aware times as UTC and always gives them back aware, on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: store timezone-aware times only")
        value = value.astimezone(UTC)
        # SQLite has no time zone type: keep the UTC wall time so text order is time order.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class MinorUnits(TypeDecorator[int]):
    """Integer minor units (fen, cents). A float is refused before it reaches the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: int | None, dialect) -> int | None:
        return None if value is None else check_minor(value)

    def process_result_value(self, value: int | None, dialect) -> int | None:
        return value


def sqlite_datetime_text(value: datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores, for bulk loads that bypass bind processing."""
    if value.tzinfo is None:
        raise ValueError("naive datetime refused: store timezone-aware times only")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
