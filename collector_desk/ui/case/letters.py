"""Letters to a customer in their language: the agreed plan, and the notice before legal steps
(the final notice a legal referral needs on file), printed or saved as PDF through Qt.

The wording lives in resources/letters/<letter>.<language>.html (string.Template
placeholders), so a bank's compliance team edits letters without touching code. Every value
put into the page is HTML-escaped.
"""

from __future__ import annotations

import enum
import html
from datetime import date, timedelta
from pathlib import Path
from string import Template

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from collector_desk.config.loaders import default_legal_rules, default_plan_rules, letterhead
from collector_desk.config.resources import resource
from collector_desk.store.cache.queue import CaseDetail, PlanView
from collector_desk.ui.common import formatting

LETTER_LANGUAGES = ("zh_CN", "en_US")


class Letter(enum.StrEnum):
    PLAN = "plan_letter"
    PRE_LEGAL = "pre_legal_notice"


def letter_language(preferred: str) -> str:
    """The customer's language if a letter exists in it, else English."""
    return preferred if preferred in LETTER_LANGUAGES else "en_US"


def _template(letter: Letter, language: str) -> Template:
    return Template(resource("letters", f"{letter.value}.{language}.html").read_text("utf-8"))


def _institution(language: str) -> dict[str, str]:
    head = letterhead()
    return {
        "institution": head.get(f"institution_{language}", head["institution"]),
        "phone": head["phone"],
    }


def letter_html(detail: CaseDetail, plan: PlanView, today: date) -> str:
    language = letter_language(detail.preferred_language)
    head = letterhead()
    template = _template(Letter.PLAN, language)
    rules = default_plan_rules()

    def money(minor: int) -> str:
        return formatting.money(minor, plan.currency, language)  # the letter's, not the UI's

    rows = "\n".join(
        f"<tr><td align='center'>{seq}</td><td>{formatting.date_text(due, language)}</td>"
        f"<td align='right'>{html.escape(money(amount))}</td></tr>"
        for seq, due, amount, _paid in plan.installments
    )
    values = {
        **_institution(language),
        "date": formatting.date_text(today, language),
        "name": detail.customer_name,
        "case_ref": detail.case_ref,
        "kind": head["kinds"][language][plan.kind],
        "balance": money(plan.total_minor + plan.waived_minor),
        "waived": money(plan.waived_minor),
        "total": money(plan.total_minor),
        "count": str(plan.installment_count),
        "rounding": money(rules.rounding_for(plan.currency)),
        "grace": str(rules.grace_days),
    }
    escaped = {k: html.escape(v) for k, v in values.items()}
    return template.substitute(escaped, rows=rows)


def pre_legal_html(detail: CaseDetail, today: date) -> str:
    """The notice before legal steps: each card's past-due amount, the total, and the date by
    which paying or agreeing a plan keeps the case out of court (the bank's notice period)."""
    language = letter_language(detail.preferred_language)
    deadline = today + timedelta(days=default_legal_rules().notice_days)

    def money(minor: int, currency: str) -> str:
        return formatting.money(minor, currency, language)

    rows = "\n".join(
        f"<tr><td>{html.escape(a.card_last4)}</td>"
        f"<td align='right'>{a.dpd}</td>"
        f"<td align='right'>{html.escape(money(a.overdue_minor, a.currency))}</td></tr>"
        for a in detail.accounts
    )
    values = {
        **_institution(language),
        "date": formatting.date_text(today, language),
        "name": detail.customer_name,
        "case_ref": detail.case_ref,
        "overdue": money(detail.overdue_minor, detail.currency),
        "deadline": formatting.date_text(deadline, language),
    }
    escaped = {k: html.escape(v) for k, v in values.items()}
    return _template(Letter.PRE_LEGAL, language).substitute(escaped, rows=rows)


def _set_page(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)


def write_pdf(page_html: str, path: Path, title: str = "Letter") -> None:
    writer = QPdfWriter(str(path))
    _set_page(writer)
    writer.setTitle(title)
    document = QTextDocument()
    document.setHtml(page_html)
    document.print_(writer)


def print_page(page_html: str, printer: QPagedPaintDevice) -> None:
    """The letter on a printer the user chose (QPrintDialog), A4 with the PDF's margins."""
    _set_page(printer)
    document = QTextDocument()
    document.setHtml(page_html)
    document.print_(printer)
