"""The number handed to the desktop's softphone as a link (tel:, sip:, callto:), which the
operating system opens with whichever program claims the scheme: MicroSIP, Zoiper, Linphone,
a Teams phone. Nothing comes back: the desk never learns whether the call was answered."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from collector_desk.domain.phones import national_digits
from collector_desk.phone.adapter import PhoneError


def call_uri(template: str, e164: str, dial_prefix: str = "") -> str:
    """The link for a number: the template (checked when the settings were read) with the
    number in the form it asks for; every character outside a URI's own is escaped."""
    forms = {
        "e164": e164,
        "e164_digits": e164.lstrip("+"),
        "national": national_digits(e164, dial_prefix),
    }
    return template.format(**{k: quote(v, safe="+") for k, v in forms.items()})


class UriPhone:
    reports_calls = False
    can_mute = False

    def __init__(self, template: str, dial_prefix: str, open_uri: Callable[[str], bool]) -> None:
        self._template, self._prefix, self._open = template, dial_prefix, open_uri
        self._calls = 0

    def dial(self, e164: str) -> str:
        if not self._open(call_uri(self._template, e164, self._prefix)):
            raise PhoneError("no program on this computer opens the call link")
        self._calls += 1
        return f"uri-{self._calls}"

    def hang_up(self, call_id: str) -> None:
        """The softphone's own window hangs up: the desk has no hold on the call."""

    def answer(self, call_id: str) -> None:
        """Calls ring in the softphone's own window."""

    def mute(self, call_id: str, on: bool) -> None:
        """The softphone's own window mutes."""

    def close(self) -> None:
        """Nothing is held open."""
