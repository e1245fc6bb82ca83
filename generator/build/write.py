"""Stage 6, write: put rendered Markdown on disk, replacing the previous output atomically.

A staging folder is named after the process that writes it (".md-<pid>-…"); a build that was
killed leaves its folder behind, and the next build removes every staging folder whose process
is gone (clean_stale). Files copied from data/ are read without following a symbolic link.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from generator.corpus.load import read_data_file
from generator.publish.render import RenderedSite

MAX_COPY_BYTES = 200_000_000  # a source text or schema copied into the site


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def clean_stale(parent: Path, prefix: str) -> list[Path]:
    """Remove the staging folders `parent/<prefix><pid>-*` of processes that no longer run
    (and older ones without a pid). Returns what was removed."""
    removed: list[Path] = []
    pattern = re.compile(re.escape(prefix) + r"(?:(\d+)-)?")
    try:
        entries = list(parent.iterdir())
    except FileNotFoundError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_dir() or entry.is_symlink():
            continue
        if match.group(1) and _alive(int(match.group(1))):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def staging_dir(out_dir: Path, kind: str = "") -> Path:
    """A fresh staging folder beside `out_dir`, after removing those of killed builds."""
    prefix = f".{out_dir.name}-{kind}"
    clean_stale(out_dir.parent, prefix)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=out_dir.parent))


def copy_regular_file(source: Path, target: Path) -> None:
    """Copy a file the build did not write (a source text, a schema): never through a link."""
    target.write_bytes(read_data_file(source, source.parent, str(source), limit=MAX_COPY_BYTES))


def _inside(root: Path, relative: str) -> Path:
    target = (root / relative).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"refusing to write outside the output folder: {relative}")
    return target


def write_site(site: RenderedSite, out_dir: Path) -> None:
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(out_dir)
    try:
        for relative, content in site.pages.items():
            target = _inside(staging, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        for relative, source in site.files.items():
            target = _inside(staging, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            copy_regular_file(source, target)
        for relative, text in site.data_files.items():
            target = _inside(staging, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
        for name, content in site.fragments.items():
            target = _inside(staging, f"_fragments/{name}.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def replace_dir(new: Path, target: Path) -> None:
    """Swap `new` into place of `target`; the old tree survives until the swap succeeded."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
