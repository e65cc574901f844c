"""ctrl_tcp's framing: messages out of a stream cut anywhere, and garbage refused."""

import pytest

from collector_desk.phone.netstring import MAX_MESSAGE, Decoder, NetstringError, encode


def test_messages_come_whole_however_the_stream_is_cut():
    stream = encode(b'{"a":1}') + encode(b"") + encode("通话".encode())
    decoder = Decoder()
    got = [m for byte in range(len(stream)) for m in decoder.feed(stream[byte : byte + 1])]
    assert got == [b'{"a":1}', b"", "通话".encode()]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"x5:hello,", "decimal digits"),
        (b"05:hello,", "decimal digits"),
        (b"5:hello;", "ends with a comma"),
        (str(MAX_MESSAGE + 1).encode() + b":", "too long"),
        (b"12345678901", "no length prefix"),
    ],
)
def test_garbage_is_refused(data, reason):
    with pytest.raises(NetstringError, match=reason):
        Decoder().feed(data)
