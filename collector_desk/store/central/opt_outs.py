"""Customers opting out of a channel: a STOP / 退订 text back to the bank's number, or the
unsubscribe link in an e-mail. The address is marked for that channel on every case of its
holder, each desk holding one learns it on its next pull, the server refuses later sends to it,
and the audit trail keeps who asked, how and when (ids and codes, never the address)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from collector_desk.config.policy_packs import default_packs
from collector_desk.domain.contacts import Channel, ContactPointKind
from collector_desk.store.central.changes import record_change
from collector_desk.store.shared.audit import record_event
from collector_desk.store.shared.schema import Case, ContactPoint, Customer, Message, SyncState

_KEY = "unsubscribe_key"  # in sync_state: one per central store, shared by its processes


def _key(session: Session) -> bytes:
    found = session.get(SyncState, _KEY)
    if found is None:
        try:
            with session.begin_nested():  # another process may be making it at this moment
                found = SyncState(key=_KEY, value=secrets.token_hex(32))
                session.add(found)
        except IntegrityError:
            found = session.get_one(SyncState, _KEY)
    return bytes.fromhex(found.value)


def _mac(key: bytes, message_id: str) -> str:
    digest = hmac.new(key, message_id.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()


def unsubscribe_token(session: Session, message_id: str) -> str:
    """The token in this message's unsubscribe link: its id and a MAC only this store makes,
    the same on every retry."""
    return f"{message_id}.{_mac(_key(session), message_id)}"


def message_of(session: Session, token: str) -> Message | None:
    """The message a link was signed for; None for a forged, mangled or foreign token."""
    message_id, _, mac = token.partition(".")
    try:
        uuid.UUID(message_id)
    except ValueError:
        return None
    if not hmac.compare_digest(mac.encode(), _mac(_key(session), message_id).encode()):
        return None
    return session.get(Message, message_id)


def opt_out(
    session: Session, point: ContactPoint, channel: Channel, via: str, now: datetime
) -> bool:
    """Mark the point opted out of the channel; False when it already was."""
    channels = set(point.opted_out or ())
    if channel.value in channels:
        return False
    point.opted_out = sorted(channels | {channel.value})
    record_event(
        session,
        str(uuid.uuid4()),
        None,  # the customer asked, not a user
        "opt_out",
        "contact_point",
        str(point.id),
        {"channel": channel.value, "via": via},
        now,
        received_at=now,
    )
    for case in session.scalars(select(Case).where(Case.customer_id == point.customer_id)):
        record_change(session, case, now)
    return True


def apply_reply(engine: Engine, sender: str, text: str, now: datetime) -> int:
    """A text a customer sent back: when it is one of their pack's opt-out words (STOP, 退订),
    the number is opted out of texts on every case of its holder. Returns how many numbers
    were opted out."""
    opted = 0
    with Session(engine) as session, session.begin():
        points = session.scalars(
            select(ContactPoint).where(
                ContactPoint.value == sender, ContactPoint.kind == ContactPointKind.MOBILE
            )
        ).all()
        for point in points:
            customer = session.get_one(Customer, point.customer_id)
            pack = default_packs().get(customer.policy_pack or customer.country)
            if pack is None or not pack.messages.is_opt_out(text):
                continue
            opted += opt_out(session, point, Channel.SMS, "sms_reply", now)
    return opted


def unsubscribe(engine: Engine, token: str, now: datetime) -> str | None:
    """The e-mail address the message went to, opted out of e-mail (again is harmless); the
    message's language for the answer page, or None when the token is not one of ours."""
    with Session(engine) as session, session.begin():
        message = message_of(session, token)
        if message is None or message.channel is not Channel.EMAIL:
            return None
        point = session.get_one(ContactPoint, message.contact_point_id, with_for_update=True)
        opt_out(session, point, Channel.EMAIL, "unsubscribe_link", now)
        return message.language


def language_of(engine: Engine, token: str) -> str | None:
    """The language of the message a link belongs to, for the page that asks to confirm."""
    with Session(engine) as session, session.begin():
        message = message_of(session, token)
        return None if message is None or message.channel is not Channel.EMAIL else message.language
