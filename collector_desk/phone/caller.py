"""The caller's number out of what a phone names the far end: a SIP or tel URI, or digits."""

from __future__ import annotations

from urllib.parse import unquote

from collector_desk.domain.phones import InvalidPhoneNumber, to_e164


def caller_number(peer: str, default_region: str) -> str | None:
    """E.164, or None for a withheld, internal or unreadable caller. A number without its
    country code is read as the desk's own country's, as the PBX delivers local calls."""
    user = peer.strip().strip("<>")
    for scheme in ("sips:", "sip:", "tel:"):
        if user.lower().startswith(scheme):
            user = user[len(scheme) :]
            break
    user = unquote(user.split("@", 1)[0].split(";", 1)[0])
    if not any(ch.isdigit() for ch in user) or len(user) > 32:
        return None
    try:
        return to_e164(user, default_region)
    except InvalidPhoneNumber:
        return None
