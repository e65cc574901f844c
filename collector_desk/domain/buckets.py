"""Delinquency buckets: configuration maps days past due (DPD) to a label and a segment.

Labels and ranges differ between banks ("M1" may mean 1-29 or 1-30), so nothing here hard-codes
them; the scheme comes from resources/config and is validated on load.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


class Segment(enum.StrEnum):
    CURRENT = "current"
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    LEGAL = "legal"


class BucketConfigError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Bucket:
    label: str
    min_dpd: int
    max_dpd: int | None  # None: open-ended, the last bucket
    segment: Segment

    def contains(self, dpd: int) -> bool:
        return dpd >= self.min_dpd and (self.max_dpd is None or dpd <= self.max_dpd)


@dataclass(frozen=True, slots=True)
class BucketScheme:
    buckets: tuple[Bucket, ...]

    def __post_init__(self) -> None:
        if not self.buckets:
            raise BucketConfigError("a bucket scheme needs at least one bucket")
        if self.buckets[0].min_dpd != 0:
            raise BucketConfigError("the first bucket must start at 0 days past due")
        for before, after in zip(self.buckets, self.buckets[1:], strict=False):
            if before.max_dpd is None or after.min_dpd != before.max_dpd + 1:
                raise BucketConfigError(
                    f"buckets {before.label!r} and {after.label!r} leave a gap or overlap"
                )
        if self.buckets[-1].max_dpd is not None:
            raise BucketConfigError("the last bucket must be open-ended")

    @classmethod
    def from_config(cls, rows: Iterable[Mapping[str, object]]) -> BucketScheme:
        buckets = []
        for row in rows:
            try:
                max_dpd = row.get("max_dpd")
                buckets.append(
                    Bucket(
                        label=str(row["label"]),
                        min_dpd=_whole(row["min_dpd"]),
                        max_dpd=None if max_dpd is None else _whole(max_dpd),
                        segment=Segment(str(row["segment"])),
                    )
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise BucketConfigError(f"bad bucket entry {dict(row)!r}: {exc}") from exc
        return cls(tuple(buckets))

    def for_dpd(self, dpd: int) -> Bucket:
        if dpd < 0:
            raise ValueError("days past due cannot be negative")
        for bucket in self.buckets:
            if bucket.contains(dpd):
                return bucket
        raise AssertionError("unreachable: the scheme is contiguous and open-ended")

    def rank(self, dpd: int) -> int:
        """The bucket's place in the scheme, 0 for the first: a higher rank is a worse bucket."""
        return self.buckets.index(self.for_dpd(dpd))

    def days_to_roll(self, dpd: int) -> int | None:
        """Days until the case rolls into the next bucket if not cured; None in the last one."""
        bucket = self.for_dpd(dpd)
        if bucket.max_dpd is None:
            return None
        return bucket.max_dpd + 1 - dpd

    @property
    def labels(self) -> list[str]:
        return [b.label for b in self.buckets]


def _whole(value: object) -> int:
    """int() of a configuration value; a table or a list is a TypeError, as int() makes it."""
    if not isinstance(value, int | float | str):
        raise TypeError(f"int() argument must be a number or a string, not {type(value).__name__}")
    return int(value)
