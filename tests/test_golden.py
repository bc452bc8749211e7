"""The seed corpus's export, compared with a reviewed golden file.

Any change in what storyline reads from the seeds shows here as a diff to
review. When the change is intended, regenerate and read the diff before
committing it:

    STORYLINE_GOLDEN=update .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/
"""
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
GOLDEN = Path(__file__).parent / "golden" / "seeds.json"
# lines of the digest a reviewer judged wrong, with why: marked in the golden file, never taken as right
KNOWN_ERRORS = json.loads((Path(__file__).parent / "golden" / "seeds.known-errors.json").read_text(encoding="utf-8"))


def _marked(lines: list[str]) -> list[str]:
    return [f"{line}  <- KNOWN ERROR: {KNOWN_ERRORS[line]}" if line in KNOWN_ERRORS else line for line in lines]


def digest(export: dict) -> dict:
    """What a reviewer reads: names instead of ids, file names instead of paths, sorted."""
    name = {e["id"]: e["name"] for e in export["entities"]}
    file = {a["id"]: Path(a["path"]).name for a in export["articles"]}
    return {
        "articles": sorted(({**{k: a[k] for k in ("title", "url", "outlet", "published", "credits", "byline",
                                                 "captions", "text")},
                             "file": file[a["id"]], "duplicate_of": file.get(a["duplicate_of"])}
                            for a in export["articles"]), key=lambda a: a["file"]),
        "entities": sorted(f"{e['type']} {e['name']} | aliases: {', '.join(sorted(e['aliases']))} | "
                           f"roles: {', '.join(sorted(e['roles']))}" for e in export["entities"]),
        "time_expressions": sorted(f"{file[t['article_id']]} {t['text']!r} {t['type']} {t['value']}"
                                   for t in export["time_expressions"]),
        "quotes": _marked(sorted(f"{file[q['article_id']]} {q['kind']} {name.get(q['speaker'], q['speaker_text'])}: "
                                 f"{q['text']}" for q in export["quotes"])),
        "events": sorted(f"{v['type']} ({v['modality']}) {json.dumps(v['time'] and [v['time']['earliest'], v['time']['latest']])} "
                         f"{sorted(name.get(p, p) for p in v['participants'])} <- {v['trigger']!r} in "
                         f"{','.join(sorted(file[a] for a in v['article_ids']))}" for v in export["events"]),
        "facts": sorted(f"{name.get(f['subject'], f['subject'])}: {f['attribute']} = {f['value']} ({f['status']}, "
                        f"{len(f['article_ids'])} articles)" for f in export["facts"]),
    }


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the repo")
def test_seed_export_matches_the_reviewed_golden_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "storyline.cli", "run", str(SEEDS), "--out", str(tmp_path), "--quiet"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    got = json.dumps(digest(json.loads((tmp_path / "export.json").read_text())), indent=1, ensure_ascii=False)
    if os.environ.get("STORYLINE_GOLDEN") == "update":
        GOLDEN.write_text(got + "\n", encoding="utf-8")
    stale = [line for line in KNOWN_ERRORS if f"{line}  <- KNOWN ERROR" not in got]
    assert not stale, f"known errors no longer produced (fixed?): remove them from seeds.known-errors.json: {stale}"
    want = GOLDEN.read_text(encoding="utf-8").rstrip("\n")
    diff = "\n".join(difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now", lineterm=""))
    assert not diff, "the seed export changed; review and regenerate (see this file's docstring):\n" + diff
