"""Stage 6, write: the portable Markdown folder, or the page manifest the MkDocs adapter
reads, each replacing the previous output atomically.

A staging folder is named after the process that writes it (".md-<pid>-…"); a build that was
killed leaves its folder behind, and the next build removes every staging folder whose process
is gone (clean_stale). Files copied from data/ are read without following a symbolic link.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Iterator, Optional

from generator.corpus.load import read_data_file
from generator.build.pages import PageRecord
from generator.build.pipeline import Built

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


def inside(root: Path, relative: str) -> Path:
    """root/relative, for a relative path that stays inside root. The check is on the path's
    text: the folders written here are fresh staging folders holding no symbolic link (files
    are copied or hard-linked, never linked by name), so no component can lead elsewhere.
    Resolving every path instead took 2 s at 10,000 documents."""
    path = PurePosixPath(relative)
    if not path.parts or path.is_absolute() or "\\" in relative or ".." in path.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative}")
    return root / path


def _target(root: Path, relative: str, made: Optional[set[Path]] = None) -> Path:
    """inside(root, relative), its folder made (`made`: folders already made by this writer)."""
    target = inside(root, relative)
    if made is None or target.parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        if made is not None:
            made.add(target.parent)
    return target


def _write_copies(built: Built, root: Path) -> None:
    """The files published as they are (source texts, schemas)."""
    for relative, source in built.copied.items():
        copy_regular_file(source, _target(root, relative))


@contextlib.contextmanager
def _staged(out_dir: Path) -> Iterator[Path]:
    """A staging folder that replaces `out_dir` when the block succeeds."""
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(out_dir)
    try:
        yield staging
        replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_markdown(built: Built, out_dir: Path) -> None:
    """The portable site: Markdown pages (front matter, headings, HTML blocks), the fragment
    for the home page under _fragments/, open data and copied files, as MkDocs' docs_dir
    (or any compatible builder's) expects them beside content/."""
    with _staged(out_dir) as staging:
        for record in built.pages:
            shutil.copyfile(record.body, _target(staging, record.path))
        _write_copies(built, staging)


MANIFEST = "manifest.json"


def publish_copies(built: Built, out_dir: Path) -> dict[str, Path]:
    """The files published as they are, copied under out_dir/files/ (replacing what was
    there): docs-relative path -> file."""
    with _staged(out_dir) as staging:
        _write_copies(built, staging / "files")
    return {relative: out_dir.resolve() / "files" / relative for relative in built.copied}


def write_manifest(built: Built, out_dir: Path, copy_bodies: bool = True) -> Path:
    """What the MkDocs adapter hands to MkDocs: manifest.json (every page's path, front
    matter, table of contents, edit path and HTML body file; every open-data file) and the
    files published as they are, under files/. The bodies are linked (or copied) under pages/,
    or stay in the cache folder (`copy_bodies=False`: the cache must outlive the manifest's use)."""
    with _staged(out_dir) as staging:
        _write_copies(built, staging / "files")
        records = [r.to_json() for r in built.pages]
        if copy_bodies:
            made: set[Path] = set()
            for record in records:
                relative = f"pages/{record['path']}"
                link_or_copy(Path(record["body"]), _target(staging, relative, made))
                record["body"] = relative
        manifest = {"pages": records, "files": sorted(built.copied)}
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return out_dir.resolve() / MANIFEST


def link_or_copy(source: Path, target: Path) -> None:
    """`target` with the bytes of `source`, a file of the cache: a second name for the same
    file where both are on one file system (the cache never changes a file in place: it
    writes a new one and renames it, and pruning removes only the cache's name), else a copy.
    At 10,000 documents this replaces copying about 900 MB."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def read_manifest(path: Path) -> tuple[list[PageRecord], dict[str, Path]]:
    """The pages (Markdown paths) and the files (docs-relative path -> file: open data in the
    cache, copies under files/) of a manifest."""
    data = json.loads(path.read_text(encoding="utf-8"))
    records = [PageRecord.from_json({**p, "body": str(path.parent / p["body"])}) for p in data["pages"]]
    files = {r.path: r.body for r in records if not r.path.endswith(".md")}
    files.update({relative: path.parent / "files" / relative for relative in data["files"]})
    return [r for r in records if r.path.endswith(".md")], files


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


_FRAGMENT_MARK = "<!-- vb:latest -->"


def _project_config(root: Path) -> str:
    """mkdocs.yml of the repository for a project at `out`: no hooks (nothing to adapt: the
    pages are all there), no watch list, docs/ and theme/ beside it."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    return config.replace("docs_dir: content", "docs_dir: docs")


def write_project(built: Built, out_dir: Path, root: Path) -> None:
    """A complete MkDocs-compatible project: mkdocs.yml, theme/ and docs/ (the hand-written
    pages of content/, the generated Markdown, the contributor guide), which `mkdocs build` or
    `properdocs build` builds without this generator or its adapter."""
    with _staged(out_dir) as staging:
        docs = staging / "docs"
        shutil.copytree(root / "content", docs)
        shutil.copytree(root / "theme", staging / "theme")
        shutil.copyfile(root / "CONTRIBUTING.md", docs / "dong-gop.md")
        for record in built.pages:
            if record.path.startswith("_fragments/"):
                home = docs / "index.md"
                text = home.read_text(encoding="utf-8").replace(_FRAGMENT_MARK, record.body.read_text(encoding="utf-8"))
                home.write_text(text, encoding="utf-8")
            else:
                shutil.copyfile(record.body, _target(docs, record.path))
        _write_copies(built, docs)
        (staging / "mkdocs.yml").write_text(_project_config(root), encoding="utf-8")
