"""The call guide: what to say next, what the customer may answer, objections at any step, and
what the call captured, ending in a contact log filled in for the collector to confirm.

A panel beside the queue (F6), never a dialog: an experienced collector leaves it closed and
dials straight into the log as before. Keys while it has focus: 1-9 answer, Alt+1-7 objections,
Ctrl+Enter logs the call once it has ended.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from collector_desk.config.loaders import letterhead
from collector_desk.config.scripts import Loaded
from collector_desk.domain.contacts import Direction, Relation
from collector_desk.domain.money import Money, MoneyError, parse_major
from collector_desk.domain.scripts import (
    CAPTURE_FIELDS,
    CallContext,
    CallSession,
    FieldKind,
    Objection,
    ScriptError,
    choose,
    log_entry,
    summary,
)
from collector_desk.domain.training import (
    Customer,
    Persona,
    PracticeReport,
    Reply,
    practice_report,
)
from collector_desk.store.cache.queue import CaseDetail
from collector_desk.store.shared.people import UserView
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.theme import show_as_error

translate = QCoreApplication.translate

SAY_POINT_SIZE_STEP = 3  # the words to say stand out from everything around them


def capture_label(name: str) -> str:
    return {
        "delinquency_reason": translate("CallGuide", "Reason for the arrears"),
        "income": translate("CallGuide", "Monthly income"),
        "expenses": translate("CallGuide", "Monthly essential costs"),
        "offered_amount": translate("CallGuide", "Amount offered"),
        "promise_amount": translate("CallGuide", "Promised amount"),
        "promise_date": translate("CallGuide", "Promise date"),
        "callback_at": translate("CallGuide", "Call back at"),
        "payment_reference": translate("CallGuide", "Payment reference"),
        "message_for_customer": translate("CallGuide", "Message left"),
        "new_contact_details": translate("CallGuide", "New contact details"),
    }.get(name, name)


def script_error(code: str) -> str:
    return {
        "disclosures_pending": translate(
            "CallGuide", "Read each disclosure to the customer and tick it first."
        ),
        "call_finished": translate("CallGuide", "The call has ended: log it (Ctrl+Enter)."),
        "objection_not_now": translate(
            "CallGuide", "Not before the customer is identified: say nothing about the debt."
        ),
        "debt_before_identity": translate(
            "CallGuide", "This step would state the debt before identity; it is not shown."
        ),
    }.get(code, code)


class CallGuide(QWidget):
    log_requested = Signal(dict, object)  # the log's fields, the flag to offer (or None)

    def __init__(
        self,
        loaded: Loaded,
        user: UserView,
        clock: Callable[[], datetime],
        ui_language: Callable[[], str],
        parent: QWidget | None = None,
        practice_seed: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callGuide")
        # practice: a simulated customer answers; each call gets the next persona
        self._practice_seed = practice_seed
        self._calls = 0
        self.customer: Customer | None = None
        self._heard: tuple[int, int] | None = None  # the visit the customer last answered
        self._reply: Reply | None = None  # and what they said there
        self.report: PracticeReport | None = None
        self.setMinimumWidth(380)  # the words to say wrap into a few readable lines
        self._loaded, self._user, self._clock, self._ui_language = loaded, user, clock, ui_language
        self.problems = loaded.problems
        self.session: CallSession | None = None
        self.detail: CaseDetail | None = None
        self.point_id: int | None = None
        self.dialed_at: datetime | None = None
        self.direction = Direction.OUTBOUND
        self.language = "zh_CN"  # the customer's, for what is said
        self._captures: dict[str, QWidget] = {}
        self.disclosure_boxes: dict[str, QCheckBox] = {}
        self.answer_buttons: list[QPushButton] = []
        self.objection_buttons: dict[Objection, QPushButton] = {}

        self.title = QLabel(self)
        self.title.setObjectName("guideTitle")
        self.inbound_button = QPushButton(self)
        self.inbound_button.setCheckable(True)
        self.inbound_button.toggled.connect(self._inbound_toggled)
        self.say_label = QLabel(self)
        self.say_label.setObjectName("guideSay")
        self.say_label.setWordWrap(True)
        self.say_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + SAY_POINT_SIZE_STEP)
        self.say_label.setFont(big)
        self.guide_label = QLabel(self)
        self.guide_label.setObjectName("guideHint")
        self.guide_label.setWordWrap(True)
        self.guide_label.setStyleSheet("color: palette(mid); font-style: italic;")
        self.disclosures = QVBoxLayout()
        self.capture_form = QFormLayout()
        self.answers = QVBoxLayout()
        self.education_row = QHBoxLayout()
        self.snippet = QLabel(self)
        self.snippet.setWordWrap(True)
        self.snippet.setObjectName("guideSnippet")
        self.objection_grid = QGridLayout()
        self.path_label = QLabel(self)
        self.path_label.setObjectName("guidePath")
        self.path_label.setWordWrap(True)
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("guideCustomer")
        self.customer_label.setWordWrap(True)
        self.customer_label.setStyleSheet("font-weight: bold;")
        self.report_label = QLabel(self)
        self.report_label.setObjectName("guideReport")
        self.report_label.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("guideError")
        self.error.setWordWrap(True)
        show_as_error(self.error)
        self.log_button = QPushButton(self)
        self.log_button.clicked.connect(self.finish)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.inbound_button)
        self.objections_caption = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.say_label)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.guide_label)
        layout.addLayout(self.disclosures)
        layout.addLayout(self.capture_form)
        layout.addLayout(self.answers)
        layout.addLayout(self.education_row)
        layout.addWidget(self.snippet)
        layout.addWidget(self.objections_caption)
        layout.addLayout(self.objection_grid)
        layout.addWidget(self.error)
        layout.addWidget(self.path_label)
        layout.addWidget(self.report_label)
        layout.addStretch(1)
        layout.addWidget(self.log_button)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for n in range(1, 10):
            QShortcut(QKeySequence(str(n)), self, lambda n=n: self.press(n), context=context)
        for i, objection in enumerate(Objection, start=1):
            QShortcut(
                QKeySequence(f"Alt+{i}"),
                self,
                lambda o=objection: self.raise_objection(o),
                context=context,
            )
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.finish, context=context)
        self.retranslate()

    # -- starting -----------------------------------------------------------------------------
    def start(
        self,
        detail: CaseDetail,
        point_id: int | None,
        dialed_at: datetime | None = None,
        inbound: bool = False,
    ) -> CallSession | None:
        """Begin the call on this case and number with the script that fits it."""
        self.detail, self.point_id, self.dialed_at = detail, point_id, dialed_at
        self.direction = Direction.INBOUND if inbound else Direction.OUTBOUND
        self.inbound_button.blockSignals(True)
        self.inbound_button.setChecked(inbound)
        self.inbound_button.blockSignals(False)
        point = next((p for p in detail.contact_points if p.id == point_id), None)
        call = CallContext(
            segment=detail.segment,
            direction=self.direction.value,
            third_party=point is not None and point.relation is not Relation.SELF and not inbound,
            legal=detail.legal is not None,
            language=detail.preferred_language,
        )
        script = choose(self._loaded.scripts, call)
        self.error.clear()
        self.snippet.clear()
        if script is None:
            self.session = None
            self.title.setText(translate("CallGuide", "No script fits this call."))
            self._render()
            return None
        self.language = _language_for(script.languages, detail.preferred_language)
        pack_disclosures = self._pack_disclosures(detail)
        self.session = CallSession(
            script, self._loaded.library, self._values(detail), pack_disclosures, self._clock
        )
        self.report = None
        self.report_label.clear()
        if self._practice_seed is not None:
            self.customer = Persona(self._practice_seed + self._calls).replies()
            self._calls += 1
            self._heard = None
        self._render()
        return self.session

    def case_changed(self, detail: CaseDetail) -> None:
        """The case of this call changed in the cache (a payment pulled, a promise logged):
        the words show its figures as they are now; the call stays at its step, with what
        was typed into it."""
        if self.detail is None or detail.case_id != self.detail.case_id:
            return
        self.detail = detail
        if self.session is not None:
            self.session.values.update(self._values(detail))
            with contextlib.suppress(ScriptError):  # _render says why, at the next step
                self.say_label.setText(self.session.say(self.language))

    def _pack_disclosures(self, detail: CaseDetail) -> tuple[str, ...]:
        from collector_desk.config.policy_packs import default_packs

        pack = default_packs().get(detail.policy_pack)
        return pack.disclosures if pack is not None else ()

    def _values(self, detail: CaseDetail) -> dict[str, str]:
        head = letterhead()
        chinese = detail.preferred_language.startswith("zh")
        spoken = "zh_CN" if chinese else "en_US"  # the script's language, not the UI's
        accounts = sorted(detail.accounts, key=lambda a: -a.dpd)
        money = lambda minor: formatting.money(minor, detail.currency, spoken)  # noqa: E731
        return {
            "customer_name": detail.customer_name,
            "collector_name": self._user.display_name,
            "callback_number": head.get("phone", ""),
            "institution": head.get("institution_zh_CN" if chinese else "institution", ""),
            "overdue": money(detail.overdue_minor),
            "balance": money(detail.balance_minor),
            "dpd": str(detail.dpd),
            "card_last4": accounts[0].card_last4 if accounts else "",
            "due_date": formatting.date_text(accounts[0].due_date, spoken) if accounts else "",
        }

    def _inbound_toggled(self, on: bool) -> None:
        if self.detail is not None:
            self.start(self.detail, self.point_id, None if on else self.dialed_at, inbound=on)

    # -- acting -------------------------------------------------------------------------------
    def press(self, number: int) -> bool:
        """Take answer `number`, after keeping what the step's fields hold."""
        session = self.session
        if session is None or not self._keep_captures():
            return False
        return self._act(lambda: session.answer(number))

    def raise_objection(self, objection: Objection) -> bool:
        session = self.session
        if session is None:
            return False
        self._keep_captures()
        return self._act(lambda: session.object(objection))

    def confirm_disclosure(self, name: str, on: bool = True) -> None:
        if self.session is not None and on:
            self.session.confirm_disclosure(name)
        elif self.session is not None:
            self.session.disclosed.discard(name)

    def offer(self, name: str) -> None:
        if self.session is None:
            return
        self.session.offer_education(name)
        _title, text = self._loaded.library.education[name]
        self.snippet.setText(self.session.script.text(text, self.language))

    def _act(self, move: Callable[[], None]) -> bool:
        try:
            move()
        except ScriptError as error:
            self.error.setText(script_error(error.code))
            return False
        self.error.clear()
        self.snippet.clear()
        self._render()
        return True

    def _keep_captures(self) -> bool:
        """Put what the fields hold into the call; a malformed amount stops the move."""
        assert self.session is not None
        currency = self.detail.currency if self.detail else "CNY"
        for name, widget in self._captures.items():
            kind = CAPTURE_FIELDS[name]
            if kind is FieldKind.MONEY:
                assert isinstance(widget, QLineEdit)  # as _capture_widget made it
                text = widget.text().strip()
                if not text:
                    self.session.capture(name, None)
                    continue
                try:
                    minor = parse_major(text, currency)
                except MoneyError:
                    self.error.setText(
                        translate("CallGuide", "%1: an amount, like 1500.00").replace(
                            "%1", capture_label(name)
                        )
                    )
                    return False
                self.session.capture(name, minor, formatting.money(minor, currency))
            elif kind is FieldKind.DATE:
                assert isinstance(widget, QDateEdit)
                if widget.date() == widget.minimumDate():
                    self.session.capture(name, None)
                else:
                    day = cast(date, widget.date().toPython())  # PySide6 types it as object
                    self.session.capture(name, day, formatting.date_text(day))
            elif kind is FieldKind.DATETIME:
                assert isinstance(widget, QDateTimeEdit)
                if widget.dateTime() == widget.minimumDateTime():
                    self.session.capture(name, None)
                else:
                    at = cast(datetime, widget.dateTime().toPython())  # typed as object
                    zone = ZoneInfo(self.detail.time_zone if self.detail else "UTC")
                    moment = at.replace(tzinfo=zone) if at.tzinfo is None else at
                    self.session.capture(name, moment, formatting.moment(moment, zone))
            else:
                assert isinstance(widget, QLineEdit)
                self.session.capture(name, widget.text().strip() or None)
        return True

    def finish(self) -> dict | None:
        """Hand the call to the contact log: its fields, and the flag the call asks for."""
        if self.session is None or self.detail is None:
            return None
        self._keep_captures()
        result = self.session.result()
        note = summary(
            self.session.script,
            self._loaded.library,
            result,
            self._ui_language(),
            lambda name, value: f"{capture_label(name)}: {self._value_text(name, value)}",
        )
        entry = log_entry(result, note, self.point_id, direction=self.direction)
        if self.customer is not None:
            self.report = practice_report(result, self.customer.said)
            self.report_label.setText(self._report_text(self.report))
        fields = {
            "channel": entry.channel.value,
            "contact_point_id": entry.contact_point_id,
            "outcome": entry.outcome.value,
            "note": entry.note,
            "direction": entry.direction.value,
        }
        if entry.promise_amount_minor is not None:
            fields["amount"] = Money(entry.promise_amount_minor, self.detail.currency).major_text(
                grouping=False
            )
        if entry.promise_date is not None:
            fields["promise_date"] = entry.promise_date.isoformat()
        if entry.callback_at is not None:
            fields["callback_at"] = int(entry.callback_at.timestamp())
        self.log_requested.emit(fields, result.flag)
        return fields

    def _value_text(self, name: str, value: object) -> str:
        if CAPTURE_FIELDS.get(name) is FieldKind.MONEY and isinstance(value, int) and self.detail:
            return formatting.money(value, self.detail.currency)
        if isinstance(value, datetime) and isinstance(value.tzinfo, ZoneInfo):
            return formatting.moment(value, value.tzinfo)
        if isinstance(value, date):
            return formatting.date_text(value)
        return str(value)

    # -- showing ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.inbound_button.setText(translate("CallGuide", "Inbound call"))
        self.inbound_button.setToolTip(
            translate("CallGuide", "The customer called us: use the inbound script")
        )
        self.objections_caption.setText(translate("CallGuide", "If the customer says (Alt+1-7):"))
        self.log_button.setText(translate("CallGuide", "Log this call (Ctrl+Enter)"))
        self._render()

    def _clear(self, layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone from view now; deleted when the loop comes round
                item.widget().deleteLater()
            elif item.layout() is not None:
                self._clear(item.layout())

    def _render(self) -> None:
        for layout in (
            self.disclosures,
            self.capture_form,
            self.answers,
            self.education_row,
            self.objection_grid,
        ):
            self._clear(layout)
        self._captures, self.disclosure_boxes = {}, {}
        self.answer_buttons, self.objection_buttons = [], {}
        session = self.session
        if session is None:
            self.say_label.setText("")
            self.guide_label.setText(
                translate("CallGuide", "Open a case and dial (C), or press F6 again to start.")
                if self.detail is None
                else ""
            )
            self.path_label.clear()
            self.log_button.setEnabled(False)
            return
        script, ui = session.script, self._ui_language()
        self.title.setText(f"{script.text(script.title, ui)} · v{script.version}")
        step = session.step
        try:
            self.say_label.setText(session.say(self.language))
        except ScriptError as error:
            self.say_label.setText("")
            self.error.setText(script_error(error.code))
        self.guide_label.setText(script.text(step.guide, ui) if step.guide else "")
        for name in session.pending_disclosures() + tuple(
            d for d in session.required if step.disclose and d in session.disclosed
        ):
            box = QCheckBox(session.disclosure_text(name, self.language), self)
            box.setObjectName(f"disclosure_{name}")
            box.setChecked(name in session.disclosed)
            box.toggled.connect(lambda on, n=name: self.confirm_disclosure(n, on))
            self.disclosures.addWidget(box)
            self.disclosure_boxes[name] = box
        if not session.finished:
            for name in step.capture:
                widget = self._capture_widget(name)
                self._captures[name] = widget
                self.capture_form.addRow(capture_label(name), widget)
            for i, answer in enumerate(step.answers, start=1):
                button = QPushButton(f"{i}  {script.text(answer.label, ui)}", self)
                button.clicked.connect(lambda _=False, n=i: self.press(n))
                self.answers.addWidget(button)
                self.answer_buttons.append(button)
            for name in step.education:
                title, _text = self._loaded.library.education[name]
                button = QPushButton(script.text(title, ui), self)
                button.setObjectName(f"education_{name}")
                button.clicked.connect(lambda _=False, n=name: self.offer(n))
                self.education_row.addWidget(button)
        available = session.available_objections()
        for i, objection in enumerate(Objection, start=1):
            if objection not in available:
                continue
            label, _say = self._loaded.library.objections[objection]
            button = QPushButton(f"{i} {script.text(label, ui)}", self)
            button.clicked.connect(lambda _=False, o=objection: self.raise_objection(o))
            count = len(self.objection_buttons)
            self.objection_grid.addWidget(button, count // 2, count % 2)
            self.objection_buttons[objection] = button
        self.objections_caption.setVisible(bool(available))
        if session.objections and not session.finished:
            last = session.objections[-1]
            self.snippet.setText(
                script.text(self._loaded.library.objections[last][1], self.language)
            )
        self.path_label.setText(self._path_text())
        self._hear_customer()
        self.log_button.setEnabled(True)
        if session.finished:
            result = session.result()
            ended = translate("CallGuide", "Call ended: %1.").replace(
                "%1", labels.outcome(result.outcome)
            )
            if result.flag is not None:
                ended += " " + translate("CallGuide", "You will be asked to set: %1.").replace(
                    "%1", labels.flag(result.flag)
                )
            self.guide_label.setText(ended)

    def _hear_customer(self) -> None:
        """Practice: the simulated customer answers this step once, in the trainee's words."""
        session = self.session
        if self.customer is None or session is None:
            self.customer_label.clear()
            return
        visit = (len(session.path), len(session.objections))
        if self._heard != visit:
            self._heard, self._reply = visit, self.customer.reply(session)
        reply = self._reply
        if session.finished or reply is None:
            self.customer_label.clear()
            return
        ui, script = self._ui_language(), session.script
        if reply.objection is not None:
            words = script.text(self._loaded.library.objections[reply.objection][0], ui)
        else:
            assert reply.answer is not None  # a reply is an answer or an objection
            words = script.text(session.step.answers[reply.answer - 1].label, ui)
        self.customer_label.setText(translate("CallGuide", "Customer: “%1”").replace("%1", words))

    def _report_text(self, report: PracticeReport) -> str:
        ui = self._ui_language()
        assert self.session is not None  # a report is of the call just finished
        library, script = self._loaded.library, self.session.script
        objection = lambda o: script.text(library.objections[o][0], ui)  # noqa: E731
        lines = [translate("CallGuide", "Practice report")]
        lines.append(
            translate("CallGuide", "Disclosures missed: %1").replace(
                "%1", ", ".join(sorted(report.missed_disclosures)) or translate("CallGuide", "none")
            )
        )
        lines.append(
            translate("CallGuide", "Objections met: %1 of %2%3")
            .replace("%1", str(len(report.objections_handled)))
            .replace("%2", str(len(report.objections_raised)))
            .replace(
                "%3",
                ""
                if not report.objections_missed
                else " · "
                + translate("CallGuide", "missed: %1").replace(
                    "%1", ", ".join(objection(o) for o in report.objections_missed)
                ),
            )
        )
        lines.append(
            translate("CallGuide", "Answers that were not what the customer said: %1").replace(
                "%1", str(report.mismatched)
            )
        )
        times = " · ".join(f"{t.step} {t.seconds:.0f} s" for t in report.steps)
        lines.append(
            translate("CallGuide", "Time per step: %1 (total %2 s)")
            .replace("%1", times)
            .replace("%2", f"{report.total_seconds:.0f}")
        )
        return "\n".join(lines)

    def _path_text(self) -> str:
        session = self.session
        assert session is not None
        ui = self._ui_language()
        steps = [
            session.script.text(session.script.steps[v.step].answers[v.answer - 1].label, ui)
            for v in session.path
            if v.answer is not None
        ]
        return " → ".join(steps)

    def _capture_widget(self, name: str) -> QWidget:
        kind = CAPTURE_FIELDS[name]
        assert self.detail is not None
        zone = self.detail.time_zone
        if kind is FieldKind.DATE:
            edit: QDateTimeEdit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            today = self._clock().astimezone(ZoneInfo(zone)).date()
            edit.setMinimumDate(QDate(today.year, today.month, today.day).addDays(-1))
            edit.setSpecialValueText("—")  # at the minimum: nothing said yet
            edit.setDate(edit.minimumDate())
            widget: QWidget = edit
        elif kind is FieldKind.DATETIME:
            edit = QDateTimeEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setTimeZone(QTimeZone(zone.encode()))
            start = self._clock() - timedelta(hours=1)
            edit.setMinimumDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
            edit.setSpecialValueText("—")
            edit.setDateTime(edit.minimumDateTime())
            widget = edit
        else:
            line = QLineEdit(self)
            if kind is FieldKind.MONEY:
                line.setPlaceholderText(self.detail.currency)
            widget = line
        widget.setObjectName(f"capture_{name}")
        previous = self.session.captured.get(name) if self.session else None
        if previous is not None and isinstance(widget, QLineEdit):
            if isinstance(previous, int):
                widget.setText(Money(previous, self.detail.currency).major_text(grouping=False))
            else:
                widget.setText(str(previous))
        return widget


def _language_for(languages: tuple[str, ...], preferred: str) -> str:
    """The script's language closest to the customer's (en_US reads the "en" text)."""
    for language in languages:
        if preferred == language or preferred.split("_")[0] == language.split("_")[0]:
            return language
    return languages[0]
