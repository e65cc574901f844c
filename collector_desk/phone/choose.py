"""The phone this desk's settings name."""

from __future__ import annotations

from collections.abc import Callable

from collector_desk.config.telephony import Telephony
from collector_desk.phone.adapter import EventSink, Phone
from collector_desk.phone.baresip import Baresip
from collector_desk.phone.uri_handoff import UriPhone

LOOPBACK = "127.0.0.1"


def phone_for(
    settings: Telephony, open_uri: Callable[[str], bool], on_event: EventSink
) -> Phone | None:
    """None: the desk dials nothing and the collector uses a separate phone. A softphone that
    is not running raises PhoneError."""
    if settings.adapter == "uri":
        return UriPhone(settings.uri_template, settings.dial_prefix, open_uri)
    if settings.adapter == "baresip":
        return Baresip(
            LOOPBACK, settings.baresip_port, settings.uri_template, settings.dial_prefix, on_event
        )
    return None
