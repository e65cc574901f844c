import pytest

from collector_desk.config.loaders import load_bucket_scheme
from collector_desk.domain.buckets import BucketConfigError, BucketScheme, Segment


@pytest.fixture
def scheme() -> BucketScheme:
    return load_bucket_scheme()


@pytest.mark.parametrize(
    ("dpd", "label", "segment"),
    [
        (0, "M0", Segment.CURRENT),
        (1, "M1", Segment.EARLY),
        (29, "M1", Segment.EARLY),
        (30, "M2", Segment.EARLY),
        (59, "M2", Segment.EARLY),
        (60, "M3", Segment.MID),
        (119, "M4", Segment.MID),
        (120, "M5", Segment.LATE),
        (179, "M5", Segment.LATE),
        (180, "M6+", Segment.LEGAL),
        (2000, "M6+", Segment.LEGAL),
    ],
)
def test_shipped_scheme_maps_dpd_to_bucket_at_the_boundaries(scheme, dpd, label, segment):
    bucket = scheme.for_dpd(dpd)
    assert (bucket.label, bucket.segment) == (label, segment)


def test_days_to_roll_counts_to_the_next_bucket(scheme):
    assert scheme.days_to_roll(28) == 2
    assert scheme.days_to_roll(29) == 1
    assert scheme.days_to_roll(30) == 30
    assert scheme.days_to_roll(400) is None


def test_negative_dpd_is_an_error(scheme):
    with pytest.raises(ValueError):
        scheme.for_dpd(-1)


def _rows(*ranges):
    return [
        {"label": f"B{i}", "min_dpd": lo, "max_dpd": hi, "segment": "early"}
        for i, (lo, hi) in enumerate(ranges)
    ]


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 29), (31, None)],  # gap at 30
        [(0, 30), (30, None)],  # overlap at 30
        [(1, 29), (30, None)],  # does not start at 0
        [(0, 29), (30, 59)],  # not open-ended
    ],
)
def test_a_bank_scheme_with_gaps_or_overlaps_is_refused(ranges):
    with pytest.raises(BucketConfigError):
        BucketScheme.from_config(_rows(*ranges))


def test_a_bank_with_other_labels_and_ranges_is_configuration_only():
    scheme = BucketScheme.from_config(
        [
            {"label": "Current", "min_dpd": 0, "max_dpd": 0, "segment": "current"},
            {"label": "X1", "min_dpd": 1, "max_dpd": 30, "segment": "early"},
            {"label": "X2+", "min_dpd": 31, "segment": "late"},
        ]
    )
    assert scheme.for_dpd(30).label == "X1"
    assert scheme.for_dpd(31).label == "X2+"
