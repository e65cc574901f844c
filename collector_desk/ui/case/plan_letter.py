"""The plan letter: an agreed plan as a PDF in the customer's language, through Qt's printing.

The wording lives in resources/letters/plan_letter.<language>.html (string.Template
placeholders), so a bank's compliance team edits letters without touching code. Every value
put into the page is HTML-escaped.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from string import Template

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from collector_desk.config.loaders import default_plan_rules, letterhead
from collector_desk.config.resources import resource
from collector_desk.store.cache.queue import CaseDetail, PlanView
from collector_desk.ui.common import formatting

LETTER_LANGUAGES = ("zh_CN", "en_US")


def letter_language(preferred: str) -> str:
    """The customer's language if a letter exists in it, else English."""
    return preferred if preferred in LETTER_LANGUAGES else "en_US"


def letter_html(detail: CaseDetail, plan: PlanView, today: date) -> str:
    language = letter_language(detail.preferred_language)
    head = letterhead()
    template = Template(resource("letters", f"plan_letter.{language}.html").read_text("utf-8"))
    rules = default_plan_rules()

    def money(minor: int) -> str:
        return formatting.money(minor, plan.currency, language)  # the letter's, not the UI's

    rows = "\n".join(
        f"<tr><td align='center'>{seq}</td><td>{formatting.date_text(due, language)}</td>"
        f"<td align='right'>{html.escape(money(amount))}</td></tr>"
        for seq, due, amount, _paid in plan.installments
    )
    values = {
        "institution": head.get(f"institution_{language}", head["institution"]),
        "phone": head["phone"],
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


def write_pdf(page_html: str, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle("Repayment plan")
    document = QTextDocument()
    document.setHtml(page_html)
    document.print_(writer)
