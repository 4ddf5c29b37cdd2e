"""Where the console's sources and its committed build live."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "console"
BUILD = ROOT / "meterwise" / "web" / "static"
ASSET = re.compile(r'(?:src|href)="(/assets/[^"]+)"')


def page_assets(html: str) -> list[str]:
    """The ``/assets/…`` paths an HTML page references."""
    return ASSET.findall(html)
