"""Walking folders: order, hidden entries, missing paths, links, special files, scale."""
from __future__ import annotations

import os
import shutil
import time

import pytest

from storyline.ingest import iter_inputs
from storyline.records import RawDoc, Refusal

from conftest import split


def make_tree(root, files):
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_folders_are_walked_sorted_depth_first_and_hidden_entries_skipped(tmp_path):
    make_tree(tmp_path, {
        "b.txt": "b", "a.txt": "a", "c/z.txt": "cz", "c/a.txt": "ca", "B.txt": "B",
        ".git/config": "hidden dir", ".DS_Store": "hidden file", "c/.secret.txt": "hidden",
    })
    names = [os.path.relpath(r.source, tmp_path) for r in iter_inputs([tmp_path])]
    assert names == ["B.txt", "a.txt", "b.txt", os.path.join("c", "a.txt"), os.path.join("c", "z.txt")]


def test_given_paths_keep_their_order_and_explicit_hidden_files_are_read(tmp_path):
    make_tree(tmp_path, {"z.txt": "z", "a.txt": "a", ".hidden.txt": "h"})
    given = [tmp_path / "z.txt", tmp_path / ".hidden.txt", str(tmp_path / "a.txt")]
    assert [r.source for r in iter_inputs(given)] == [str(p) for p in given]


def test_a_lone_path_is_not_iterated_character_by_character(tmp_path):
    make_tree(tmp_path, {"one.txt": "one"})
    (doc,) = list(iter_inputs(str(tmp_path / "one.txt")))
    assert doc.body == b"one"


def test_missing_path_is_a_refusal_and_the_run_goes_on(tmp_path):
    make_tree(tmp_path, {"ok.txt": "fine"})
    results = list(iter_inputs([tmp_path / "nope.txt", tmp_path / "ok.txt"]))
    assert results[0] == Refusal(str(tmp_path / "nope.txt"), "no such file or directory")
    assert isinstance(results[1], RawDoc)


def test_broken_symlink_is_a_refusal(tmp_path):
    os.symlink(tmp_path / "gone", tmp_path / "link.txt")
    (result,) = list(iter_inputs([tmp_path]))
    assert result.reason == "broken symbolic link (its target does not exist)"


def test_directory_symlink_loop_ends(tmp_path):
    make_tree(tmp_path, {"d/story.txt": "story"})
    os.symlink(tmp_path, tmp_path / "d" / "loop")          # back to the root
    os.symlink(tmp_path / "d", tmp_path / "d" / "self")     # to itself
    docs, refusals = split(list(iter_inputs([tmp_path])))
    assert [d.body for d in docs] == [b"story"]
    assert sorted(os.path.basename(r.source) for r in refusals) == ["loop", "self"]
    assert all(r.reason.startswith("symbolic link loop") for r in refusals)


def test_two_links_to_one_folder_read_it_once(tmp_path):
    make_tree(tmp_path, {"real/story.txt": "story"})
    os.symlink(tmp_path / "real", tmp_path / "alias")
    docs, refusals = split(list(iter_inputs([tmp_path])))
    assert [d.source for d in docs] == [str(tmp_path / "alias" / "story.txt")]
    assert refusals[0].source == str(tmp_path / "real")
    assert "already read" in refusals[0].reason


def test_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    (result,) = list(iter_inputs([tmp_path]))
    assert result.reason == "a named pipe (FIFO), not a regular file; skipped"


def test_device_given_directly_is_refused():
    (result,) = list(iter_inputs(["/dev/null"]))
    assert result.reason == "a character device, not a regular file; skipped"


def test_unlistable_directory_is_refused(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root lists directories whatever their permissions")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        (result,) = list(iter_inputs([tmp_path]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.reason.startswith("cannot list directory")


def test_deep_nesting_needs_no_recursion(tmp_path):
    deep = tmp_path
    for _ in range(60):  # paths stay under PATH_MAX; the walk itself is iterative
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("found")
    (doc,) = list(iter_inputs([tmp_path]))
    assert doc.body == b"found"


def test_ten_thousand_tiny_files_all_yielded_in_order(tmp_path):
    names = [f"{i:05d}.txt" for i in range(10_000)]
    for shard in range(10):
        folder = tmp_path / f"shard{shard}"
        folder.mkdir()
        for name in names[shard * 1000:(shard + 1) * 1000]:
            (folder / name).write_bytes(name.encode())
    start = time.perf_counter()
    results = list(iter_inputs([tmp_path]))
    elapsed = time.perf_counter() - start
    shutil.rmtree(tmp_path)  # now, not in a later session's tmp cleanup
    assert [r.body.decode() for r in results] == names
    assert elapsed < 20, f"took {elapsed:.1f} s"
