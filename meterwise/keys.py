"""Where the master keys come from: the environment, a key file, or (embedded) a generated file.

Returns a loader rather than a ring so a long-running process can re-read the file after
``meterwise keys rotate`` added a version, without a restart.

It stays a top-level module below ``wiring`` rather than joining ``services/vault``: the
wiring builds the master-key loader for every process (server, worker, CLI), and the
wiring sits below the services, so the loader cannot live in a services package without
an upward import. The vault itself (data keys, re-wrap, rotation) is ``services/vault``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

from meterwise.config import ConfigError, Settings
from meterwise.db.embedded import ensure_data_dir
from meterwise.security.masterkeys import (
    MasterKeyError,
    MasterKeyRing,
    load_key_file,
    load_or_create_key_file,
    parse_master_keys,
)
from meterwise.security.redaction import register_secret

MasterKeyLoader = Callable[[], MasterKeyRing]


def master_key_loader(settings: Settings) -> MasterKeyLoader:
    """A function that reads the current master key ring from its configured source."""

    def load() -> MasterKeyRing:
        try:
            if settings.master_keys is not None:
                ring = parse_master_keys(settings.master_keys.get_secret_value())
            elif settings.master_key_file is not None:
                ring = load_key_file(settings.master_key_file)
            elif settings.is_production:
                raise ConfigError(
                    "no master key: set METERWISE_MASTER_KEYS or METERWISE_MASTER_KEY_FILE"
                )
            else:
                ensure_data_dir(settings.data_dir)
                ring = load_or_create_key_file(settings.resolved_master_key_file())
        except MasterKeyError as exc:
            raise ConfigError(str(exc)) from None
        for key in ring.keys:
            register_secret(base64.b64encode(key.key).decode())  # never logged, even by accident
        return ring

    return load


def writable_key_file(settings: Settings) -> Path | None:
    """The key file meterwise may add versions to and retire them from, or None when the
    keys come from ``METERWISE_MASTER_KEYS`` (which only the operator can change)."""
    return None if settings.master_keys is not None else settings.resolved_master_key_file()
