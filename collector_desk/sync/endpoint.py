"""Which server addresses a desktop will talk to."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


class InsecureServer(ValueError):
    """Plain HTTP to a machine other than this one: tokens would cross the network in clear."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_server_url(url: str, allow_http: bool = False) -> str:
    """The URL normalised (no trailing slash), or InsecureServer / ValueError."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not a server address: {url!r}")
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not allow_http:
        raise InsecureServer(parts.hostname)
    return url.strip().rstrip("/")
