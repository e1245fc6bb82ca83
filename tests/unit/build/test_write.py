"""Writing output: staging folders beside the target, stale ones of killed builds removed, an
atomic swap that keeps the old tree until the new one is in place, copies never through a link."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from generator.build.cache import Cache
from generator.build.write import clean_stale, copy_regular_file, inside, link_or_copy, replace_dir, staging_dir
from generator.corpus.load import LoadError


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_staging_folders_of_dead_processes_go_and_live_ones_stay(tmp_path):
    dead = tmp_path / f".site-{_dead_pid()}-abc"
    live = tmp_path / f".site-{os.getpid()}-def"
    old_style = tmp_path / ".site-xyz"  # a staging folder from before pids were in the name
    other = tmp_path / "site"
    for folder in (dead, live, old_style, other):
        folder.mkdir()
    removed = clean_stale(tmp_path, ".site-")
    assert sorted(removed) == sorted([dead, old_style])
    assert live.exists() and other.exists() and not dead.exists()


def test_a_linked_staging_name_is_never_followed(tmp_path):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("x", encoding="utf-8")
    (tmp_path / f".site-{_dead_pid()}-abc").symlink_to(precious, target_is_directory=True)
    assert clean_stale(tmp_path, ".site-") == []
    assert (precious / "keep.txt").exists()


def test_a_staging_folder_sits_beside_its_target(tmp_path):
    staging = staging_dir(tmp_path / "site", "md-")
    assert staging.parent == tmp_path and staging.name.startswith(f".site-md-{os.getpid()}-")


def test_replace_dir_swaps_in_the_new_tree(tmp_path):
    target, new = tmp_path / "site", tmp_path / "new"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    replace_dir(new, target)
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert not new.exists() and not (tmp_path / ".site-old").exists()


def test_replace_dir_into_nothing(tmp_path):
    new = tmp_path / "new"
    new.mkdir()
    replace_dir(new, tmp_path / "site")
    assert (tmp_path / "site").is_dir()


def test_files_copied_into_the_site_are_never_read_through_a_link(tmp_path):
    (tmp_path / "secret").write_text("SECRET", encoding="utf-8")
    (tmp_path / "nguon.txt").symlink_to(tmp_path / "secret")
    with pytest.raises(LoadError):
        copy_regular_file(tmp_path / "nguon.txt", tmp_path / "out.txt")
    assert not (tmp_path / "out.txt").exists()
    (tmp_path / "that.txt").write_text("văn bản", encoding="utf-8")
    copy_regular_file(tmp_path / "that.txt", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "văn bản"


def test_a_linked_body_keeps_its_bytes_when_the_cache_writes_that_entry_again(tmp_path):
    cache = Cache(tmp_path / "cache", version="v")
    body = cache.path("page", "ab12", ".html")
    cache.write(body, "<p>trang cũ</p>".encode("utf-8"))
    target = tmp_path / "out" / "trang.html"
    target.parent.mkdir()
    link_or_copy(body, target)
    assert os.path.samefile(body, target)  # one file, two names: nothing copied
    cache.write(body, "<p>trang mới</p>".encode("utf-8"))  # a new file renamed into place
    assert target.read_text(encoding="utf-8") == "<p>trang cũ</p>"
    body.unlink()  # pruning removes the cache's name only
    assert target.read_text(encoding="utf-8") == "<p>trang cũ</p>"


def test_a_body_is_copied_where_it_cannot_be_linked(tmp_path, monkeypatch):
    source = tmp_path / "body.html"
    source.write_text("<p>nội dung</p>", encoding="utf-8")

    def refuse(*_args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    link_or_copy(source, tmp_path / "copy.html")
    assert (tmp_path / "copy.html").read_text(encoding="utf-8") == "<p>nội dung</p>"
    assert not os.path.samefile(source, tmp_path / "copy.html")


@pytest.mark.parametrize("relative", ["../x.html", "/etc/passwd", "a/../../x", ".", "a\\..\\b", "", "van-ban/.."])
def test_a_path_that_could_leave_the_output_folder_is_refused(tmp_path, relative):
    with pytest.raises(ValueError):
        inside(tmp_path, relative)


def test_a_generated_path_stays_under_its_root(tmp_path):
    assert inside(tmp_path, "van-ban/da-nang/chi-thi-08.md") == tmp_path / "van-ban" / "da-nang" / "chi-thi-08.md"
