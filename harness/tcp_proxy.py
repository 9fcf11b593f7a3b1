"""A TCP proxy in front of the test Neo4j that a test can cut and restore: an outage (or a
blip) without stopping the server the rest of the suite uses."""

from __future__ import annotations

import socket
import struct
import threading


class CuttableProxy:
    """Forwards 127.0.0.1:<port> to ``target``. While cut, it drops every open connection and
    resets new ones at once (what a client sees of a killed server); while hung, it accepts
    new connections and never answers (a server that stopped responding); while stalled, it
    also stops forwarding on the open connections, without closing them (a server, or a
    network path, that hangs mid-conversation: nothing but a timeout ends the wait)."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._cut = threading.Event()
        self._hung = threading.Event()
        self._flowing = threading.Event()  # cleared while stalled
        self._flowing.set()
        self.held: list[socket.socket] = []  # connections accepted while hung
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self.refused = threading.Semaphore(0)  # released once per connection refused while cut
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def cut(self) -> None:
        self._cut.set()
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def hang(self) -> None:
        self.cut()
        self._hung.set()

    def stall(self) -> None:
        self._hung.set()
        self._flowing.clear()

    def restore(self) -> None:
        self._hung.clear()
        self._cut.clear()
        self._flowing.set()
        for sock in self.held:
            _close(sock)

    def count_refused(self) -> int:
        """How many connections were refused (while cut) since the last count."""
        count = 0
        while self.refused.acquire(blocking=False):
            count += 1
        return count

    def close(self) -> None:
        self._flowing.set()
        self.cut()
        _close(self._listener)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._hung.is_set():
                self.held.append(client)
                continue
            if self._cut.is_set():
                # Linger 0: the close sends a reset, as a port with nobody listening would.
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                _close(client)
                self.refused.release()
                continue
            try:
                server = socket.create_connection(self.target)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self._flowing.wait()  # stalled: the bytes wait here, the sockets stay open
                sink.sendall(data)
        except OSError:
            pass
        finally:
            _close(source)
            _close(sink)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
