"""The central store's ways out: e-mail through the bank's SMTP relay, SMS through a gateway
over HTTP. Their credentials live with the service (environment), never on a desk.

Each adapter sends one message and says how it went: `Sent` (with the gateway's id), or raises
`Retry` (the relay or gateway may take it later: connection lost, timeout, 5xx, 429) or
`Undeliverable` (it never will: a refused address, a 4xx). A retry carries the same message id
as the gateway's idempotency key, so an answer lost after the gateway took the SMS never sends
the customer a second one.
"""

from __future__ import annotations

import html
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Protocol

import httpx


@dataclass(frozen=True, slots=True)
class Outgoing:
    id: str  # the message's uuid: idempotency key and Message-ID
    to: str  # E.164 or an e-mail address
    body: str
    subject: str | None = None
    language: str = "en"
    unsubscribe_url: str | None = None  # an e-mail's own link, offered by mail clients too


@dataclass(frozen=True, slots=True)
class Sent:
    provider_ref: str


class Retry(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code[:64]


class Undeliverable(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code[:64]


class Sender(Protocol):
    def send(self, message: Outgoing) -> Sent: ...


@dataclass(frozen=True, slots=True)
class SmtpRelay:
    """The bank's relay: STARTTLS when it offers it (required when `starttls`), UTF-8 headers,
    a plain-text part and an HTML part made from it."""

    host: str
    port: int
    sender: str
    sender_name: str = ""
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout: float = 30.0
    context: ssl.SSLContext | None = None

    def compose(self, message: Outgoing) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = (
            formataddr((self.sender_name, self.sender)) if self.sender_name else self.sender
        )
        mail["To"] = message.to
        mail["Subject"] = message.subject or ""
        # the same id on every retry: a mail client shows one message if a lost answer made
        # the relay take it twice
        mail["Message-ID"] = make_msgid(idstring=message.id, domain=self.sender.split("@")[-1])
        mail["Content-Language"] = message.language.replace("_", "-")
        if message.unsubscribe_url:
            # RFC 2369 and RFC 8058: the mail client's own unsubscribe button posts to the link
            mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        mail.set_content(message.body, charset="utf-8")
        paragraphs = "".join(
            f"<p>{_linked(html.escape(p), message.unsubscribe_url).replace(chr(10), '<br>')}</p>"
            for p in message.body.split("\n\n")
        )
        mail.add_alternative(
            f'<html><body lang="{message.language.replace("_", "-")}">{paragraphs}</body></html>',
            subtype="html",
            charset="utf-8",
        )
        return mail

    def send(self, message: Outgoing) -> Sent:
        mail = self.compose(message)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.ehlo()
                if smtp.has_extn("starttls"):
                    smtp.starttls(context=self.context or ssl.create_default_context())
                    smtp.ehlo()
                elif self.starttls:
                    raise Retry("relay_without_starttls")
                if self.username:
                    smtp.login(self.username, self.password or "")
                refused = smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            raise Undeliverable("address_refused") from exc
        except smtplib.SMTPResponseException as exc:
            if 500 <= exc.smtp_code < 600:
                raise Undeliverable(f"smtp_{exc.smtp_code}") from exc
            raise Retry(f"smtp_{exc.smtp_code}") from exc
        except (smtplib.SMTPException, OSError) as exc:  # dropped, timed out, unreachable
            raise Retry(type(exc).__name__) from exc
        if refused:
            raise Undeliverable("address_refused")
        return Sent(str(mail["Message-ID"]))


def _linked(escaped: str, url: str | None) -> str:
    if not url:
        return escaped
    link = html.escape(url)
    return escaped.replace(link, f'<a href="{link}">{link}</a>')


def _post(
    client: httpx.Client | None, url: str, body: dict, headers: dict, timeout: float
) -> httpx.Response:
    """A gateway's answer that took the message (2xx); else Retry (no answer, 429, 5xx) or
    Undeliverable (any other 4xx)."""
    own = client or httpx.Client(timeout=timeout)
    try:
        answer = own.post(url, json=body, headers=headers, timeout=timeout)
    except httpx.HTTPError as exc:
        raise Retry(type(exc).__name__) from exc
    finally:
        if client is None:
            own.close()
    if answer.status_code == 429 or answer.status_code >= 500:
        raise Retry(f"http_{answer.status_code}")
    if answer.status_code >= 400:
        raise Undeliverable(f"http_{answer.status_code}")
    return answer


@dataclass(frozen=True, slots=True)
class JsonSmsGateway:
    """A generic SMS gateway over HTTP (README, "SMS gateway"): POST `url` with
    {"id", "to", "text"}, `Authorization: Bearer <token>` and `Idempotency-Key: <id>`; a 2xx
    answer with {"id": "<the gateway's id>"} means taken. A 429 or 5xx, a timeout or a lost
    connection is tried again later; any other 4xx is a message the gateway will never take."""

    url: str
    token: str
    timeout: float = 10.0
    client: httpx.Client | None = None

    def send(self, message: Outgoing) -> Sent:
        answer = _post(
            self.client,
            self.url,
            {"id": message.id, "to": message.to, "text": message.body},
            {"Authorization": f"Bearer {self.token}", "Idempotency-Key": message.id},
            self.timeout,
        )
        try:
            ref = str(answer.json()["id"])[:128]
        except (ValueError, KeyError, TypeError):
            ref = message.id  # taken, without an id of its own
        return Sent(ref)


# Infobip's status groups that mean the message will never go (its "REJECTED" group)
_INFOBIP_REJECTED = 5


@dataclass(frozen=True, slots=True)
class InfobipSms:
    """Infobip's SMS API (`POST {base_url}/sms/2/text/advanced`, `Authorization: App <key>`),
    a second, named adapter. Our message id goes as Infobip's `messageId`, which Infobip uses
    to recognise a retry of a message it already took (its idempotent sending, enabled on the
    account), so a lost answer never sends the customer a second text. A message in Infobip's
    REJECTED group, or a 4xx, will never go; a 429, a 5xx, a timeout is tried again."""

    base_url: str
    api_key: str
    sender: str
    timeout: float = 10.0
    client: httpx.Client | None = None

    def send(self, message: Outgoing) -> Sent:
        body = {
            "messages": [
                {
                    "from": self.sender,
                    "destinations": [{"to": message.to.lstrip("+"), "messageId": message.id}],
                    "text": message.body,
                }
            ]
        }
        answer = _post(
            self.client,
            self.base_url.rstrip("/") + "/sms/2/text/advanced",
            body,
            {"Authorization": f"App {self.api_key}", "Accept": "application/json"},
            self.timeout,
        )
        try:
            (taken,) = answer.json()["messages"]
            status = taken.get("status") or {}
        except (ValueError, KeyError, TypeError):
            return Sent(message.id)  # taken; its id is ours
        if status.get("groupId") == _INFOBIP_REJECTED:
            raise Undeliverable(f"infobip_{status.get('name') or 'rejected'}")
        return Sent(str(taken.get("messageId") or message.id)[:128])
