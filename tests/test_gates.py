"""The quality gates: every floor in bench/floors.toml, each measured by its bench on a held-out part.

In the style of trafilatura's evaluation gate: quality never drops silently.
A gate whose dev data is not beside the repo (../shared/data) is skipped.
"""
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GATES = tomllib.loads((ROOT / "bench" / "floors.toml").read_text(encoding="utf-8"))
SHARED = ROOT.parent / "shared"


def figures(output: str) -> dict[str, float]:
    """'score: 0.81 (value_f1 0.81 relaxed_f1 0.94)' (the last such line) -> {'score': 0.81, 'value_f1': ...}."""
    lines = [line for line in output.splitlines() if re.search(r"\bscore: [0-9.]+", line)]
    if not lines:
        return {}
    line = lines[-1]
    found = {"score": float(re.search(r"\bscore: ([0-9.]+)", line).group(1))}
    found.update((k, float(v)) for k, v in re.findall(r"(\w+) ([0-9]+\.[0-9]+)", line.split("score:", 1)[1]))
    return found


def test_every_gate_is_well_formed():
    for name, gate in GATES.items():
        assert {"what", "command", "figure", "measured", "margin", "floor"} <= set(gate), name
        assert gate["floor"] == pytest.approx(gate["measured"] - gate["margin"]), name


@pytest.mark.parametrize("name", sorted(GATES))
def test_gate(name):
    gate = GATES[name]
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is not beside the repo")
    run = subprocess.run([sys.executable, *gate["command"]], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    got = figures(run.stdout).get(gate["figure"])
    assert got is not None, f"{name}: no {gate['figure']} in the bench output\n{run.stdout[-2000:]}"
    assert got >= gate["floor"], f"{name}: {gate['figure']} {got:.4f} fell below the floor {gate['floor']}\n{run.stdout}"
