"""Real SMTP servers on loopback for the notification tests: one that accepts connections and
never says a word, and aiosmtpd, which takes mail and keeps it."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from types import TracebackType
from typing import Any, Self

from aiosmtpd.controller import Controller

# A silent server hangs up after this long, so code without EMAIL_TIMEOUT fails its test
# instead of hanging the suite; the tests set EMAIL_TIMEOUT far below it.
SILENT_HANGS_UP_AFTER = 15.0


class SilentSMTPServer:
    """Accepts every connection, then sends nothing: no greeting, no reply."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._accepted: list[socket.socket] = []
        self._hang_ups: list[threading.Timer] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def connections(self) -> int:
        with self._lock:
            return len(self._accepted)

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:  # shut down by __exit__
                return
            hang_up = threading.Timer(SILENT_HANGS_UP_AFTER, connection.close)
            hang_up.daemon = True
            with self._lock:
                self._accepted.append(connection)
                self._hang_ups.append(hang_up)
            hang_up.start()

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        # shutdown() wakes the accept() blocked in the other thread; close() alone does not.
        self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            for hang_up in self._hang_ups:
                hang_up.cancel()
            for connection in self._accepted:
                connection.close()
        self._thread.join()


class _Keep:
    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.inbox.refuse:
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.inbox.add(
            list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)
        )
        return "250 Message accepted for delivery"


class Inbox:
    """An SMTP server (aiosmtpd) that keeps each message with its envelope recipients and
    refuses the addresses in `refuse`."""

    def __init__(self) -> None:
        self.refuse: set[str] = set()
        self._lock = threading.Lock()
        self._messages: list[tuple[list[str], EmailMessage]] = []
        with socket.create_server(("127.0.0.1", 0)) as probe:
            self.port: int = probe.getsockname()[1]
        self._controller = Controller(_Keep(self), hostname="127.0.0.1", port=self.port)

    def add(self, recipients: list[str], message: EmailMessage) -> None:
        with self._lock:
            self._messages.append((recipients, message))

    @property
    def messages(self) -> list[tuple[list[str], EmailMessage]]:
        with self._lock:
            return list(self._messages)

    def __enter__(self) -> Self:
        self._controller.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._controller.stop()
