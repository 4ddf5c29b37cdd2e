"""The vault: every key the instance holds, in one package.

- ``datakeys``: account and system data keys (DEKs) and the secrets sealed with them; its
  names are the package's surface, so callers say ``vault.seal`` / ``vault.open_secret``.
- ``keyring``: the master-key versions, re-wrapping every DEK under the newest one, and the
  rotation that follows account deletions.
- ``rotation``: replacing one account's DEK and re-sealing its secrets.

Where the master keys come from (env, key file) is ``meterwise/keys.py``, below the
wiring, and the key-file format is ``security/masterkeys.py``; the jobs are
``tasks/vault.py`` and the operator commands ``cli/keys.py``.
"""

from meterwise.services.vault.datakeys import (
    FROZEN_RECORDS,
    SYSTEM_OWNER,
    AccountFrozen,
    SecretUnavailable,
    add_account_key,
    check_account_keys,
    create_account_key,
    destroy_account_keys,
    master_ring,
    open_secret,
    reseal,
    rotating,
    seal,
    sealing,
    system_key,
)

__all__ = ["FROZEN_RECORDS", "SYSTEM_OWNER", "AccountFrozen", "SecretUnavailable",
           "add_account_key", "check_account_keys", "create_account_key", "destroy_account_keys",
           "master_ring", "open_secret", "reseal", "rotating", "seal", "sealing", "system_key"]
