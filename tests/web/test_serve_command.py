"""`storyline serve`: one store, loopback by default, usage errors as exit status 2."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main


@pytest.mark.parametrize("args, message", [
    ([], "give either --out DIR or --db FILE"),
    (["--out", "x", "--db", "y"], "give either --out DIR or --db FILE"),
    (["--db", "{tmp}/none.sqlite"], "error: {tmp}/none.sqlite: no such file or directory"),
    (["--out", "{tmp}"], "error: {tmp}/storyline.sqlite: no such file or directory"),
    (["--db", "{tmp}/s.sqlite", "--port", "70000"], "70000 is not in the range"),
])
def test_serve_usage_errors(tmp_path, args, message):
    result = CliRunner().invoke(main, ["serve", *[a.format(tmp=tmp_path) for a in args]])
    assert result.exit_code == 2 and message.format(tmp=tmp_path) in result.output


def test_serve_listens_on_loopback_unless_told():
    shown = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "[default: 127.0.0.1]" in shown and "--port" in shown


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's table of listening sockets")
def test_the_server_listens_on_loopback_only(server):
    port = int(server.rsplit(":", 1)[1])
    listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                 if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port]
    assert listening == ["0100007F:%04X" % port]            # 127.0.0.1, not 0.0.0.0
