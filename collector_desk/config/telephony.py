"""The phone a desk drives, as IT configures it (telephony.toml, overridable per desk)."""

from __future__ import annotations

import logging
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import phonenumbers

from collector_desk.config.loaders import whole_numbers, with_override

ADAPTERS = ("none", "uri", "baresip")
URI_SCHEMES = ("tel", "sip", "sips", "callto")
PLACEHOLDERS = ("e164", "e164_digits", "national")


@dataclass(frozen=True, slots=True)
class Telephony:
    adapter: str
    uri_template: str
    dial_prefix: str
    baresip_port: int = 4444
    ring_seconds: int = 45
    home_region: str = "CN"
    preview_seconds: int = 10


def _check_template(template: str, source: str) -> None:
    scheme = template.split(":", 1)[0].lower() if ":" in template else ""
    if scheme not in URI_SCHEMES:
        raise ValueError(f"{source}: uri_template starts with one of {', '.join(URI_SCHEMES)}:")
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as exc:
        raise ValueError(f"{source}: uri_template is not a template ({exc})") from exc
    unknown = names - set(PLACEHOLDERS)
    if unknown or not names:
        raise ValueError(
            f"{source}: uri_template holds one of {{e164}}, {{e164_digits}} or {{national}}"
            + (f", not {{{', '.join(sorted(unknown))}}}" if unknown else "")
        )


def load_telephony(path: Path | None = None, override: Path | None = None) -> Telephony:
    data, source = with_override("telephony.toml", path, override)
    adapter, template = str(data["adapter"]), str(data["uri_template"])
    prefix = str(data["dial_prefix"])
    if adapter not in ADAPTERS:
        raise ValueError(f"{source}: adapter is one of {', '.join(ADAPTERS)}")
    _check_template(template, source)
    if prefix and not prefix.isdigit():
        raise ValueError(f"{source}: dial_prefix holds digits only")
    port, ring, preview = whole_numbers(
        data, ("baresip_port", "ring_seconds", "preview_seconds"), source
    )
    if not 3 <= preview <= 60:
        raise ValueError(f"{source}: preview_seconds between 3 and 60")
    if not 1 <= port <= 65535:
        raise ValueError(f"{source}: baresip_port between 1 and 65535")
    if not 10 <= ring <= 300:
        raise ValueError(f"{source}: ring_seconds between 10 and 300")
    region = str(data["home_region"])
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"{source}: home_region is a country code like CN, US or AU")
    return Telephony(adapter, template, prefix, port, ring, region, preview)


@cache
def default_telephony() -> Telephony:
    """This desk's phone: shipped settings, or IT's valid override (a broken one is logged and
    the desk dials nothing, as shipped: a typo must not keep it from starting)."""
    from collector_desk.config import app_dirs

    try:
        return load_telephony(override=app_dirs.config_dir() / "telephony.toml")
    except ValueError as exc:
        logging.getLogger(__name__).error("ignored the settings override: %s", exc)
        return load_telephony()
