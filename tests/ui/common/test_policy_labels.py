"""A refusal in the collector's words: which of the customer's numbers remain to be tried."""

from collector_desk.domain.contacts import ContactPointKind
from collector_desk.domain.policy import Reason, Rule
from collector_desk.ui.common.labels import policy_reason


def _refusal(untried_names, days=7):
    params = {
        "attempts": 3,
        "days": days,
        "untried": tuple(range(len(untried_names))),
        "untried_names": untried_names,
    }
    return Reason(Rule.THIRD_PARTY_DEBTOR_REACHABLE, True, params=params)


def test_the_refusal_names_the_untried_numbers_masked(translations):
    names = ((ContactPointKind.HOME_PHONE, "42"), (ContactPointKind.WORK_PHONE, "07"))
    text = policy_reason(_refusal(names))
    assert text == (
        "third parties only after 3 failed calls to the customer in 7 days; "
        "not yet tried: Home phone ••42, Work phone ••07"
    )


def test_every_number_tried_but_not_enough_failures_says_only_the_rule(translations):
    assert policy_reason(_refusal((), days=1)) == (
        "third parties only after 3 failed calls to the customer today"
    )
    assert policy_reason(_refusal((), days=None)) == (
        "third parties only after 3 failed calls to the customer"
    )
