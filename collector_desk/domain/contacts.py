"""Contacts and the contact points they use."""

import enum


class Channel(enum.StrEnum):
    CALL = "call"
    SMS = "sms"
    EMAIL = "email"
    LETTER = "letter"
    VISIT = "visit"


class Direction(enum.StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class OutcomeGroup(enum.StrEnum):
    FAIL = "fail"  # could not reach anyone
    REACH = "reach"  # reached someone other than the customer
    SUCCESS = "success"  # right-party contact


class Outcome(enum.StrEnum):
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    VOICEMAIL = "voicemail"
    WRONG_NUMBER = "wrong_number"
    DISCONNECTED = "disconnected"
    THIRD_PARTY = "third_party"
    RIGHT_PARTY = "right_party"
    PROMISE_TO_PAY = "promise_to_pay"
    REFUSED_TO_PAY = "refused_to_pay"
    DISPUTE = "dispute"
    CALLBACK_REQUESTED = "callback_requested"
    CLAIMS_PAID = "claims_paid"
    HARDSHIP = "hardship"
    LANGUAGE_BARRIER = "language_barrier"

    @property
    def group(self) -> OutcomeGroup:
        return _GROUPS[self]


_GROUPS = {
    Outcome.NO_ANSWER: OutcomeGroup.FAIL,
    Outcome.BUSY: OutcomeGroup.FAIL,
    Outcome.VOICEMAIL: OutcomeGroup.FAIL,
    Outcome.WRONG_NUMBER: OutcomeGroup.FAIL,
    Outcome.DISCONNECTED: OutcomeGroup.FAIL,
    Outcome.THIRD_PARTY: OutcomeGroup.REACH,
    Outcome.LANGUAGE_BARRIER: OutcomeGroup.REACH,
    Outcome.RIGHT_PARTY: OutcomeGroup.SUCCESS,
    Outcome.PROMISE_TO_PAY: OutcomeGroup.SUCCESS,
    Outcome.REFUSED_TO_PAY: OutcomeGroup.SUCCESS,
    Outcome.DISPUTE: OutcomeGroup.SUCCESS,
    Outcome.CALLBACK_REQUESTED: OutcomeGroup.SUCCESS,
    Outcome.CLAIMS_PAID: OutcomeGroup.SUCCESS,
    Outcome.HARDSHIP: OutcomeGroup.SUCCESS,
}


class ContactPointKind(enum.StrEnum):
    MOBILE = "mobile"
    HOME_PHONE = "home_phone"
    WORK_PHONE = "work_phone"
    EMAIL = "email"
    ADDRESS = "address"

    @property
    def is_phone(self) -> bool:
        return self in {
            ContactPointKind.MOBILE,
            ContactPointKind.HOME_PHONE,
            ContactPointKind.WORK_PHONE,
        }


class Relation(enum.StrEnum):
    """Whose contact point it is; anyone but SELF is a third party (no debt disclosure)."""

    SELF = "self"
    EMPLOYER = "employer"
    FAMILY = "family"
    REFERENCE = "reference"


class ContactPointStatus(enum.StrEnum):
    VALID = "valid"
    UNVERIFIED = "unverified"
    WRONG_NUMBER = "wrong_number"
    DO_NOT_CALL = "do_not_call"
