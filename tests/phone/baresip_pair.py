"""Two real baresip processes on loopback: the desk's phone, and a scripted customer's that
answers, rejects or lets it ring. Each runs from its own folder with its own ports; audio comes
from a generated tone file, and nothing is played (no sound card on CI)."""

from __future__ import annotations

import math
import os
import shutil
import socket
import struct
import subprocess
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

MODULES = Path("/usr/lib/baresip/modules")


def baresip_or_skip() -> str:
    """The baresip binary; CI installs it (`baresip-core`), so there a missing one fails."""
    found = shutil.which("baresip")
    if found and MODULES.is_dir():
        return found
    if os.environ.get("CI"):
        pytest.fail("baresip-core is not installed (.ci/run installs it)")
    pytest.skip("baresip is not installed (apt-get install baresip-core)")


def _free_port(pair: bool = False) -> int:
    """A free TCP port (and the next one too: baresip listens for SIP over TLS on port + 1)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if not pair or port >= 65535:
            return port
        try:
            with socket.socket() as a, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as b:
                a.bind(("127.0.0.1", port + 1))
                b.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
    raise RuntimeError("no free port pair on loopback")


def _tone(path: Path, seconds: int = 120) -> None:
    """A 400 Hz tone long enough for any call a test makes: baresip ends a call when its
    file source runs out."""
    period = b"".join(
        struct.pack("<h", int(6000 * math.sin(2 * math.pi * i / 20))) for i in range(20)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(period * (400 * seconds))


@dataclass
class Softphone:
    name: str
    sip_port: int
    ctrl_port: int
    process: subprocess.Popen
    folder: Path

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.sip_port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_softphone(binary: str, folder: Path, name: str, user: str) -> Softphone:
    """`user`: the account's SIP user, which the far end sees as the caller."""
    folder.mkdir(parents=True)
    tone = folder / "tone.wav"
    _tone(tone)
    sip, ctrl = _free_port(pair=True), _free_port()
    (folder / "config").write_text(
        "\n".join(
            [
                "poll_method epoll",
                f"sip_listen 127.0.0.1:{sip}",
                f"audio_source aufile,{tone}",
                "audio_player none",
                f"module_path {MODULES}",
                "module g711.so",
                "module aufile.so",
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                f"ctrl_tcp_listen 127.0.0.1:{ctrl}",
                "",
            ]
        ),
        encoding="utf-8",
    )
    (folder / "accounts").write_text(f"<sip:{user}@127.0.0.1:{sip}>;regint=0\n", encoding="utf-8")
    log = (folder / "baresip.log").open("wb")
    process = subprocess.Popen(
        [binary, "-f", str(folder)], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"baresip {name} stopped: {(folder / 'baresip.log').read_text()}")
        try:
            socket.create_connection(("127.0.0.1", ctrl), timeout=0.2).close()
            return Softphone(name, sip, ctrl, process, folder)
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"baresip {name} did not open its control port")
