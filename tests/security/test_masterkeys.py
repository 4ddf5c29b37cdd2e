"""Master keys: parsing, the ring, and the key file's safety rules."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest

from meterwise.security.masterkeys import (
    MasterKey,
    MasterKeyError,
    MasterKeyRing,
    UnknownMasterKeyError,
    add_version,
    format_master_keys,
    generate_key_file,
    generate_master_key,
    load_key_file,
    load_or_create_key_file,
    parse_key_file,
    parse_master_keys,
)

KEY_A = bytes(range(1, 33))
KEY_B = bytes(range(101, 133))
B64_A = base64.b64encode(KEY_A).decode()
B64_B = base64.b64encode(KEY_B).decode()


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- parsing -------------------------------------------------------------------------


def test_parse_env_form_last_entry_is_active() -> None:
    ring = parse_master_keys(f"k1:{B64_A}, k2:{B64_B}")

    assert ring.ids == ("k1", "k2")
    assert ring.active == MasterKey("k2", KEY_B)
    assert ring.get("k1").key == KEY_A
    assert "k1" in ring
    assert "k3" not in ring
    assert len(ring) == 2


def test_parse_env_form_ignores_empty_entries_and_whitespace() -> None:
    ring = parse_master_keys(f"  k1:{B64_A} ,\n")

    assert ring.ids == ("k1",)


def test_parse_key_file_skips_comments_and_blank_lines() -> None:
    text = f"# master keys\n\nk1:{B64_A}\n   # old one above\nk2:{B64_B}\n\n"

    ring = parse_key_file(text)

    assert ring.ids == ("k1", "k2")
    assert ring.active.id == "k2"


def test_parse_key_file_error_names_the_line() -> None:
    text = f"# comment\nk1:{B64_A}\nk2:notbase64!\n"

    with pytest.raises(MasterKeyError) as err:
        parse_key_file(text, source="key file /x/keys")

    assert str(err.value).startswith("key file /x/keys line 3: key is not valid base64")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "METERWISE_MASTER_KEYS: no master keys"),
        (" , ", "METERWISE_MASTER_KEYS: no master keys"),
        (B64_A, "METERWISE_MASTER_KEYS entry 1: expected <id>:<base64 key>"),
        (f":{B64_A}", "METERWISE_MASTER_KEYS entry 1: invalid key id"),
        (f"k 1:{B64_A}", "METERWISE_MASTER_KEYS entry 1: invalid key id"),
        (f"{'k' * 33}:{B64_A}", "METERWISE_MASTER_KEYS entry 1: invalid key id"),
        (f"{B64_A[:20]}:{B64_A[20:]}", "METERWISE_MASTER_KEYS entry 1: key is 17 bytes"),
        (f"{B64_A[:20]}:{B64_B[:-3]}", "METERWISE_MASTER_KEYS entry 1: key is not valid"),
        (
            f"k1:{B64_A},k2:{B64_B},k1:{B64_B}",
            "METERWISE_MASTER_KEYS entry 3: duplicate key id (same as entry 1)",
        ),
        (f"k1:{B64_A[:-3]}", "METERWISE_MASTER_KEYS entry 1: key is not valid base64"),
        (f"k1:{B64_A[:-4]}", "METERWISE_MASTER_KEYS entry 1: key is 30 bytes, expected 32"),
        (f"k1:{B64_A}x", "METERWISE_MASTER_KEYS entry 1: key is not valid base64"),
        (
            f"k1:{base64.b64encode(KEY_A[:16]).decode()}",
            "METERWISE_MASTER_KEYS entry 1: key is 16 bytes, expected 32",
        ),
        (
            f"k1:{base64.b64encode(KEY_A + b'!').decode()}",
            "METERWISE_MASTER_KEYS entry 1: key is 33 bytes, expected 32",
        ),
        (
            f"k1:{base64.b64encode(bytes(32)).decode()}",
            "METERWISE_MASTER_KEYS entry 1: key is all zero bytes",
        ),
    ],
)
def test_parse_errors_are_clear_and_never_show_key_material(text: str, message: str) -> None:
    with pytest.raises(MasterKeyError) as err:
        parse_master_keys(text)

    shown = f"{err.value!s} {err.value!r} {err.value.__cause__!r} {err.value.__context__!r}"
    assert str(err.value).startswith(message)
    for secret in (B64_A, B64_A[:20], B64_A[20:], B64_A[:-4], B64_B, B64_B[:-3]):
        assert secret not in shown


def test_repr_never_shows_key_material() -> None:
    ring = parse_master_keys(f"k1:{B64_A},k2:{B64_B}")

    shown = repr(ring) + repr(ring.active) + str(ring.keys)

    assert repr(ring) == "MasterKeyRing(ids=('k1', 'k2'), active='k2')"
    for secret in (B64_A, B64_B, repr(KEY_A), repr(KEY_B), KEY_A.hex(), KEY_B.hex()):
        assert secret not in shown


def test_master_key_rejects_wrong_size() -> None:
    with pytest.raises(MasterKeyError, match="is 31 bytes, expected 32"):
        MasterKey("k1", KEY_A[:31])


def test_ring_lookup_of_unknown_id_raises_clear_error() -> None:
    ring = parse_master_keys(f"k1:{B64_A}")

    with pytest.raises(UnknownMasterKeyError) as err:
        ring.get("k9")

    assert str(err.value) == "master key 'k9' is not in the key ring"
    assert ring.find("k9") is None


def test_ring_without_retires_an_old_version_but_never_the_active_one() -> None:
    ring = parse_master_keys(f"k1:{B64_A},k2:{B64_B}")

    assert ring.without("k1").ids == ("k2",)
    with pytest.raises(MasterKeyError, match="cannot retire the active master key 'k2'"):
        ring.without("k2")


def test_ring_rejects_duplicates_and_emptiness() -> None:
    with pytest.raises(MasterKeyError, match="duplicate master key id 'k1'"):
        MasterKeyRing((MasterKey("k1", KEY_A), MasterKey("k1", KEY_B)))
    with pytest.raises(MasterKeyError, match="no master keys"):
        MasterKeyRing(())


def test_format_master_keys_round_trips() -> None:
    ring = MasterKeyRing((generate_master_key("k1"), generate_master_key("k2")))

    assert parse_key_file(format_master_keys(ring)) == ring
    assert parse_master_keys(format_master_keys(ring).replace("\n", ",")) == ring


# --- key file ------------------------------------------------------------------------


def test_generate_key_file_creates_private_file_with_one_key(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    old_umask = os.umask(0)
    try:
        ring = generate_key_file(path)
    finally:
        os.umask(old_umask)

    assert mode_of(path) == 0o600
    assert ring.ids == ("k1",)
    assert load_key_file(path) == ring
    assert [p.name for p in tmp_path.iterdir()] == ["master.keys"]


def test_generate_key_file_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    path.write_text("precious\n")

    with pytest.raises(MasterKeyError, match="already exists; refusing to overwrite"):
        generate_key_file(path)

    assert path.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["master.keys"]


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o602])
def test_load_key_file_refuses_group_or_other_access(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "master.keys"
    generate_key_file(path)
    path.chmod(mode)

    with pytest.raises(MasterKeyError) as err:
        load_key_file(path)

    assert str(err.value) == (
        f"key file {path} is accessible by group or others (mode {mode:04o}); "
        f"refusing to use it. Fix with: chmod 600 {path}"
    )


def test_load_key_file_accepts_owner_read_only(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    ring = generate_key_file(path)
    path.chmod(0o400)

    assert load_key_file(path) == ring


def test_load_key_file_reports_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.keys"

    with pytest.raises(MasterKeyError, match=f"key file {path} does not exist"):
        load_key_file(path)


def test_load_key_file_errors_never_show_key_material(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    path.write_text(f"k1:{B64_A}\nk2:{B64_B[:-7]}\n")
    path.chmod(0o600)

    with pytest.raises(MasterKeyError) as err:
        load_key_file(path)

    assert str(err.value).startswith(f"key file {path} line 2: key is not valid base64")
    assert B64_B[:-7] not in str(err.value)
    assert B64_A not in str(err.value)


def test_load_or_create_key_file_creates_once_then_loads(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"

    first = load_or_create_key_file(path)
    second = load_or_create_key_file(path)

    assert first == second
    assert mode_of(path) == 0o600


def test_add_version_appends_new_active_key_atomically(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    original = generate_key_file(path)

    new_id = add_version(path)
    ring = load_key_file(path)

    assert new_id == "k2"
    assert ring.ids == ("k1", "k2")
    assert ring.active.id == "k2"
    assert ring.get("k1") == original.get("k1")
    assert ring.active.key != original.get("k1").key
    assert mode_of(path) == 0o600
    assert path.read_text().startswith("# Meterwise master keys")
    assert [p.name for p in tmp_path.iterdir()] == ["master.keys"]
    assert add_version(path) == "k3"
    assert load_key_file(path).ids == ("k1", "k2", "k3")


def test_add_version_with_chosen_id_and_duplicate_refused(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    generate_key_file(path)

    assert add_version(path, key_id="2026-q1") == "2026-q1"
    with pytest.raises(MasterKeyError, match="already has a key 'k1'"):
        add_version(path, key_id="k1")
    assert load_key_file(path).ids == ("k1", "2026-q1")


def test_add_version_after_non_numbered_ids(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    path.write_text(f"alpha:{B64_A}\nbeta:{B64_B}")
    path.chmod(0o600)

    assert add_version(path) == "k3"
    assert load_key_file(path).ids == ("alpha", "beta", "k3")


def test_add_version_refuses_a_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "master.keys"
    generate_key_file(path)
    path.chmod(0o644)

    with pytest.raises(MasterKeyError, match="accessible by group or others"):
        add_version(path)


def test_add_version_reports_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.keys"

    with pytest.raises(MasterKeyError, match=f"key file {path} does not exist"):
        add_version(path)
