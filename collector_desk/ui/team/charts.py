"""Small charts drawn with QPainter: QtCharts is not part of PySide6-Essentials, and a lead's
dashboard needs only lines over periods and bars side by side.

Colours come from the palette, so a dark theme stays readable; a gap in a line is a period
without a figure (no calls is not 0 %). Hovering shows the exact values; screen readers get
the title and the latest values as the accessible description.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

translate = QCoreApplication.translate

MARGIN = 8
TICK = 4


class Kind(enum.Enum):
    LINE = "line"
    BARS = "bars"


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: Sequence[float | None]
    color: QColor
    dashed: bool = False


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at or above value (an axis top)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power * (1 + 1e-9):
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


class Chart(QWidget):
    def __init__(
        self,
        title: str,
        kind: Kind = Kind.LINE,
        value_text: Callable[[float], str] = lambda v: f"{v:g}",
        top: float | None = None,  # a fixed axis top (1.0 for rates), else from the data
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title, self.kind, self.value_text, self._top = title, kind, value_text, top
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.setAccessibleName(title)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(320, 170)

    def minimumSizeHint(self) -> QSize:
        return QSize(180, 110)

    def set_data(self, categories: Sequence[str], series: Sequence[Series]) -> None:
        self.categories, self.series = list(categories), list(series)
        latest = [
            f"{s.name}: {self.value_text(v)}"
            for s in self.series
            if (v := next((x for x in reversed(s.values) if x is not None), None)) is not None
        ]
        self.setAccessibleDescription("; ".join(latest))
        self.update()

    # -- geometry ---------------------------------------------------------------------------
    def axis_top(self) -> float:
        if self._top is not None:
            return self._top
        values = [v for s in self.series for v in s.values if v is not None]
        return nice_ceiling(max(values, default=0))

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        left = max(metrics.horizontalAdvance(self.value_text(self.axis_top())), 20) + MARGIN + TICK
        # room for the title, the legend's lines if any, and half of the top axis label
        top = metrics.height() * (1.5 + 1.1 * len(self._legend_lines(metrics))) + MARGIN
        bottom = metrics.height() + MARGIN
        return QRectF(left, top, self.width() - left - MARGIN, self.height() - top - bottom)

    def index_at(self, x: float) -> int | None:
        plot = self._plot_rect()
        if not self.categories or not plot.left() <= x <= plot.right():
            return None
        step = plot.width() / len(self.categories)
        return min(int((x - plot.left()) / step), len(self.categories) - 1)

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(MARGIN, MARGIN + metrics.ascent(), self.title)
        painter.setFont(self.font())
        self._legend(painter, metrics)
        plot = self._plot_rect()
        if plot.width() < 20 or plot.height() < 20:
            return
        values = [v for s in self.series for v in s.values if v is not None]
        if not self.categories or not values:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                plot, Qt.AlignmentFlag.AlignCenter, translate("Chart", "No figures for these dates")
            )
            return
        self._axes(painter, plot, palette, metrics)
        if self.kind is Kind.BARS:
            self._bars(painter, plot)
        else:
            self._lines(painter, plot)

    def _legend_lines(self, metrics) -> list[list[Series]]:
        """The legend's entries, wrapped into lines that fit the width; none for one series."""
        if len(self.series) < 2:
            return []
        lines: list[list[Series]] = [[]]
        x = MARGIN
        for s in self.series:
            width = 14 + metrics.horizontalAdvance(s.name) + 12
            if lines[-1] and x + width - 12 > self.width() - MARGIN:
                lines.append([])
                x = MARGIN
            lines[-1].append(s)
            x += width
        return lines

    def _legend(self, painter: QPainter, metrics) -> None:
        y = MARGIN + metrics.height() + 4
        for line in self._legend_lines(metrics):
            x = MARGIN
            for s in line:
                if s.dashed:  # drawn as it is drawn in the plot
                    pen = QPen(s.color, 2, Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    middle = y + metrics.height() / 2
                    painter.drawLine(QPointF(x, middle), QPointF(x + 10, middle))
                    painter.setPen(self.palette().color(QPalette.ColorRole.Text))
                else:
                    painter.fillRect(QRectF(x, y + 2, 10, metrics.height() - 4), s.color)
                painter.drawText(int(x + 14), int(y + metrics.ascent()), s.name)
                x += 14 + metrics.horizontalAdvance(s.name) + 12
            y += metrics.height() * 1.1

    def _axes(self, painter: QPainter, plot: QRectF, palette: QPalette, metrics) -> None:
        top = self.axis_top()
        grid = QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine)
        label = palette.color(QPalette.ColorRole.Text)
        for fraction in (0, 0.5, 1):
            y = plot.bottom() - fraction * plot.height()
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(label)
            text = self.value_text(top * fraction)
            width = metrics.horizontalAdvance(text)
            # the bottom label sits above the axis, clear of the category labels under it
            baseline = y - 2 if fraction == 0 else y + metrics.ascent() / 2 - 1
            painter.drawText(QPointF(plot.left() - TICK - width, baseline), text)
        self._category_labels(painter, plot, metrics)

    def _category_labels(self, painter: QPainter, plot: QRectF, metrics) -> None:
        """As many as fit without overlapping, always the first and the last."""
        n = len(self.categories)
        step = plot.width() / n
        every = max(1, math.ceil((max(map(metrics.horizontalAdvance, self.categories)) + 6) / step))
        shown = list(range(0, n, every))
        if shown[-1] != n - 1 and len(shown) > 1:
            shown[-1] = n - 1  # it would crowd the last one: the last takes its place
        for i in shown:
            text = self.categories[i]
            width = metrics.horizontalAdvance(text)
            x = min(max(plot.left() + step * (i + 0.5) - width / 2, 0), self.width() - width)
            painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 3), text)

    def _y(self, plot: QRectF, value: float) -> float:
        return plot.bottom() - min(value / self.axis_top(), 1.0) * plot.height()

    def _lines(self, painter: QPainter, plot: QRectF) -> None:
        step = plot.width() / len(self.categories)
        for s in self.series:
            pen = QPen(s.color, 2 if not s.dashed else 1.5)
            if s.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            path, drawing = QPainterPath(), False
            points = []
            for i, value in enumerate(s.values):
                if value is None:
                    drawing = False
                    continue
                point = QPointF(plot.left() + step * (i + 0.5), self._y(plot, value))
                points.append(point)
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
            painter.drawPath(path)
            if len(self.categories) <= 31:  # dots help while they do not crowd
                painter.setBrush(s.color)
                for point in points:
                    painter.drawEllipse(point, 2.5, 2.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)

    def _bars(self, painter: QPainter, plot: QRectF) -> None:
        step = plot.width() / len(self.categories)
        width = step * 0.75 / len(self.series)
        painter.setPen(Qt.PenStyle.NoPen)
        for k, s in enumerate(self.series):
            for i, value in enumerate(s.values):
                if not value:
                    continue
                x = plot.left() + step * i + step * 0.125 + width * k
                y = self._y(plot, value)
                painter.fillRect(QRectF(x, y, max(width - 1, 1), plot.bottom() - y), s.color)

    # -- values on hover --------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(index), self)
            return True
        return super().event(event)

    def tooltip(self, index: int) -> str:
        lines = [self.categories[index]]
        for s in self.series:
            value = s.values[index] if index < len(s.values) else None
            lines.append(f"{s.name}: {'–' if value is None else self.value_text(value)}")
        return "\n".join(lines)
