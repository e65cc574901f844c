"""The phone a signed-in desk drives, from IT's telephony settings. The demo and practice
modes never dial: their customers are made up, and a made-up number may belong to someone."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from collector_desk.config.telephony import default_telephony
from collector_desk.phone.adapter import EventSink, Phone
from collector_desk.phone.choose import phone_for


def open_with_desktop(uri: str) -> bool:
    """The operating system opens the link with the program that claims its scheme."""
    return QDesktopServices.openUrl(QUrl(uri))


def desk_phone(on_event: EventSink) -> Phone | None:
    """Raises PhoneError when the configured softphone is not running."""
    return phone_for(default_telephony(), open_with_desktop, on_event)
