"""The public API: one import gives the records, settings, errors, store and entry points."""
import subprocess
import sys
from pathlib import Path

import storyline

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves_and_is_documented():
    for name in storyline.__all__:
        obj = getattr(storyline, name)
        if callable(obj):
            assert obj.__doc__, f"storyline.{name} has no docstring"


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, storyline; storyline.Article; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_stage_imports_a_later_one():
    tool = ROOT.parent / "shared" / "tools" / "stage_order.py"
    if not tool.is_file():
        import pytest
        pytest.skip("../shared/tools/stage_order.py is not beside the repo")
    result = subprocess.run([sys.executable, str(tool), str(ROOT / "src" / "storyline")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
