"""Render the app icon's PNG and ICO files from resources/icons/collector-desk.svg.

Run after editing the SVG: `uv run python packaging/make_icons.py`. The outputs are committed,
so building a bundle needs neither this script nor an SVG renderer at install time.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])  # noqa: F841  (image plugins need an application)
    renderer = QSvgRenderer(str(ICONS / "collector-desk.svg"))
    for size in (256, 48):
        render(renderer, size).save(str(ICONS / f"collector-desk-{size}.png"))
    # Windows takes an .ico for the executable and the installer.
    if not render(renderer, 256).save(str(ICONS / "collector-desk.ico"), "ICO"):
        raise SystemExit("Qt's ICO writer is missing (imageformats/qico)")


if __name__ == "__main__":
    main()
