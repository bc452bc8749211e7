"""A real PostgreSQL server for the store tests: Debian's binaries, a temporary cluster, a free loopback port.

`postgres_url()` gives the URL of a fresh, empty database on it. The server
runs as an unprivileged user (initdb refuses root: as root it runs as
Debian's `postgres` user) and is stopped when the session ends. Tests that
use it skip, with one line saying why, only when no server can be started.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from itertools import count
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    """Debian's PostgreSQL server binaries: pg_config's bindir, else the newest /usr/lib/postgresql/N/bin."""
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                         if Path(p).parent.name.isdigit() else 0, reverse=True)
    return next((Path(c) for c in candidates if c and (Path(c) / "initdb").is_file()
                 and (Path(c) / "pg_ctl").is_file()), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, bin_dir: Path, root: Path, as_user: list[str]):
        self.bin, self.root, self.as_user = bin_dir, root, as_user
        self.port = _free_port()
        self._names = count()

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=60)

    def start(self) -> str | None:
        """None when started, else why not (one line)."""
        data = self.root / "data"
        done = self.run(str(self.bin / "initdb"), "-D", str(data), "-U", "storyline", "-A", "trust",
                        "--no-locale", "-E", "UTF8", "--no-sync")
        if done.returncode:
            return f"initdb failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   f"-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
        done = self.run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.root / "log"),
                        "-w", "-t", "30", "start")
        if done.returncode:
            log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
            return f"pg_ctl start failed: {(log or done.stderr).strip().splitlines()[-1:]}"
        return None

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://storyline@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg
        name = f"store_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


@pytest.fixture(scope="session")
def postgres_server():
    """A running PostgreSQL server for the session (skips with the reason when none can be started)."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server not installed (no initdb in pg_config --bindir or /usr/lib/postgresql/*/bin;"
                    " `make system` installs Debian's postgresql)")
    as_user: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="pg"))
    if os.geteuid() == 0:               # initdb refuses root: run the server as Debian's postgres user
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("PostgreSQL cannot run as root and there is no 'postgres' user to run it as")
        os.chown(root, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    server = Server(bin_dir, root, as_user)
    why = server.start()
    if why:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"PostgreSQL server could not be started: {why}")
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """The URL of a fresh, empty database on the session's server."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    """A new store's location, once per backend: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "s.sqlite"
    return request.getfixturevalue("postgres_url")
