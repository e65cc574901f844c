"""Case > Letters: the notice before legal action and the plan letter, on the printer the
collector picks in the print dialog (here a PDF printer stands in for it) or saved as PDF."""

import unicodedata
from datetime import timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus
from collector_desk.store.shared.schema import Case
from collector_desk.ui.case.letters import Letter
from collector_desk.ui.common import formatting
from tests.conftest import FIXED_NOW


def _text(path):
    raw = "".join(page.extract_text() for page in PdfReader(path).pages)
    # the extractor reads some CJK glyphs as their Kangxi radical forms; NFKC folds them back
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def _pdf_printer(path, chosen):
    def choose(_parent, printer):
        chosen.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose


def _show(window, engine, pack):
    with Session(engine) as s:
        case_id = s.scalars(
            select(Case.id).where(
                Case.policy_pack == pack, Case.status == CaseStatus.OPEN, Case.overdue_minor > 0
            )
        ).first()
    window.detail.show_case(window._queue.detail(case_id))
    return window.detail.detail


def test_the_notice_before_legal_action_prints_with_the_figures_and_the_deadline(
    window, engine, tmp_path
):
    detail = _show(window, engine, "US")
    chosen = []
    window.letters.choose_printer = _pdf_printer(tmp_path / "notice.pdf", chosen)
    assert window.letters.print_letter(Letter.PRE_LEGAL)
    assert len(chosen) == 1 and chosen[0].pageLayout().pageSize().name() == "A4"
    text = _text(tmp_path / "notice.pdf")
    today = FIXED_NOW.astimezone(ZoneInfo(detail.time_zone)).date()
    deadline = formatting.date_text(today + timedelta(days=14), "en_US")
    assert "Notice before legal action" in text and detail.case_ref in text
    assert formatting.money(detail.overdue_minor, detail.currency, "en_US") in text
    assert f"by {deadline}" in " ".join(text.split())
    assert all(account.card_last4 in text for account in detail.accounts)
    assert window.statusBar().currentMessage() == "Letter sent to the printer."


def test_a_chinese_customers_notice_is_in_chinese_and_saved_as_pdf(window, engine, tmp_path):
    detail = _show(window, engine, "CN")
    path = window.letters.save_letter(Letter.PRE_LEGAL, tmp_path / "notice-zh.pdf")
    text = "".join(_text(path).split())
    assert "法律程序前通知" in text and detail.case_ref in text
    assert "".join(formatting.money(detail.overdue_minor, detail.currency, "zh_CN").split()) in text


def test_a_cancelled_print_dialog_prints_nothing(window, engine, tmp_path):
    _show(window, engine, "US")
    window.letters.choose_printer = lambda _parent, _printer: False
    assert not window.letters.print_letter(Letter.PRE_LEGAL)
    assert window.statusBar().currentMessage() != "Letter sent to the printer."


def test_no_notice_for_a_case_with_nothing_past_due(window, engine, tmp_path):
    with Session(engine) as s, s.begin():  # paid up: nothing is past due any more
        case = s.scalars(select(Case).where(Case.status == CaseStatus.OPEN)).first()
        case.overdue_minor = 0
        case_id = case.id
    window.detail.show_case(window._queue.detail(case_id))
    assert window.letters.save_letter(Letter.PRE_LEGAL, tmp_path / "none.pdf") is None
    assert not (tmp_path / "none.pdf").exists()
    assert window.statusBar().currentMessage() == "Nothing is past due on this case: no notice."
