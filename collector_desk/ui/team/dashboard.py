"""The team's numbers: charts per day or week, a table per collector, roll and cure by bucket.

The figures are computed centrally; this page shows what the lead's cache holds at once and
asks the server for fresh ones in the background. Offline, it says how old the figures are
instead of showing nothing.

Money is shown per currency and never added across currencies: a "Collected" chart for each
currency the team's figures hold, the kept rate drawn once per currency, and a kept-rate and
a collected column per currency in the table (a column a lead can sort, as the export has).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from itertools import cycle
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from collector_desk.config.loaders import default_bucket_scheme
from collector_desk.domain.flows import FlowRow, flow_totals
from collector_desk.domain.kpis import Amounts, KpiRow, Period, currencies, period_of, totals
from collector_desk.store.cache import kpi_cache
from collector_desk.store.cache.kpi_export import export_kpis
from collector_desk.store.shared.people import UserView
from collector_desk.sync.outcomes import NotALead
from collector_desk.ui.common import formatting, labels
from collector_desk.ui.common.tables import fill, read_only_table
from collector_desk.ui.team.charts import Chart, Kind, Series

translate = QCoreApplication.translate

MAX_DAYS = 366  # the server computes at most a year at once
DEFAULT_DAYS = 14
TEAM_COLOR = QColor("#2f6fb3")
COLLECTOR_COLOR = QColor("#d9822b")
# one colour per currency in the kept-rate chart, in code order
CURRENCY_COLORS = [QColor(c) for c in ("#2f6fb3", "#2e8b57", "#8e44ad", "#b8860b")]
ROLL_COLOR, CURE_COLOR = QColor("#c0392b"), QColor("#2e8b57")


def percent(value: float) -> str:
    """Whole percent, but a tenth below 10 % (a day's roll rate is often 1-3 %)."""
    share = value * 100
    return f"{share:.1f}%" if 0 < abs(share) < 10 else f"{share:.0f}%"


def _number(value: float) -> str:
    """An axis or tooltip value: whole from 100 on, else up to three significant digits."""
    return formatting.number(value) if value >= 100 else formatting.significant(value)


class Dashboard(QWidget):
    fetch_requested = Signal(object)  # (since, until, Period): ask the server, off this thread

    def __init__(
        self,
        engine: Engine,
        lead: UserView,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._engine, self._lead, self._clock = engine, lead, clock
        self._zone = ZoneInfo(lead.time_zone)
        self._buckets = default_bucket_scheme().labels
        self._names: dict[int | None, str] = {None: translate("Dashboard", "Team")}
        self.numbers = kpi_cache.CachedNumbers([], [], None)
        self.fetching = False

        today = clock().astimezone(self._zone).date()
        self.since, self.until = QDateEdit(self), QDateEdit(self)
        for edit, day in (
            (self.since, today - timedelta(days=DEFAULT_DAYS - 1)),
            (self.until, today),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.period = QComboBox(self)
        self.period.addItem(translate("Dashboard", "By day"), Period.DAY)
        self.period.addItem(translate("Dashboard", "By week"), Period.WEEK)
        self.collector = QComboBox(self)
        self.collector.addItem(translate("Dashboard", "Whole team"), None)
        self.refresh_button = QPushButton(translate("Dashboard", "Refresh"), self)
        self.refresh_button.setToolTip(
            translate("Dashboard", "Ask the server for fresh figures (F5)")
        )
        self.export_button = QPushButton(translate("Dashboard", "Export…"), self)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.status.setWordWrap(True)

        rate = partial(Chart, kind=Kind.LINE, value_text=percent, top=1.0)
        self.charts = {
            "contacts": Chart(translate("Dashboard", "Contacts"), Kind.BARS, _number),
            "contacts_per_hour": Chart(
                translate("Dashboard", "Contacts per hour"), Kind.LINE, _number
            ),
            "rpc_rate": rate(translate("Dashboard", "Right-party contact rate")),
            "promise_rate": rate(translate("Dashboard", "Promise rate (per RPC)")),
            "kept_rate": rate(translate("Dashboard", "Kept rate (amount)")),
            "broken_no_follow_up": Chart(
                translate("Dashboard", "Broken promises without follow-up"), Kind.BARS, _number
            ),
            # small rates: the axis follows the data rather than running to 100 %
            "flows": Chart(translate("Dashboard", "Roll and cure by bucket"), Kind.BARS, percent),
        }
        # the amount collected, one chart per currency, stacked in one place of the grid
        self.collected: dict[str, Chart] = {}
        self._collected_box = QWidget(self)
        self._collected_box.setObjectName("chart_collected")
        self._collected_layout = QVBoxLayout(self._collected_box)
        self._collected_layout.setContentsMargins(0, 0, 0, 0)
        self._collected_layout.setSpacing(2)
        self._show_collected_charts([])
        grid_page = QWidget(self)
        grid = QGridLayout(grid_page)
        grid.setContentsMargins(0, 0, 0, 0)
        for name, chart in self.charts.items():
            chart.setObjectName(f"chart_{name}")
        places: list[QWidget] = [
            *(self.charts[n] for n in ("contacts", "contacts_per_hour", "rpc_rate")),
            *(self.charts[n] for n in ("promise_rate", "kept_rate")),
            self._collected_box,
            *(self.charts[n] for n in ("broken_no_follow_up", "flows")),
        ]
        for i, widget in enumerate(places):
            grid.addWidget(widget, i // 4, i % 4)
        self.table = read_only_table(self, "kpiTable")
        self.table.setAccessibleName(translate("Dashboard", "Totals by collector"))

        filters = QHBoxLayout()
        for text, widget in (
            (translate("Dashboard", "From"), self.since),
            (translate("Dashboard", "to"), self.until),
            (None, self.period),
            (translate("Dashboard", "Collector"), self.collector),
        ):
            if text:
                label = QLabel(text, self)
                label.setBuddy(widget)
                filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(grid_page)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])  # the table shows a team of five without scrolling
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        for edit in (self.since, self.until):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.collector.currentIndexChanged.connect(lambda _i: self.show_cached())
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export())
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)

    # -- filters ----------------------------------------------------------------------------
    def set_collectors(self, collectors: Sequence[tuple[int, str]]) -> None:
        chosen = self.collector.currentData()
        self._names.update(dict(collectors))
        self.collector.blockSignals(True)
        self.collector.clear()
        self.collector.addItem(translate("Dashboard", "Whole team"), None)
        for user_id, name in collectors:
            self.collector.addItem(name, user_id)
        self.collector.setCurrentIndex(max(self.collector.findData(chosen), 0))
        self.collector.blockSignals(False)

    def range(self) -> tuple[date, date, Period] | None:
        """The dates asked for, whole weeks when by week; None (and a message) if impossible."""
        # PySide6 types toPython() as object; a QDate's is a date
        since = cast(date, self.since.date().toPython())
        until = cast(date, self.until.date().toPython())
        period = Period(self.period.currentData())  # Qt hands the enum back as its text
        if since > until:
            self._say(translate("Dashboard", "The start date is after the end date."))
            return None
        if period is Period.WEEK:
            since, until = period_of(since, period), period_of(until, period) + timedelta(days=6)
        if (until - since).days >= MAX_DAYS:
            self._say(translate("Dashboard", "Choose at most a year."))
            return None
        return since, until, period

    # -- reading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show what the cache holds now, and ask the server for fresh figures."""
        chosen = self.range()
        if chosen is None:
            return
        self.show_cached()
        self.fetching = True
        self.fetch_requested.emit(chosen)
        self._say(self._age_text(translate("Dashboard", "Fetching fresh figures…")))

    def fetched(self, outcome: object) -> None:
        """The server's answer to the last fetch: None when the cache now holds fresh figures,
        else why it could not."""
        self.fetching = False
        self.show_cached()
        if outcome is None:
            self._say(self._age_text(""))
        elif isinstance(outcome, NotALead):
            self._say(translate("Dashboard", "The server keeps these figures for team leads."))
        else:
            self._say(
                self._age_text(
                    translate("Dashboard", "The server cannot be reached.")
                    if self.numbers.computed_at
                    else translate(
                        "Dashboard",
                        "The server cannot be reached and no figures for these dates are kept "
                        "on this computer.",
                    )
                )
            )

    def not_connected(self) -> None:
        self.fetched(ConnectionError("not connected"))

    def show_cached(self) -> None:
        chosen = self.range()
        if chosen is None:
            return
        since, until, period = chosen
        self.numbers = kpi_cache.load(self._engine, period, since, until)
        collector = self.collector.currentData()
        keys = self._periods(since, until, period)
        labels = [self._period_label(k, period) for k in keys]
        rows = {(r.period, r.collector_id): r for r in self.numbers.rows}

        def series(name: str, who: int | None, color: QColor, dashed=False) -> Series:
            values = [None if (r := rows.get((k, who))) is None else getattr(r, name) for k in keys]
            if name in ("contacts", "broken_no_follow_up"):
                values = [v or 0 for v in values]  # nothing that day is a count of 0
            return Series(self._names.get(who, "?"), values, color, dashed)

        def amounts(who: int | None, code: str) -> list[Amounts | None]:
            return [None if (r := rows.get((k, who))) is None else r.money.get(code) for k in keys]

        def kept_rates(who: int | None, code: str) -> list[float | None]:
            return [None if a is None else a.kept_rate for a in amounts(who, code)]

        for name, chart in self.charts.items():
            if name in ("flows", "kept_rate"):
                continue
            shown = [series(name, collector, COLLECTOR_COLOR if collector else TEAM_COLOR)]
            if collector is not None and chart.kind is Kind.LINE:
                shown.append(series(name, None, TEAM_COLOR, dashed=True))
            chart.set_data(labels, shown)

        codes = currencies(self.numbers.rows)
        kept: list[Series] = []
        for code, color in zip(codes, cycle(CURRENCY_COLORS)):
            if collector is None:
                kept.append(Series(code, kept_rates(None, code), color))
            else:
                name = self._names.get(collector, "?")
                kept.append(Series(f"{name} {code}", kept_rates(collector, code), color))
                team = f"{self._names[None]} {code}"
                kept.append(Series(team, kept_rates(None, code), color, dashed=True))
        self.charts["kept_rate"].set_data(labels, kept)
        self._show_collected_charts(codes)
        for code, chart in self.collected.items():
            paid = [a.collected_minor if a else 0 for a in amounts(collector, code)]
            color = COLLECTOR_COLOR if collector else TEAM_COLOR
            chart.set_data(labels, [Series(self._names.get(collector, "?"), paid, color)])
        self._show_flows(collector)
        self._show_table()

    def _show_collected_charts(self, codes: list[str]) -> None:
        """A "Collected" chart for each currency (one without a currency while there is no
        money to show), made again only when the currencies change."""
        wanted = codes or [""]
        if list(self.collected) == wanted:
            return
        for chart in self.collected.values():
            chart.deleteLater()
        self.collected = {}
        for code in wanted:
            title = translate("Dashboard", "Collected")
            if code:
                title = translate("Dashboard", "Collected (%1)").replace("%1", code)
            value_text = partial(self._whole_money, code)
            chart = Chart(title, Kind.BARS, value_text, parent=self._collected_box)
            chart.setObjectName(f"chart_collected_{code}")
            self._collected_layout.addWidget(chart)
            self.collected[code] = chart

    @staticmethod
    def _whole_money(code: str, value: float) -> str:
        return formatting.money(int(value), code, whole=True) if code else _number(value)

    def _show_flows(self, collector: int | None) -> None:
        by = flow_totals(self.numbers.flows)
        rows: list[FlowRow] = [
            by[(collector, label)] for label in self._buckets if (collector, label) in by
        ]
        self.charts["flows"].set_data(
            [r.bucket for r in rows],
            [
                Series(translate("Dashboard", "Roll"), [r.roll_rate for r in rows], ROLL_COLOR),
                Series(translate("Dashboard", "Cure"), [r.cure_rate for r in rows], CURE_COLOR),
            ],
        )

    def _show_table(self) -> None:
        by = totals(self.numbers.rows)
        order = [w for w in self._names if w is not None and w in by] + (
            [None] if None in by else []
        )
        codes = currencies(self.numbers.rows)
        rate = lambda v: "–" if v is None else percent(v)  # noqa: E731
        fill(
            self.table,
            [
                translate("Dashboard", "Collector"),
                translate("Dashboard", "Contacts"),
                translate("Dashboard", "Hours"),
                translate("Dashboard", "Contacts per hour"),
                translate("Dashboard", "Talk time"),
                translate("Dashboard", "RPC rate"),
                translate("Dashboard", "Promise rate"),
                translate("Dashboard", "Broken, no follow-up"),
                *(translate("Dashboard", "Kept rate (%1)").replace("%1", code) for code in codes),
                *(translate("Dashboard", "Collected (%1)").replace("%1", code) for code in codes),
            ],
            [
                [
                    self._names.get(w, "?"),
                    formatting.number(r.contacts),
                    formatting.number(r.hours, 1),
                    "–"
                    if r.contacts_per_hour is None
                    else formatting.number(r.contacts_per_hour, 1),
                    labels.talk_time(r.talk_seconds),
                    rate(r.rpc_rate),
                    rate(r.promise_rate),
                    formatting.number(r.broken_no_follow_up),
                    *(rate(r.money.get(code, Amounts()).kept_rate) for code in codes),
                    *(
                        formatting.money(r.money.get(code, Amounts()).collected_minor, code)
                        for code in codes
                    ),
                ]
                for w in order
                if (r := by[w])
            ],
        )

    # -- export -----------------------------------------------------------------------------
    def export(self, path: Path | None = None) -> Path | None:
        """The rows shown (per period, the chosen collector or everyone and the team) to CSV
        or XLSX; roll and cure go beside them."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                translate("Dashboard", "Export the team's numbers"),
                f"team-numbers-{self.since.date().toString('yyyyMMdd')}.xlsx",
                translate("Dashboard", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        collector = self.collector.currentData()
        rows: list[KpiRow] = [
            r for r in self.numbers.rows if collector is None or r.collector_id == collector
        ]
        flows = [f for f in self.numbers.flows if collector is None or f.collector_id == collector]
        try:
            written = export_kpis(rows, path, lambda w: self._names.get(w, "?"), flows)
        except (OSError, ValueError) as error:
            self._say(translate("Dashboard", "Could not export: %1").replace("%1", str(error)))
            return None
        n = len(rows)
        self._say(
            translate("Dashboard", "Exported %n row(s) to %1", None, n).replace(
                "%1", ", ".join(str(p) for p in written)
            )
        )
        return path

    # -- helpers ----------------------------------------------------------------------------
    @staticmethod
    def _periods(since: date, until: date, period: Period) -> list[date]:
        step = timedelta(days=1 if period is Period.DAY else 7)
        keys, key = [], period_of(since, period)
        while key <= until:
            keys.append(key)
            key += step
        return keys

    @staticmethod
    def _period_label(key: date, period: Period) -> str:
        if period is Period.WEEK:
            return translate("Dashboard", "W%1").replace("%1", f"{key.isocalendar().week:02d}")
        return formatting.day(key)

    def _age_text(self, prefix: str) -> str:
        computed = self.numbers.computed_at
        if computed is None:
            age = translate("Dashboard", "No figures for these dates yet.")
        else:
            age = translate("Dashboard", "Figures computed %1.").replace(
                "%1", formatting.moment(computed, self._zone)
            )
        return f"{prefix} {age}".strip()

    def _say(self, text: str) -> None:
        self.status.setText(text)
