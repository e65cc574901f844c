"""Which ways out this service has, from its environment: the relay's and the gateway's
addresses and credentials belong to the service (a systemd EnvironmentFile readable by its
user only, or the container's secrets), never to a desk.

    COLLECTOR_DESK_SMTP_HOST, _PORT (587), _FROM, _FROM_NAME, _USER, _PASSWORD,
    _STARTTLS ("required", the default, or "off" for a relay on the same host)
    COLLECTOR_DESK_SMS_URL, COLLECTOR_DESK_SMS_TOKEN: the generic JSON gateway; or with
    COLLECTOR_DESK_SMS_PROVIDER=infobip, the account's base URL, its API key and
    COLLECTOR_DESK_SMS_FROM (the sender name or number)
"""

from __future__ import annotations

from collections.abc import Mapping

from collector_desk.domain.contacts import Channel
from collector_desk.server.sending.channels import InfobipSms, JsonSmsGateway, Sender, SmtpRelay

PREFIX = "COLLECTOR_DESK_"


class SendersMisconfigured(ValueError):
    pass


def senders_from(env: Mapping[str, str]) -> dict[Channel, Sender]:
    def get(name: str, default: str | None = None) -> str | None:
        return env.get(PREFIX + name) or default

    senders: dict[Channel, Sender] = {}
    host = get("SMTP_HOST")
    if host:
        sender = get("SMTP_FROM")
        if not sender or "@" not in sender:
            raise SendersMisconfigured(f"{PREFIX}SMTP_FROM must be the sending address")
        port = get("SMTP_PORT", "587") or "587"
        if not port.isdigit():
            raise SendersMisconfigured(f"{PREFIX}SMTP_PORT must be a port number")
        starttls = (get("SMTP_STARTTLS", "required") or "required").lower()
        if starttls not in ("required", "off"):
            raise SendersMisconfigured(f"{PREFIX}SMTP_STARTTLS must be 'required' or 'off'")
        senders[Channel.EMAIL] = SmtpRelay(
            host,
            int(port),
            sender,
            get("SMTP_FROM_NAME", "") or "",
            get("SMTP_USER"),
            get("SMTP_PASSWORD"),
            starttls=starttls == "required",
        )
    url = get("SMS_URL")
    if url:
        token = get("SMS_TOKEN")
        if not token:
            raise SendersMisconfigured(f"{PREFIX}SMS_TOKEN must be set with {PREFIX}SMS_URL")
        if not url.startswith("https://") and not url.startswith("http://127.0.0.1"):
            raise SendersMisconfigured(f"{PREFIX}SMS_URL must be https (the token goes with it)")
        provider = (get("SMS_PROVIDER", "json") or "json").lower()
        if provider == "infobip":
            sender_id = get("SMS_FROM")
            if not sender_id:
                raise SendersMisconfigured(f"{PREFIX}SMS_FROM must name the sender for Infobip")
            senders[Channel.SMS] = InfobipSms(url, token, sender_id)
        elif provider == "json":
            senders[Channel.SMS] = JsonSmsGateway(url, token)
        else:
            raise SendersMisconfigured(f"{PREFIX}SMS_PROVIDER must be 'json' or 'infobip'")
    return senders
