"""Offering a plan from the keyboard: within authority it is agreed, beyond it goes to the lead."""

import unicodedata

from PySide6.QtCore import Qt
from sqlalchemy import select
from sqlalchemy.orm import Session

from collector_desk.domain.cases import CaseStatus, PlanStatus
from collector_desk.store.cache.schema import OutboxMutation
from collector_desk.store.shared.schema import Case, PlanInstallment, RepaymentPlan
from collector_desk.ui.case.letters import Letter


def _open_plan(qtbot, window):
    window.plan_action.trigger()  # Ctrl+Shift+P
    dialog = window.plan_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitActive(dialog):  # its shortcuts act in the active window only
        dialog.activateWindow()
    return dialog


def _fill(qtbot, dialog, income="20000", expenses="8000", obligations="2000", months=0):
    for edit, text in (
        (dialog.income, income),
        (dialog.expenses, expenses),
        (dialog.obligations, obligations),
    ):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    dialog.months.setValue(months)
    qtbot.keyClick(dialog.obligations, Qt.Key.Key_Return)  # Enter calculates


def _plans(engine, case_id):
    with Session(engine) as s:
        return s.scalars(select(RepaymentPlan).where(RepaymentPlan.case_id == case_id)).all()


def test_a_plan_longer_than_the_collectors_authority_goes_to_approval(qtbot, window, engine):
    case_id = window.detail.detail.case_id
    dialog = _open_plan(qtbot, window)
    _fill(qtbot, dialog, months=24)
    assert dialog.offers.rowCount() == 1
    assert dialog.offers.item(0, 4).text() == "longer than your authority"
    assert dialog.schedule.rowCount() == 24
    qtbot.keyClick(dialog.offers, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert "Sent to the team lead for approval" in dialog.message.text()
    (plan,) = _plans(engine, case_id)
    assert plan.status is PlanStatus.PENDING_APPROVAL
    assert plan.approval_reasons == ["months_over_authority"]
    assert plan.affordability == {
        "income_minor": 2_000_000,
        "expenses_minor": 800_000,
        "obligations_minor": 200_000,
    }
    with Session(engine) as s:
        assert s.get(Case, case_id).status is not CaseStatus.PLAN  # not agreed yet
        names = [m.name for m in s.scalars(select(OutboxMutation))]
    assert names == ["propose_plan"]
    dialog.reject()
    plans_tab = window.detail.plans
    assert plans_tab.item(0, 0).text() == "Waiting for approval"
    assert plans_tab.item(0, 5).text() == "longer than your authority"


def test_the_suggested_plan_fits_the_budget_is_agreed_and_its_letter_printed(
    qtbot, window, engine, tmp_path
):
    from pypdf import PdfReader

    detail = window.detail.detail
    dialog = _open_plan(qtbot, window)
    _fill(qtbot, dialog)  # 10,000 a month left over: plans of at most 5,000 a month
    assert dialog.offers.rowCount() >= 1
    assert dialog.offers.item(0, 4).text() == "within your authority"
    dialog.agree()
    assert dialog.message.text() == "Agreed: the plan is active."
    (plan,) = _plans(engine, detail.case_id)
    assert plan.status is PlanStatus.ACTIVE
    with Session(engine) as s:
        amounts = [
            i.amount_minor
            for i in s.scalars(select(PlanInstallment).where(PlanInstallment.plan_id == plan.id))
        ]
        assert s.get(Case, detail.case_id).status is CaseStatus.PLAN
    assert sum(amounts) == plan.total_minor == detail.balance_minor
    assert max(amounts) <= 500_000
    dialog.reject()

    path = window.letters.save_letter(Letter.PLAN, tmp_path / "plan.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert detail.case_ref in text
    assert str(plan.installment_count) in text
    chinese = detail.preferred_language == "zh_CN"
    assert ("分期还款计划" in text) if chinese else ("installment plan" in text)


def test_bad_figures_are_explained_and_nothing_is_written(qtbot, window, engine):
    case_id = window.detail.detail.case_id
    dialog = _open_plan(qtbot, window)
    _fill(qtbot, dialog, income="lots")
    assert dialog.message.text() == "The income must be an amount, like 8000 or 8000.50."
    assert dialog.offers.rowCount() == 0
    dialog.agree()
    assert dialog.message.text() == "Calculate and choose an offer first."
    assert _plans(engine, case_id) == []


def test_no_letter_without_an_agreed_plan(qtbot, window, tmp_path):
    assert window.letters.save_letter(Letter.PLAN, tmp_path / "none.pdf") is None
    assert not window.letters.print_letter(Letter.PLAN)
    assert not (tmp_path / "none.pdf").exists()


def test_a_chinese_customers_letter_is_in_chinese(qtbot, window, engine, tmp_path):
    from pypdf import PdfReader

    with Session(engine) as s:
        case_id = s.scalars(
            select(Case.id).where(Case.policy_pack == "CN", Case.status == CaseStatus.OPEN)
        ).first()
    window.detail.show_case(window._queue.detail(case_id))
    dialog = _open_plan(qtbot, window)
    _fill(qtbot, dialog, income="30000", expenses="9000", obligations="1000", months=6)
    dialog.agree()
    assert "active" in dialog.message.text()
    dialog.reject()
    window.detail.show_case(window._queue.detail(case_id))
    path = window.letters.save_letter(Letter.PLAN, tmp_path / "plan-zh.pdf")
    # the extractor reads some glyphs as their Kangxi radical forms; NFKC folds them back
    raw = "".join(p.extract_text() for p in PdfReader(path).pages)
    text = "".join(unicodedata.normalize("NFKC", raw).split())
    assert "分期还款计划" in text and "尾差计入最后一期" in text
