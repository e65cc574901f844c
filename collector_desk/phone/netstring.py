"""Netstrings (D. J. Bernstein's "len:bytes,"), the framing of baresip's ctrl_tcp messages."""

from __future__ import annotations

MAX_MESSAGE = 1 << 20  # a help text is 3 KB; a peer sending more is not baresip


class NetstringError(ValueError):
    pass


def encode(payload: bytes) -> bytes:
    return str(len(payload)).encode("ascii") + b":" + payload + b","


class Decoder:
    """Messages out of a byte stream that arrives in arbitrary pieces."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        messages: list[bytes] = []
        while True:
            colon = self._buffer.find(b":")
            if colon < 0:
                if len(self._buffer) > 10:
                    raise NetstringError("no length prefix")
                return messages
            head = bytes(self._buffer[:colon])
            if not head.isdigit() or (len(head) > 1 and head.startswith(b"0")):
                raise NetstringError("a length is decimal digits")
            size = int(head)
            if size > MAX_MESSAGE:
                raise NetstringError("message too long")
            end = colon + 1 + size
            if len(self._buffer) < end + 1:
                return messages
            if self._buffer[end] != ord(","):
                raise NetstringError("a message ends with a comma")
            messages.append(bytes(self._buffer[colon + 1 : end]))
            del self._buffer[: end + 1]
