"""Run real ``meterwise`` processes (serve, worker, migrate) from tests."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

MW = [sys.executable, "-m", "meterwise"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(**settings: str) -> dict[str, str]:
    """The current environment minus every METERWISE_* variable, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("METERWISE_")}
    env.update({f"METERWISE_{key.upper()}": value for key, value in settings.items()})
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run(args: list[str], env: dict[str, str], *, cwd: Path | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MW, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
        check=False,
    )


def wait_http(url: str, *, timeout: float = 60, proc: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"process exited early ({proc.returncode}): {read_all(proc)}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout}s")


_OUTPUT: dict[int, Path] = {}  # pid -> the file a spawned process writes its output to


def read_all(proc: subprocess.Popen[str]) -> str:
    """What the process printed so far (a spawned one's output file; else its pipe)."""
    path = _OUTPUT.get(proc.pid)
    if path is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(5)
        return path.read_text(errors="replace") if path.exists() else ""
    try:
        out, _ = proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        return "<still running>"
    return out or ""


@contextlib.contextmanager
def spawn(args: list[str], env: dict[str, str], *, cwd: Path | None = None,
          output: Path | None = None) -> Iterator[subprocess.Popen[str]]:
    """A background meterwise process, interrupted (then killed) on exit.

    Its output goes to a file, never a pipe: a pipe nobody reads fills at 64 KiB and then
    blocks the server inside its log handler (a long test run froze the shared servers).
    ``output`` names that file and keeps it (for tests that read the log); by default a
    temporary one is removed on exit.
    """
    if output is None:
        handle, name = tempfile.mkstemp(prefix="mw-spawn-", suffix=".log")
        os.close(handle)
        path = Path(name)
    else:
        path = output
    with path.open("w") as log:
        proc = subprocess.Popen(
            [*MW, *args], env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
            text=True, start_new_session=True,
        )
    _OUTPUT[proc.pid] = path
    try:
        yield proc
    finally:
        stop(proc)
        _OUTPUT.pop(proc.pid, None)
        if output is None:
            path.unlink(missing_ok=True)


def stop(proc: subprocess.Popen[str], *, timeout: float = 30) -> int:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    return proc.returncode
