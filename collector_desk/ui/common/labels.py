"""Translated names for the domain's codes. The domain stays free of Qt; the UI names things."""

from collections.abc import Mapping
from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from collector_desk.domain.calls import Ending
from collector_desk.domain.cases import CaseFlag, CaseStatus, PlanStatus, PromiseStatus
from collector_desk.domain.contacts import (
    Channel,
    ContactPointKind,
    ContactPointStatus,
    Outcome,
    Relation,
)
from collector_desk.domain.messages import MessageStatus
from collector_desk.domain.policy import Decision, Notice, Reason, Rule
from collector_desk.ui.common import formatting

translate = QCoreApplication.translate


def count(params: Mapping[str, object], key: str) -> int:
    """A count from an error's params, for a "%n day(s)" text (0 if the sender left it out)."""
    value = params.get(key, 0)
    return value if isinstance(value, int) else 0


def call_ending(value: Ending) -> str:
    return {
        Ending.ANSWERED: translate("CallEnding", "answered"),
        Ending.BUSY: translate("CallEnding", "busy"),
        Ending.DECLINED: translate("CallEnding", "declined"),
        Ending.NO_ANSWER: translate("CallEnding", "no answer"),
        Ending.CANCELLED: translate("CallEnding", "hung up before an answer"),
        Ending.NUMBER_GONE: translate("CallEnding", "number not in service"),
        Ending.FAILED: translate("CallEnding", "the call failed"),
    }[value]


def talk_time(seconds: int) -> str:
    """Minutes and seconds (1:24), hours first past an hour (1:02:05)."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


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
        "plan_broken": translate("NextAction", "Plan broken: call"),
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
        "plan_broken": translate("Priority", "plan installment missed"),
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


def contactable(decision: Decision, zone: ZoneInfo, short: bool = False) -> str:
    """ "✓ may contact now" or why not and until when, reading without colour; short for the
    queue column."""
    if decision.allowed and decision.warnings and not short:
        return "⚠ " + translate("Contactability", "only with a reason: %1").replace(
            "%1", "; ".join(policy_reason(r) for r in decision.warnings)
        )
    if decision.allowed:
        return "✓ " + (
            translate("Contactability", "now")
            if short
            else translate("Contactability", "may contact now")
        )
    at = decision.next_allowed_at
    if short:
        first = decision.blocks[0]
        if at is not None:
            return "✗ " + translate("Contactability", "from %1").replace(
                "%1", _local_moment(at, zone, decision.as_of, short=True)
            )
        return "✗ " + policy_reason(first, short=True)
    why = "; ".join(policy_reason(r) for r in decision.blocks)
    if at is None:
        return "✗ " + why
    return "✗ " + translate("Contactability", "%1 · next allowed %2 customer time").replace(
        "%1", why
    ).replace("%2", _local_moment(at, zone, decision.as_of))


def _local_moment(at: datetime, zone: ZoneInfo, as_of: datetime | None, short: bool = False) -> str:
    if short:
        return formatting.soon(at, zone, (as_of or datetime.now(zone)).astimezone(zone).date())
    return formatting.moment(at, zone)


def policy_reason(reason: Reason, short: bool = False) -> str:
    """One rule's verdict in the collector's words."""
    p = reason.params
    if reason.rule is Rule.STOP_FLAG:
        return (
            translate("Policy", "stop flag")
            if short
            else translate("Policy", "collection stopped by a flag")
        )
    if reason.rule is Rule.CAP:
        return (
            translate("Policy", "cap reached")
            if short
            else translate("Policy", "%1: %2 of %3 allowed")
            .replace("%1", cap_name(str(p["cap"])))
            .replace("%2", str(p["count"]))
            .replace("%3", str(p["limit"]))
        )
    if reason.rule is Rule.WAITING_PERIOD:
        days = count(p, "days")  # lupdate finds a plural text only when its count is a plain name
        return translate("Policy", "spoke with the customer less than %n day(s) ago", None, days)
    if reason.rule is Rule.THIRD_PARTY_DEBTOR_REACHABLE:
        return _debtor_reachable(p)
    if reason.rule is Rule.POINT_NOT_DIALABLE:
        return translate("Policy", "the number is marked %1").replace(
            "%1", point_status(ContactPointStatus(str(p["status"])))
        )
    return {
        Rule.UNKNOWN_PACK: translate("Policy", "no contact rules for this customer"),
        Rule.LEGAL_STAGE: translate("Policy", "the case is with legal"),
        Rule.OUTSIDE_HOURS: translate("Policy", "outside contact hours"),
        Rule.HOLIDAY: translate("Policy", "public holiday"),
        Rule.THIRD_PARTY_NOT_ALLOWED: translate("Policy", "third parties may not be contacted"),
        Rule.THIRD_PARTY_ONCE: translate("Policy", "this third party was contacted before"),
        Rule.OPTED_OUT: translate("Policy", "opted out of messages by this channel"),
        Rule.NO_CONSENT: translate(
            "Policy", "no consent to messages by this channel yet (M on the number records it)"
        ),
    }[reason.rule]


def _debtor_reachable(p: Mapping[str, object]) -> str:
    """Third parties wait until the customer is unreachable: which of their numbers still have
    to be tried, masked as the screen shows them ("home phone ••42")."""
    days, attempts = p.get("days"), count(p, "attempts")
    # a window of one day reads "today"; a longer one is always plural, so %n counts the calls
    if days is None:
        needed = translate(
            "Policy", "third parties only after %n failed call(s) to the customer", None, attempts
        )
    elif days == 1:
        needed = translate(
            "Policy",
            "third parties only after %n failed call(s) to the customer today",
            None,
            attempts,
        )
    else:
        needed = translate(
            "Policy",
            "third parties only after %n failed call(s) to the customer in %1 days",
            None,
            attempts,
        ).replace("%1", str(days))
    names = cast(tuple[tuple[ContactPointKind | None, str], ...], p.get("untried_names", ()))
    if not names:
        return needed
    untried = ", ".join(
        (point_kind(kind) if kind is not None else translate("Policy", "number"))
        + (f" ••{tail}" if tail else "")
        for kind, tail in names
    )
    return translate("Policy", "%1; not yet tried: %2").replace("%1", needed).replace("%2", untried)


def cap_name(name: str) -> str:
    return {
        "calls_per_number_per_day": translate("Policy", "calls to this number today"),
        "calls_per_debt_7_days": translate("Policy", "calls about this debt in 7 days"),
        "contacts_per_debt_week": translate("Policy", "contacts in a week"),
        "contacts_per_debt_month": translate("Policy", "contacts in 30 days"),
        "texts_per_debt_per_day": translate("Policy", "texts about this debt today"),
    }.get(name, name)


def message_status(value: MessageStatus) -> str:
    return {
        MessageStatus.QUEUED: translate("MessageStatus", "Waiting to send"),
        MessageStatus.REFUSED: translate("MessageStatus", "Refused"),
        MessageStatus.SENT: translate("MessageStatus", "Sent"),
        MessageStatus.DELIVERED: translate("MessageStatus", "Delivered"),
        MessageStatus.FAILED: translate("MessageStatus", "Failed"),
    }[value]


def message_reason(code: str | None) -> str:
    """Why the central store refused or could not send a message: a pack's rule (as the
    verdicts word them) or a gateway's code."""
    if not code:
        return ""
    rule, _, cap = code.partition(":")
    if rule == Rule.CAP.value and cap:
        return translate("Policy", "cap reached: %1").replace("%1", cap_name(cap))
    try:
        return policy_reason(Reason(Rule(rule), True), short=True)
    except (ValueError, KeyError):
        return code


def message_refusal(code: str, missing: tuple[str, ...] = ()) -> str:
    """Why a message cannot be written for this case, before any rule is asked."""
    if code == "missing_values":
        if any(name.startswith("plan_") for name in missing):
            return translate("MessageRefusal", "This message needs an active plan on the case.")
        if any(name.startswith("promise_") for name in missing):
            return translate("MessageRefusal", "This message needs an open promise on the case.")
    return {
        "wrong_kind": translate(
            "MessageRefusal", "Pick a mobile number for a text, an e-mail address for an e-mail."
        ),
        "wrong_audience": translate(
            "MessageRefusal",
            "This message is for the customer's own number (or, for a third-party message, "
            "for someone else's).",
        ),
        "unknown_template": translate("MessageRefusal", "This message template is not installed."),
        "no_channel": translate("MessageRefusal", "This template has no wording for this channel."),
        "no_wording": translate("MessageRefusal", "This template has no wording to send."),
    }.get(code, code)


def bulk_outcome(code: str) -> str:
    """What became of one case of a lead's bulk send."""
    own = {
        "queued": translate("BulkOutcome", "Queued to send now"),
        "waiting": translate("BulkOutcome", "Queued for when the rules allow (hours, holidays)"),
        "not_in_team": translate("BulkOutcome", "Left out: not an open case of your team"),
        "no_address": translate("BulkOutcome", "Left out: no address of the customer's own"),
    }.get(code)
    if own is not None:
        return own
    refusal = message_refusal(code)
    if refusal != code:
        return translate("BulkOutcome", "Refused: %1").replace("%1", refusal)
    return translate("BulkOutcome", "Refused: %1").replace("%1", message_reason(code))


def notice(value: Notice) -> str:
    return {
        Notice.NO_DEBT_DISCLOSURE: translate(
            "Policy", "third party: do not mention the debt; ask only for a message or contact"
        ),
        Notice.FIRST_CONTACT: translate(
            "Policy", "first contact: identify the institution and say the call is recorded"
        ),
        Notice.VULNERABLE: translate("Policy", "hardship or complaint on this case: take care"),
    }[value]


def sync_reason(code: str) -> str:
    """Why the server refused a change, in the user's words."""
    if code.startswith("invalid: "):  # a field the server's format does not accept
        return translate("SyncReason", "the server could not accept this change (%1)").replace(
            "%1", code.removeprefix("invalid: ")
        )
    return {
        "number_not_dialable": translate(
            "SyncReason", "the number was marked wrong or do-not-call"
        ),
        "not_your_case": translate("SyncReason", "the case is not yours"),
        "no_such_case": translate("SyncReason", "the case no longer exists"),
        "malformed": translate("SyncReason", "the change was damaged"),
        "unknown_mutation": translate("SyncReason", "this server does not know that change"),
        "number_not_customers": translate("SyncReason", "the number is not the customer's"),
        "stale": translate(
            "SyncReason", "someone changed it first; look again at the case as it is now"
        ),
        "not_your_team": translate("SyncReason", "the case belongs to another team"),
        "not_a_team_lead": translate("SyncReason", "only a team lead may decide"),
        "plan_not_pending": translate("SyncReason", "the plan was already decided"),
        "plan_already_open": translate("SyncReason", "the case already has an open plan"),
        "beyond_approver_authority": translate(
            "SyncReason", "the plan is beyond your own authority"
        ),
        "reason_required": translate("SyncReason", "a reason is required"),
        "first_due_in_past": translate("SyncReason", "the first payment date had passed"),
        "not_eligible": translate("SyncReason", "the case may not go to legal"),
        "documents_missing": translate("SyncReason", "documents were missing"),
        "stage_not_allowed": translate("SyncReason", "that legal stage cannot follow"),
        "moved_meanwhile": translate("SyncReason", "someone else moved the case meanwhile"),
        "case_closed": translate("SyncReason", "the case was closed"),
        "not_a_collector": translate("SyncReason", "that person is not an active collector"),
        "not_in_the_team": translate("SyncReason", "that collector is not in the case's team"),
        "no_such_contact": translate("SyncReason", "the contact is not on the server"),
        "correction_window_passed": translate(
            "SyncReason", "it arrived after the time to correct had passed; ask your team lead"
        ),
        "correction_not_your_contact": translate(
            "SyncReason", "only the collector who logged the contact, or a lead, may correct it"
        ),
        "correction_contact_has_promise": translate(
            "SyncReason", "the contact made a promise: keep or break the promise itself"
        ),
        "correction_outcome_needs_new_contact": translate(
            "SyncReason", "a promise or a callback is logged as a new contact"
        ),
        "correction_changes_nothing": translate("SyncReason", "it changed nothing"),
        "correction_reason_required": translate("SyncReason", "a reason is required"),
    }.get(code, code)


def change_kind(name: str) -> str:
    """What kind of change a desk sent, in the user's words."""
    return {
        "log_contact": translate("ChangeKind", "Contact logged"),
        "correct_contact": translate("ChangeKind", "Contact corrected"),
        "set_flag": translate("ChangeKind", "Flag raised or cleared"),
        "legal_step": translate("ChangeKind", "Legal step"),
        "propose_plan": translate("ChangeKind", "Plan proposed"),
        "decide_plan": translate("ChangeKind", "Plan decided"),
        "reassign_case": translate("ChangeKind", "Case moved"),
        "record_audit": translate("ChangeKind", "Audit record"),
        "set_contact_point_status": translate("ChangeKind", "Number marked"),
        "set_preferred_contact_point": translate("ChangeKind", "Preferred number"),
        "set_consent": translate("ChangeKind", "Consent to messages"),
    }.get(name, name)
