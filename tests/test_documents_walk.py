"""Walking PATH arguments: recursion, order, hidden entries, links, exclusion, errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from recheck.documents import walk
from recheck.errors import InputError


def _tree(root: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "c.html",
        "notes.pdf",
        "sub/z.txt",
        "sub/deeper/y.htm",
        "sub/x.markdown",
        ".hidden/secret.txt",
        "sub/.git/config.txt",
        "sub/.dot.txt",
        "drafts/draft.txt",
        "UPPER.TXT",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("China holds 37%.\n", encoding="utf-8")


def test_recursive_sorted_hidden_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    displays = [display for _, display in walk(["."])]
    assert displays == [
        "UPPER.TXT",
        "a.md",
        "b.txt",
        "c.html",
        "drafts/draft.txt",
        "sub/deeper/y.htm",
        "sub/x.markdown",
        "sub/z.txt",
    ]
    assert walk(["."]) == walk(["."])  # stable


def test_display_path_joins_the_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert [d for _, d in walk(["sub/"])] == ["sub/deeper/y.htm", "sub/x.markdown", "sub/z.txt"]
    assert walk(["./sub"])[0][1] == "sub/deeper/y.htm"
    found = walk([str(tmp_path / "sub")])
    assert found[0][1] == f"{tmp_path.as_posix()}/sub/deeper/y.htm"
    assert all(path.is_file() for path, _ in found)


def test_explicit_file_of_any_extension(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert [d for _, d in walk(["notes.pdf", ".hidden/secret.txt"])] == [
        "notes.pdf",
        ".hidden/secret.txt",
    ]
    # explicit files keep the order given, and a file reached twice is listed once
    assert [d for _, d in walk(["b.txt", "a.md", "b.txt"])] == ["b.txt", "a.md"]


def test_extensions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert [d for _, d in walk(["."], extensions=("pdf", ".md"))] == ["a.md", "notes.pdf"]


def test_exclude_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    displays = [d for _, d in walk(["."], exclude=("drafts", "*.htm", "sub/x.*"))]
    assert displays == ["UPPER.TXT", "a.md", "b.txt", "c.html", "sub/z.txt"]
    assert [d for _, d in walk(["."], exclude=("drafts/*",))].count("drafts/draft.txt") == 0
    assert walk(["b.txt"], exclude=("*.txt",)) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop_is_survived(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(".", target_is_directory=True)
    found = walk([str(tmp_path / "a")])
    assert [d.rsplit("/", 1)[-1] for _, d in found] == ["story.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinked_directory_is_followed_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "s.txt").write_text("x", encoding="utf-8")
    (tmp_path / "top").mkdir()
    (tmp_path / "top" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "top" / "broken.txt").symlink_to(tmp_path / "missing.txt")
    assert [d for _, d in walk([str(tmp_path / "top")])] == [
        f"{tmp_path.as_posix()}/top/link/s.txt"
    ]


def test_missing_path_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^nope/x\.txt: no such file or directory$"):
        walk(["nope/x.txt"])
