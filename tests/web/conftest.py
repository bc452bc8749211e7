"""One store per test session, made by `storyline run` on the seeds and the hostile inputs, and one
`storyline serve` over it per test module, on a free loopback port."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.web.hostile import write_inputs

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def storyline(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory) -> Path:
    """DIR of `storyline run SEEDS HOSTILE --out DIR` (export.json, report.md, report.html, storyline.sqlite)."""
    base = tmp_path_factory.mktemp("web")
    inputs = write_inputs(base / "hostile")
    done = storyline("run", str(SEEDS), str(inputs), "--out", str(base / "out"), "--quiet", timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return base / "out"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(run_dir):
    """The base URL of `storyline serve --out DIR --port P`, stopped after the module."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--out", str(run_dir),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/favicon.ico", timeout=2)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"storyline serve did not start: {process.stdout.read()}")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)
