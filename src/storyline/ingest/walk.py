"""Turn the paths a user gave into the regular files to read, in a stable order.

Order matters because article ids, caches and golden files are compared
between runs: folders are walked depth first with entries sorted by name,
while the paths given on the command line keep the order they were given in.
Hidden entries (`.git`, `.DS_Store`) are skipped because they are never
articles and can be huge. Every directory is entered at most once, keyed by
(device, inode), so a symlink loop ends instead of recursing forever and two
links to one folder do not read it twice. Anything that is not a readable
regular file (a FIFO would block the run forever) becomes a Refusal, never an
exception.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from storyline.records import Refusal

_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def walk(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Refusal]:
    """Yield each regular file under `paths`, or a Refusal for what is not one."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # a lone path would otherwise be walked character by character
    seen: dict[tuple[int, int], Path] = {}
    for given in paths:
        try:
            path = Path(os.fsdecode(given))
        except TypeError:
            yield Refusal(repr(given), "not a file path")
            continue
        yield from _visit(path, seen)


def _visit(path: Path, seen: dict) -> Iterator[Path | Refusal]:
    """One path given by the user; directories are walked without recursion."""
    st = yield from _stat(path)
    if st is None:
        return
    if not stat.S_ISDIR(st.st_mode):
        yield from _classify(path, st)
        return
    stack: list[tuple[Path, list[str], tuple[int, int]]] = []
    if (yield from _enter(path, st, seen, stack)):
        stack.append((path, (yield from _listing(path)), (st.st_dev, st.st_ino)))
    while stack:
        folder, names, _ = stack[-1]
        if not names:
            stack.pop()
            continue
        child = folder / names.pop()
        st = yield from _stat(child)
        if st is None:
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield from _classify(child, st)
        elif (yield from _enter(child, st, seen, stack)):
            stack.append((child, (yield from _listing(child)), (st.st_dev, st.st_ino)))


def _stat(path: Path):
    """os.stat following links; a Refusal (and None) when that fails."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link (its target does not exist)" if os.path.islink(path) \
            else "no such file or directory"
    except OSError as exc:  # ELOOP, EACCES, ENAMETOOLONG ...
        reason = f"cannot read: {exc.strerror or exc}"
    except ValueError as exc:  # an embedded NUL in the name
        reason = f"not a usable file name ({exc})"
    yield Refusal(str(path), reason)
    return None


def _classify(path: Path, st: os.stat_result) -> Iterator[Path | Refusal]:
    if stat.S_ISREG(st.st_mode):
        yield path
        return
    kind = next((name for test, name in _NOT_REGULAR if test(st.st_mode)), "not a regular file")
    yield Refusal(str(path), f"{kind}, not a regular file; skipped")


def _enter(path: Path, st: os.stat_result, seen: dict, stack: list):
    """Whether to walk into directory `path`: each (device, inode) only once."""
    key = (st.st_dev, st.st_ino)
    loop_to = next((folder for folder, _, k in stack if k == key), None)
    if loop_to is not None:
        yield Refusal(str(path), f"symbolic link loop (leads back to {loop_to}); not followed")
        return False
    if key in seen:
        yield Refusal(str(path), f"same directory as {seen[key]}, already read; not read twice")
        return False
    seen[key] = path
    return True


def _listing(path: Path):
    """Visible entry names, reversed so that `pop()` hands them out sorted."""
    try:
        with os.scandir(path) as entries:
            names = [e.name for e in entries if not e.name.startswith(".")]
    except OSError as exc:
        yield Refusal(str(path), f"cannot list directory: {exc.strerror or exc}")
        return []
    names.sort(reverse=True)
    return names
