"""The phone this desk's settings name."""

from __future__ import annotations

from collections.abc import Callable

from collector_desk.config.telephony import Telephony
from collector_desk.phone.adapter import Phone
from collector_desk.phone.uri_handoff import UriPhone


def phone_for(settings: Telephony, open_uri: Callable[[str], bool]) -> Phone | None:
    """None: the desk dials nothing and the collector uses a separate phone."""
    if settings.adapter == "uri":
        return UriPhone(settings.uri_template, settings.dial_prefix, open_uri)
    return None
