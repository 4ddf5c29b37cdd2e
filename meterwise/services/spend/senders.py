"""One sender per channel kind: WEBHOOK (Standard Webhooks), SLACK (incoming webhook), EMAIL.

Each raises ``SendFailed`` with a short, secret-free reason; URLs go through
``outbound.resolve`` at send time and the connection goes to the address it checked.
"""

from __future__ import annotations

import asyncio
import json
import smtplib
import ssl
from email.message import EmailMessage
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx

from meterwise.config import Settings
from meterwise.models.spend import ChannelKind
from meterwise.security import standard_webhooks
from meterwise.services.spend import outbound

TIMEOUT = 10.0
USER_AGENT = "meterwise-alerts"


class SendFailed(Exception):
    """The channel did not take the message; ``str`` is the reason for the delivery log."""


async def send(kind: ChannelKind, *, target: str, secret: str | None, message_id: str,
               message: dict[str, Any], settings: Settings) -> None:
    if kind is ChannelKind.WEBHOOK:
        body = json.dumps(message, separators=(",", ":"), sort_keys=True).encode()
        if secret is None:
            raise SendFailed("the channel has no signing secret")
        await _post(target, body, standard_webhooks.headers(secret, message_id, body),
                    settings)
    elif kind is ChannelKind.SLACK:
        data = message.get("data", {})
        text = f"*{data.get('title', 'Meterwise')}*\n{data.get('message', '')}"
        await _post(target, json.dumps({"text": text}).encode(), {}, settings)
    else:
        await _email(target, message, settings)


async def _post(url: str, body: bytes, headers: dict[str, str], settings: Settings) -> None:
    try:
        destination = await outbound.resolve(url, settings)
    except outbound.UnsafeDestination as exc:
        raise SendFailed(f"refused: {exc}") from None
    sent = {"content-type": "application/json", "user-agent": USER_AGENT,
            "host": destination.host_header, **headers}
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False,
                                     trust_env=False) as client:
            response = await client.post(destination.url, content=body, headers=sent,
                                         extensions={"sni_hostname": destination.hostname})
    except httpx.HTTPError as exc:
        raise SendFailed(f"unreachable ({type(exc).__name__})") from None
    if not 200 <= response.status_code < 300:
        raise SendFailed(f"answered HTTP {response.status_code}")


async def _email(address: str, message: dict[str, Any], settings: Settings) -> None:
    data = message.get("data", {})
    await send_email(address, subject=str(data.get("title", "Notification")),
                     body=f"{data.get('message', '')}\n\n{json.dumps(message, indent=2)}\n",
                     settings=settings)


async def send_email(address: str, *, subject: str, body: str, settings: Settings,
                     message_id: str | None = None) -> None:
    """One plain-text mail through ``METERWISE_SMTP_URL`` (alerts, incident notices).

    ``SendFailed`` means the server did not take it. ``message_id`` (a stable
    ``<…@…>``) lets mail clients fold a repeat into the first copy."""
    if settings.smtp_url is None:
        raise SendFailed("METERWISE_SMTP_URL is not set")
    mail = EmailMessage()
    mail["From"] = settings.email_from
    mail["To"] = address
    mail["Subject"] = f"[Meterwise] {' '.join(subject.split())}"[:200]
    if message_id is not None:
        mail["Message-ID"] = message_id
    mail.set_content(body)
    url = settings.smtp_url.get_secret_value()
    try:
        await asyncio.to_thread(_smtp_send, url, mail)
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        raise SendFailed(f"SMTP failed ({type(exc).__name__})") from None


def _smtp_send(url: str, mail: EmailMessage) -> None:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port
    smtp: smtplib.SMTP
    if parts.scheme == "smtps":
        smtp = smtplib.SMTP_SSL(host, port or 465, timeout=TIMEOUT,
                                context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(host, port or 25, timeout=TIMEOUT)
    with smtp:
        if parts.username:
            smtp.login(unquote(parts.username), unquote(parts.password or ""))
        smtp.send_message(mail)
