"""`collector-desk server ...` in a process of its own on 127.0.0.1, for tests and benchmarks
that need the service as it is deployed (its own processes, not a thread of the caller)."""

import os
import queue
import re
import subprocess
import sys
import threading
import time

import httpx

RUNNING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")


class Service:
    """`collector-desk server ...` in a process of its own, on a port the OS chose."""

    def __init__(self, url, *extra: str) -> None:
        command = ["server", "--db", url, "--host", "127.0.0.1", "--port", "0", *extra]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "collector_desk.cli", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        # drained all along: a full pipe would stall the server's access log
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self._wait_until_up()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def _wait_until_up(self, timeout_s: float = 20.0) -> str:
        deadline = time.monotonic() + timeout_s
        port = None
        while port is None:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                line = ""
            self.output.append(line)
            found = RUNNING.search(line)
            port = found and found.group(1)
            if port is None and (time.monotonic() > deadline or self.process.poll() is not None):
                self.stop()
                raise RuntimeError("the service did not start:\n" + "".join(self.output))
        url = f"http://127.0.0.1:{port}"
        while True:  # the parent of several workers binds before any worker answers
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    return url
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the service never answered /healthz")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
