"""A small real SMTP server (RFC 5321 subset over TCP) that keeps what it receives.

aiosmtpd is not among the project's pinned dependencies, so the tests speak SMTP to this
one: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. ``refuse`` makes it answer 451 to MAIL;
``stall_at=n`` keeps the n-th mail but never answers its DATA (a sender killed meanwhile
cannot know whether it went out).
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    data: bytes

    @property
    def message(self) -> Message:
        return message_from_bytes(self.data)


@dataclass
class Mailbox:
    url: str = ""
    mails: list[Mail] = field(default_factory=list)
    refuse: bool = False
    stall_at: int | None = None


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    box = Mailbox()

    class Handler(socketserver.StreamRequestHandler):
        def reply(self, line: str) -> None:
            self.wfile.write(line.encode() + b"\r\n")

        def handle(self) -> None:
            self.reply("220 test ESMTP")
            sender, recipients = "", []
            while True:
                line = self.rfile.readline().decode(errors="replace").strip()
                verb = line[:4].upper()
                if not line or verb == "QUIT":
                    self.reply("221 bye")
                    return
                if verb in ("EHLO", "HELO"):
                    self.reply("250 test")
                elif verb == "MAIL":
                    if box.refuse:
                        self.reply("451 try again later")
                        continue
                    sender, recipients = line.split(":", 1)[1].strip(" <>"), []
                    self.reply("250 ok")
                elif verb == "RCPT":
                    recipients.append(line.split(":", 1)[1].strip(" <>"))
                    self.reply("250 ok")
                elif verb == "DATA":
                    self.reply("354 end with .")
                    data = b""
                    while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                        data += chunk[1:] if chunk.startswith(b"..") else chunk
                    box.mails.append(Mail(sender, recipients, data))
                    if box.stall_at == len(box.mails):
                        threading.Event().wait(60)  # no answer: the sender hangs
                        return
                    self.reply("250 queued")
                else:  # RSET, NOOP and anything else
                    self.reply("250 ok")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    box.url = f"smtp://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield box
    finally:
        server.shutdown()
        server.server_close()
