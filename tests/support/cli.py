"""Walking the ``meterwise`` command tree, for tests that hold a rule over every command."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any


def leaf_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
                  ) -> Iterator[tuple[str, Any]]:
    """(``"backup create"``, its run function) for every runnable subcommand."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield " ".join(path), parser.get_default("run")
        return
    for name, child in subs[0].choices.items():
        yield from leaf_commands(child, (*path, name))
