"""One settings object: defaults in code, then a TOML file, then the environment, then flags.

Each later source overrides the earlier ones field by field, so a team can
keep a `storyline.toml` beside its corpus and a user can still change one
value for one run. A bad value is a `SettingsError` naming where it came from;
a `STORYLINE_*` variable that names no setting is ignored, and said so
(`unknown_variables`), since a misspelt one would otherwise change nothing
without a word.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

from storyline.errors import SettingsError

FILE_NAME = "storyline.toml"
ENV_PREFIX = "STORYLINE_"


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 20_000_000      # largest single article (file, record, feed entry) ingested
    near_duplicate: float = 0.8      # estimated word-shingle Jaccard above which an article copies another
    workers: int = 0                 # processes reading articles (at most one per core); 0 picks by corpus size
    timeline_length: int = 0         # entries in each story's timeline; 0 picks by story size


CHECKS = {
    "max_bytes": (lambda v: v > 0, "a positive number of bytes"),
    "near_duplicate": (lambda v: 0 < v <= 1, "a number above 0 and at most 1"),
    "workers": (lambda v: v >= 0, "0 (automatic) or more"),
    "timeline_length": (lambda v: v >= 0, "0 (automatic) or more"),
}


def _typed(name: str, value: Any, where: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}.get(name)
    if kind is None:
        raise SettingsError(f"{where}: unknown setting {name!r} (known: {', '.join(CHECKS)})")
    ok, what = CHECKS[name]
    try:
        typed = {"int": int, "float": float}[kind](value)
    except (TypeError, ValueError):
        typed = None
    if typed is None or isinstance(value, bool) or not ok(typed):
        shown = str(value).lower() if isinstance(value, bool) else repr(value)       # as TOML writes it
        raise SettingsError(f"{where}: {name} must be {what}, not {shown}")
    return typed


def load(config: str | Path | None = None, env: Mapping[str, str] | None = None, **flags: Any) -> Settings:
    """Settings from defaults < TOML (`config`, else ./storyline.toml if present) < STORYLINE_* < flags."""
    values: dict[str, Any] = {}
    path = Path(config) if config else Path(FILE_NAME)
    if config or path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"{path}: no such file or directory") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise SettingsError(f"{path}: cannot read settings ({err})") from None
        section = data.get("storyline", data)
        values.update({k: _typed(k, v, str(path)) for k, v in section.items()})
    for key, value in (os.environ if env is None else env).items():
        name = key[len(ENV_PREFIX):].lower()
        if key.startswith(ENV_PREFIX) and name in CHECKS:
            values[name] = _typed(name, value, key)
    values.update({k: _typed(k, v, f"--{k.replace('_', '-')}") for k, v in flags.items() if v is not None})
    return dataclasses.replace(Settings(), **values)


def unknown_variables(env: Mapping[str, str] | None = None) -> list[str]:
    """One line per `STORYLINE_*` variable of `env` (default: the process's) that names no setting, sorted:
    "STORYLINE_WORKER names no setting (did you mean STORYLINE_WORKERS?); ignored". The suggestion is the
    closest setting's variable by `difflib.get_close_matches` on the names after the prefix (ratio at least
    0.6), when one is."""
    known = [name.upper() for name in CHECKS]
    lines = []
    for key in sorted(os.environ if env is None else env):
        name = key[len(ENV_PREFIX):]
        if key.startswith(ENV_PREFIX) and name not in known:
            near = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {ENV_PREFIX}{near[0]}?)" if near else \
                f" (known: {', '.join(ENV_PREFIX + k for k in known)})"
            lines.append(f"{key} names no setting{hint}; ignored")
    return lines
