"""Validation errors in the collector's language."""

from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from collector_desk.domain.contact_log import FieldError
from collector_desk.domain.policy import Decision
from collector_desk.ui.common import formatting, labels

translate = QCoreApplication.translate


def message(error: FieldError, currency: str = "CNY", zone: ZoneInfo | None = None) -> str:
    p = error.params
    days = labels.count(p, "days")  # a plain name: lupdate finds plural texts only so
    decision = p.get("decision")
    if error.code == "contact_not_allowed" and isinstance(decision, Decision):
        return translate("FieldError", "Not allowed: %1").replace(
            "%1", labels.contactable(decision, zone or ZoneInfo("UTC")).removeprefix("✗ ")
        )
    if error.code == "override_reason_required" and isinstance(decision, Decision):
        return translate(
            "FieldError", "This goes past a rule (%1). Say why you go on; it is recorded."
        ).replace("%1", "; ".join(labels.policy_reason(r) for r in decision.warnings))
    texts = {
        "outcome_not_for_channel": translate(
            "FieldError", "This outcome is only possible on a call."
        ),
        "number_required": translate("FieldError", "Choose the number you used."),
        "number_not_dialable": translate(
            "FieldError", "This number is marked wrong or do-not-call; it cannot be used."
        ),
        "number_not_customers": translate(
            "FieldError", "This number does not belong to the customer."
        ),
        "note_required": translate("FieldError", "Write a note for this outcome."),
        "talk_time_impossible": translate(
            "FieldError", "The phone's talk time cannot be right for this contact."
        ),
        "note_too_long": translate(
            "FieldError", "The note is too long (at most %1 characters)."
        ).replace("%1", str(p.get("max", ""))),
        "promise_without_ptp": translate(
            "FieldError", "A promise needs the outcome \u201cPromise to pay\u201d."
        ),
        "amount_required": translate("FieldError", "Enter the promised amount."),
        "amount_not_positive": translate(
            "FieldError", "The amount must be a positive number, like 1500 or 1500.50."
        ),
        "amount_over_balance": translate(
            "FieldError", "The amount is more than the balance of %1."
        ).replace("%1", formatting.money(cast(int, p.get("balance", 0)), currency)),
        "date_required": translate("FieldError", "Enter the date the customer will pay."),
        "date_in_past": translate("FieldError", "The promise date is in the past."),
        "date_too_far": translate(
            "FieldError",
            "The promise date may be at most %n day(s) ahead.",
            None,
            days,
        ),
        "callback_required": translate("FieldError", "Enter when to call back."),
        "callback_in_past": translate("FieldError", "The callback time is in the past."),
        "callback_too_far": translate(
            "FieldError",
            "The callback may be at most %n day(s) ahead.",
            None,
            days,
        ),
        "case_not_mine": translate("FieldError", "This case is no longer assigned to you."),
    }
    return texts.get(error.code, error.code)
