"""A baresip softphone on this computer, driven over its ctrl_tcp module: JSON commands and
events in netstrings on a loopback socket (baresip's modules/ctrl_tcp). The desk dials, hangs
up, answers and mutes; baresip reports each call's ringing, answer and end, by call id.

baresip acts on its *current* call, so a command about one call first makes it current
(`callfind`). Events arrive on a reader thread and go to the sink as they come; the UI moves
them to its own thread.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import queue
import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from collector_desk.phone.adapter import CallEvent, CallEventKind, EventSink, PhoneError
from collector_desk.phone.netstring import Decoder, NetstringError, encode
from collector_desk.phone.uri_handoff import call_uri

log = logging.getLogger(__name__)

ANSWER_WAIT_S = 2.0  # for baresip's reply to a command, and for a dialled call's id

_KINDS = {
    "CALL_RINGING": CallEventKind.RINGING,
    "CALL_PROGRESS": CallEventKind.RINGING,  # early media: it rings, as far as the desk cares
    "CALL_ESTABLISHED": CallEventKind.ANSWERED,
    "CALL_CLOSED": CallEventKind.ENDED,
    "CALL_INCOMING": CallEventKind.INCOMING,
}


def sip_status(reason: str) -> int | None:
    """The status code a CALL_CLOSED event's reason starts with ("486 Busy Here"), if any
    ("Connection reset by user": a hang-up, no status)."""
    head = reason.strip()[:3]
    return int(head) if len(head) == 3 and head.isdigit() else None


class Baresip:
    reports_calls = True
    can_mute = True

    def __init__(
        self,
        host: str,
        port: int,
        uri_template: str,
        dial_prefix: str,
        on_event: EventSink,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._template, self._prefix = uri_template, dial_prefix
        self._on_event, self._clock = on_event, clock
        try:
            self._socket = socket.create_connection((host, port), timeout=ANSWER_WAIT_S)
        except OSError as exc:
            raise PhoneError(f"the softphone does not answer on {host}:{port} ({exc})") from exc
        self._socket.settimeout(None)
        self._send_lock = threading.Lock()
        self._command_lock = threading.Lock()  # one command and its reply at a time
        self._tokens = itertools.count(1)
        self._replies: queue.Queue[dict] = queue.Queue()
        self._new_calls: queue.Queue[str] = queue.Queue()
        self._seen: set[str] = set()
        self._live: set[str] = set()
        self._hung_up_here: set[str] = set()
        self._muted: set[str] = set()
        self._open = True
        self._reader = threading.Thread(target=self._read, name="baresip-events", daemon=True)
        self._reader.start()

    # -- commands -----------------------------------------------------------------------------
    def dial(self, e164: str) -> str:
        """Place the call; its id once baresip names it (its first event)."""
        with self._command_lock:
            while not self._new_calls.empty():
                self._new_calls.get_nowait()
            self._command_unlocked("dial", call_uri(self._template, e164, self._prefix))
            try:
                return self._new_calls.get(timeout=ANSWER_WAIT_S)
            except queue.Empty:
                raise PhoneError("the softphone took the number but placed no call") from None

    def hang_up(self, call_id: str) -> None:
        self._hung_up_here.add(call_id)
        self._on_call(call_id, "hangup")

    def answer(self, call_id: str) -> None:
        self._on_call(call_id, "accept")

    def mute(self, call_id: str, on: bool) -> None:
        if (call_id in self._muted) != on:  # baresip's mute toggles
            self._on_call(call_id, "mute")
            (self._muted.add if on else self._muted.discard)(call_id)

    def close(self) -> None:
        self._open = False
        with contextlib.suppress(OSError):  # already gone
            self._socket.shutdown(socket.SHUT_RDWR)
        self._socket.close()
        self._reader.join(timeout=ANSWER_WAIT_S)

    def _on_call(self, call_id: str, command: str) -> None:
        with self._command_lock:
            self._command_unlocked("callfind", call_id)
            self._command_unlocked(command)

    def _command_unlocked(self, command: str, params: str = "") -> dict:
        if not self._open:
            raise PhoneError("the softphone is not running")
        token = str(next(self._tokens))
        message = json.dumps({"command": command, "params": params, "token": token})
        try:
            with self._send_lock:
                self._socket.sendall(encode(message.encode("utf-8")))
        except OSError as exc:
            raise PhoneError(f"the softphone went away ({exc})") from exc
        while True:
            try:
                reply = self._replies.get(timeout=ANSWER_WAIT_S)
            except queue.Empty:
                raise PhoneError(f"the softphone did not answer {command!r}") from None
            if reply.get("token") == token:
                break  # a late reply to an earlier command that timed out is dropped
        if not reply.get("ok"):
            raise PhoneError(f"the softphone refused {command!r}")
        return reply

    # -- events -------------------------------------------------------------------------------
    def _read(self) -> None:
        decoder = Decoder()
        try:
            while True:
                data = self._socket.recv(65536)
                if not data:
                    break
                for raw in decoder.feed(data):
                    self._dispatch(raw)
        except (OSError, NetstringError) as exc:
            if self._open:
                log.warning("the softphone's control connection failed: %s", exc)
        finally:
            self._gone()

    def _dispatch(self, raw: bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            log.warning("the softphone sent something that is not JSON; ignored")
            return
        if not isinstance(message, dict):
            return
        if message.get("response"):
            self._replies.put(message)
            return
        kind, call_id = _KINDS.get(str(message.get("type"))), message.get("id")
        if not message.get("event") or kind is None or not isinstance(call_id, str):
            return  # SDP, RTCP and registration events say nothing about the call's course
        if message.get("direction") == "outgoing" and call_id not in self._seen:
            self._new_calls.put(call_id)
        self._seen.add(call_id)
        param = str(message.get("param") or "")
        if kind is CallEventKind.ENDED:
            self._live.discard(call_id)
            event = CallEvent(
                kind,
                call_id,
                self._clock(),
                str(message.get("peeruri") or ""),
                sip_status(param),
                call_id in self._hung_up_here,
            )
            self._hung_up_here.discard(call_id)
            self._muted.discard(call_id)
        else:
            self._live.add(call_id)
            event = CallEvent(kind, call_id, self._clock(), str(message.get("peeruri") or ""))
        self._on_event(event)

    def _gone(self) -> None:
        """baresip stopped: every call it held ended, as far as the desk can know."""
        self._open = False
        for call_id in sorted(self._live):
            self._on_event(CallEvent(CallEventKind.ENDED, call_id, self._clock()))
        self._live.clear()
