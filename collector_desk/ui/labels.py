"""Translated names for the domain's codes. The domain stays free of Qt; the UI names things."""

from PySide6.QtCore import QCoreApplication

from collector_desk.domain.cases import CaseFlag, CaseStatus, PlanStatus, PromiseStatus
from collector_desk.domain.contact_hours import Blocked, Contactability
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Outcome,
    Relation,
)

translate = QCoreApplication.translate


def outcome(value: Outcome) -> str:
    return {
        Outcome.NO_ANSWER: translate("Outcome", "No answer"),
        Outcome.BUSY: translate("Outcome", "Busy"),
        Outcome.VOICEMAIL: translate("Outcome", "Voicemail"),
        Outcome.WRONG_NUMBER: translate("Outcome", "Wrong number"),
        Outcome.DISCONNECTED: translate("Outcome", "Disconnected"),
        Outcome.THIRD_PARTY: translate("Outcome", "Third party"),
        Outcome.RIGHT_PARTY: translate("Outcome", "Right party"),
        Outcome.PROMISE_TO_PAY: translate("Outcome", "Promise to pay"),
        Outcome.REFUSED_TO_PAY: translate("Outcome", "Refused to pay"),
        Outcome.DISPUTE: translate("Outcome", "Dispute"),
        Outcome.CALLBACK_REQUESTED: translate("Outcome", "Callback requested"),
        Outcome.CLAIMS_PAID: translate("Outcome", "Claims paid"),
        Outcome.HARDSHIP: translate("Outcome", "Hardship"),
        Outcome.LANGUAGE_BARRIER: translate("Outcome", "Language barrier"),
    }[value]


def flag(value: CaseFlag) -> str:
    return {
        CaseFlag.DISPUTE: translate("CaseFlag", "Dispute"),
        CaseFlag.COMPLAINT: translate("CaseFlag", "Complaint"),
        CaseFlag.CEASE_COMMUNICATION: translate("CaseFlag", "Cease communication"),
        CaseFlag.BANKRUPTCY: translate("CaseFlag", "Bankruptcy"),
        CaseFlag.DECEASED: translate("CaseFlag", "Deceased"),
        CaseFlag.FRAUD_VICTIM: translate("CaseFlag", "Fraud victim"),
        CaseFlag.LEGAL_REPRESENTATION: translate("CaseFlag", "Legal representation"),
        CaseFlag.HARDSHIP: translate("CaseFlag", "Hardship"),
    }[value]


def promise_status(value: PromiseStatus) -> str:
    return {
        PromiseStatus.OPEN: translate("PromiseStatus", "Open"),
        PromiseStatus.KEPT: translate("PromiseStatus", "Kept"),
        PromiseStatus.PARTIAL: translate("PromiseStatus", "Partial"),
        PromiseStatus.BROKEN: translate("PromiseStatus", "Broken"),
        PromiseStatus.CANCELLED: translate("PromiseStatus", "Cancelled"),
    }[value]


def case_status(value: CaseStatus) -> str:
    return {
        CaseStatus.OPEN: translate("CaseStatus", "Open"),
        CaseStatus.PROMISED: translate("CaseStatus", "Promised"),
        CaseStatus.PLAN: translate("CaseStatus", "On a plan"),
        CaseStatus.LEGAL: translate("CaseStatus", "Legal"),
        CaseStatus.CLOSED: translate("CaseStatus", "Closed"),
    }[value]


def segment(value: str) -> str:
    return {
        "current": translate("Segment", "Current"),
        "early": translate("Segment", "Early"),
        "mid": translate("Segment", "Mid-stage"),
        "late": translate("Segment", "Late-stage"),
        "legal": translate("Segment", "Legal"),
    }.get(value, value)


def channel(value: Channel) -> str:
    return {
        Channel.CALL: translate("Channel", "Call"),
        Channel.SMS: translate("Channel", "SMS"),
        Channel.EMAIL: translate("Channel", "Email"),
        Channel.LETTER: translate("Channel", "Letter"),
        Channel.VISIT: translate("Channel", "Visit"),
    }[value]


def point_kind(value: ContactPointKind) -> str:
    return {
        ContactPointKind.MOBILE: translate("ContactPointKind", "Mobile"),
        ContactPointKind.HOME_PHONE: translate("ContactPointKind", "Home phone"),
        ContactPointKind.WORK_PHONE: translate("ContactPointKind", "Work phone"),
        ContactPointKind.EMAIL: translate("ContactPointKind", "Email"),
        ContactPointKind.ADDRESS: translate("ContactPointKind", "Address"),
    }[value]


def relation(value: Relation) -> str:
    return {
        Relation.SELF: translate("Relation", "Customer"),
        Relation.EMPLOYER: translate("Relation", "Employer"),
        Relation.FAMILY: translate("Relation", "Family"),
        Relation.REFERENCE: translate("Relation", "Reference"),
    }[value]


def point_status(value: ContactPointStatus) -> str:
    return {
        ContactPointStatus.VALID: translate("ContactPointStatus", "Valid"),
        ContactPointStatus.UNVERIFIED: translate("ContactPointStatus", "Unverified"),
        ContactPointStatus.WRONG_NUMBER: translate("ContactPointStatus", "Wrong number"),
        ContactPointStatus.DO_NOT_CALL: translate("ContactPointStatus", "Do not call"),
    }[value]


def next_action(value: str | None) -> str:
    if value is None:
        return ""
    return {
        "callback": translate("NextAction", "Callback"),
        "promise_due": translate("NextAction", "Promise due"),
    }.get(value, value)


def language(code: str) -> str:
    return {
        "zh_CN": translate("Language", "Chinese"),
        "en_US": translate("Language", "English"),
    }.get(code, code)


def product(code: str) -> str:
    return {
        "standard": translate("Product", "Standard card"),
        "gold": translate("Product", "Gold card"),
        "platinum": translate("Product", "Platinum card"),
        "co-brand": translate("Product", "Co-branded card"),
    }.get(code, code)


def payment_source(code: str) -> str:
    return {
        "bank_transfer": translate("PaymentSource", "Bank transfer"),
        "mobile_app": translate("PaymentSource", "Mobile app"),
        "counter": translate("PaymentSource", "Branch counter"),
        "auto_debit": translate("PaymentSource", "Automatic debit"),
    }.get(code, code)


def priority_component(name: str) -> str:
    return {
        "callback_due": translate("Priority", "callback due"),
        "promise_broken": translate("Priority", "promise broken"),
        "promise_due_today": translate("Priority", "promise due today"),
        "roll_soon": translate("Priority", "rolls to the next bucket soon"),
        "overdue_amount": translate("Priority", "overdue amount"),
        "dpd": translate("Priority", "days past due"),
        "untouched": translate("Priority", "not worked for a week"),
        "reached_recently": translate("Priority", "reached recently"),
    }.get(name, name)


def plan_status(value: PlanStatus) -> str:
    return {
        PlanStatus.PENDING_APPROVAL: translate("PlanStatus", "Waiting for approval"),
        PlanStatus.ACTIVE: translate("PlanStatus", "Active"),
        PlanStatus.COMPLETED: translate("PlanStatus", "Completed"),
        PlanStatus.BROKEN: translate("PlanStatus", "Broken"),
        PlanStatus.REJECTED: translate("PlanStatus", "Rejected"),
    }[value]


def contactable(verdict: Contactability, short: bool = False) -> str:
    """ "✓ may contact now" or why not, reading without colour; short for the queue column."""
    if verdict.allowed:
        return "✓ " + (
            translate("Contactability", "now")
            if short
            else translate("Contactability", "may contact now")
        )
    if verdict.reason is Blocked.OUTSIDE_HOURS and verdict.next_allowed_at is not None:
        at = verdict.next_allowed_at.strftime("%H:%M")
        return "✗ " + (
            translate("Contactability", "from %1")
            if short
            else translate("Contactability", "not before %1 local time")
        ).replace("%1", at)
    if verdict.reason is Blocked.STOP_FLAG:
        return "✗ " + (
            translate("Contactability", "stop flag")
            if short
            else translate("Contactability", "collection stopped by a flag")
        )
    return "✗ " + (
        translate("Contactability", "no rules")
        if short
        else translate("Contactability", "no contact rules for this customer")
    )


def sync_reason(code: str) -> str:
    """Why the server refused a change, in the user's words."""
    return {
        "number_not_dialable": translate(
            "SyncReason", "the number was marked wrong or do-not-call"
        ),
        "not_your_case": translate("SyncReason", "the case is not yours"),
        "no_such_case": translate("SyncReason", "the case no longer exists"),
        "malformed": translate("SyncReason", "the change was damaged"),
        "unknown_mutation": translate("SyncReason", "this server does not know that change"),
        "number_not_customers": translate("SyncReason", "the number is not the customer's"),
    }.get(code, code)
