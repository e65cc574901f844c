import pytest

from collector_desk.config.loaders import load_priority_weights
from collector_desk.domain.priority import CaseFacts, PriorityConfigError, PriorityWeights, score


@pytest.fixture
def weights() -> PriorityWeights:
    return load_priority_weights()


def test_each_component_is_named_so_the_collector_can_read_why(weights):
    facts = CaseFacts(
        dpd=28,
        days_to_roll=2,
        overdue_major=10_000,
        callback_due=True,
        promise_broken_days_ago=1,
        days_since_contact=1,
        reached_days_ago=1,
    )
    result = score(facts, weights)
    names = dict(result.components)
    assert names["callback_due"] == 40
    assert names["promise_broken"] == 30
    assert names["roll_soon"] == 25
    assert names["reached_recently"] == -15
    assert "untouched" not in names
    assert result.total == sum(names.values())


def test_a_broken_promise_and_a_due_callback_outrank_a_quiet_case(weights):
    quiet = score(
        CaseFacts(dpd=40, days_to_roll=20, overdue_major=5_000, days_since_contact=2), weights
    )
    urgent = score(
        CaseFacts(
            dpd=40,
            days_to_roll=20,
            overdue_major=5_000,
            days_since_contact=2,
            callback_due=True,
            promise_broken_days_ago=0,
        ),
        weights,
    )
    assert urgent.total > quiet.total


def test_weights_must_name_every_component_and_nothing_else():
    with pytest.raises(PriorityConfigError):
        PriorityWeights(points={"callback_due": 1})
    full = dict(load_priority_weights().points)
    with pytest.raises(PriorityConfigError):
        PriorityWeights(points={**full, "star_sign": 5})
