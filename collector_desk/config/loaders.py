"""Read the TOML configuration files into validated domain objects."""

import tomllib
from functools import cache
from pathlib import Path

from collector_desk.config.resources import resource
from collector_desk.domain.buckets import BucketScheme
from collector_desk.domain.priority import PriorityWeights


def _read(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_bucket_scheme(path: Path | None = None) -> BucketScheme:
    data = _read(path or resource("config", "buckets.toml"))
    return BucketScheme.from_config(data.get("bucket", []))


def load_priority_weights(path: Path | None = None) -> PriorityWeights:
    data = _read(path or resource("config", "priority.toml"))
    return PriorityWeights(
        points={k: int(v) for k, v in data.get("points", {}).items()},
        roll_soon_days=int(data.get("roll_soon_days", 3)),
        untouched_days=int(data.get("untouched_days", 7)),
    )


@cache
def default_bucket_scheme() -> BucketScheme:
    return load_bucket_scheme()


@cache
def default_priority_weights() -> PriorityWeights:
    return load_priority_weights()
