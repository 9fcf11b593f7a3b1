"""Real webhook receivers on 127.0.0.1 for the webhook tests.

:class:`Receiver` answers each POST with the next status of a script (then 200), records what
it got, and can hold its answer until the test releases it (to act while a delivery is in
flight). :class:`Trickler` answers 200, one byte at a time (a slow or hostile receiver)."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# The ports this worktree's tests may use (docs/development.md: one range per developer).
PORTS = range(8130, 8140)


@dataclass
class Received:
    path: str
    headers: dict
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    statuses: list[int] = field(default_factory=list)
    location: str | None = None  # sent with 3xx answers
    delay_s: float = 0.0
    hold: threading.Event | None = None  # set: answer; unset: wait for it
    received: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def ids(self) -> list[str]:
        return [r.headers["webhook-id"] for r in self.received]


def start(receiver: Receiver) -> ThreadingHTTPServer:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                receiver.received.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                status = receiver.statuses.pop(0) if receiver.statuses else 200
            receiver.arrived.set()
            if receiver.hold is not None:
                receiver.hold.wait(120)
            if receiver.delay_s:
                threading.Event().wait(receiver.delay_s)
            self.send_response(status)
            if receiver.location and 300 <= status < 400:
                self.send_header("Location", receiver.location)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    for port in PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
            break
        except OSError:
            continue
    else:
        raise RuntimeError(f"no free port in {PORTS}")
    server.daemon_threads = True
    receiver.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


ANSWER = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@dataclass
class Trickler:
    """Reads each request whole, then sends a 200 answer one byte every ``every_s`` seconds:
    each read a sender makes gets a byte well within any per-read timeout. Records the
    ``webhook-id`` of each request as it arrives."""

    every_s: float = 1.0
    ids: list[str] = field(default_factory=list)
    port: int = 0
    _server: socket.socket | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> Trickler:
        self._server = _listen()
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(client,), daemon=True).start()

    def _answer(self, client: socket.socket) -> None:
        with client:
            request = b""
            while b"\r\n\r\n" not in request:
                if not (chunk := client.recv(65536)):
                    return
                request += chunk
            head = request.split(b"\r\n\r\n")[0].decode("latin-1").splitlines()
            headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in head[1:])}
            self.ids.append(headers["webhook-id"])
            for byte in ANSWER:
                time.sleep(self.every_s)
                try:
                    client.sendall(bytes([byte]))
                except OSError:  # the sender gave up
                    return


def _listen() -> socket.socket:
    for port in PORTS:
        try:
            return socket.create_server(("127.0.0.1", port))
        except OSError:
            continue
    raise RuntimeError(f"no free port in {PORTS}")


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def closed_port() -> int:
    """A port in the range where nothing listens (a receiver that is down)."""
    for port in PORTS:
        if not listening(port):
            return port
    raise RuntimeError(f"every port in {PORTS} is in use")
