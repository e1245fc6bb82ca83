"""Command line: python -m generator {check,build,site,cite,deadline,import,catalog,new,linkcheck} …

Staff-facing output is Vietnamese. Exit codes: 0 clean, 1 errors in the data, 2 usage.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

from generator.build.cache import Cache
from generator.build.pipeline import build, build_date, cache_dir, check, gc_paused
from generator.build.parallel import in_child
from generator.build.write import MANIFEST, replace_dir, staging_dir, write_manifest, write_markdown, write_project
from generator.corpus.diagnostics import Diagnostic

ROOT = Path(__file__).resolve().parents[2]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2, in Vietnamese
        self.print_usage(sys.stderr)
        print(f"{self.prog}: lỗi cách dùng: {message}", file=sys.stderr)
        sys.exit(2)


def _report(diagnostics: list[Diagnostic], quiet_ok: bool = False) -> int:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)
        if in_actions:
            print(diagnostic.github_annotation())
    if errors:
        print(f"Có {errors} lỗi, {warnings} cảnh báo.", file=sys.stderr)
    elif not quiet_ok:
        print(f"Dữ liệu hợp lệ ({warnings} cảnh báo).", file=sys.stderr)
    return 1 if errors else 0


def _cache(args: argparse.Namespace) -> contextlib.AbstractContextManager[Cache]:
    """The build cache (--no-cache: a temporary one, a clean build that keeps nothing)."""
    if getattr(args, "no_cache", False):
        return Cache.temporary()
    return contextlib.nullcontext(Cache(cache_dir()))


def cmd_check(args: argparse.Namespace) -> int:
    with _cache(args) as cache:
        result = check(Path(args.data), cache=cache)
    return _report(result.diagnostics)


def cmd_build(args: argparse.Namespace) -> int:
    with _cache(args) as cache:
        built = build(Path(args.data), build_date(args.build_date), cache, _site_url(), markdown=not args.html)
        status = _report(built.read.diagnostics, quiet_ok=True)
        if not built.ok:
            return 1
        if args.html:
            write_manifest(built, Path(args.out))
        elif args.project:
            write_project(built, Path(args.out), ROOT)
        else:
            write_markdown(built, Path(args.out))
        cache.prune()
    kind = "HTML" if args.html else "Markdown"
    count = sum(r.path.endswith(".md") for r in built.pages)
    print(f"Đã tạo {count} trang {kind} trong {args.out}", file=sys.stderr)
    return status


def _mkdocs(staging: Path, env: dict[str, str]) -> int:
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(ROOT / "mkdocs.yml"),
        "--site-dir",
        str(staging),
    ]
    return subprocess.call(command, env=env)


def _site_env(args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    if args.build_date:
        env["OD_BUILD_DATE"] = args.build_date
        # MkDocs stamps sitemap.xml and its gzip header with SOURCE_DATE_EPOCH: same date, same bytes.
        day = dt.date.fromisoformat(args.build_date)
        env.setdefault(
            "SOURCE_DATE_EPOCH", str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))
        )
    return env


def _generate(args: argparse.Namespace, data: Path, cache: Cache, folder: Path) -> tuple[int, int, dict[str, float]]:
    """The generator's part of a site build: (status, pages, stage timings); the manifest for
    MkDocs goes to `folder`."""
    built = build(data, build_date(args.build_date), cache, _site_url())
    status = _report(built.read.diagnostics, quiet_ok=True)
    if not built.ok:
        return 1, 0, built.timings
    write_manifest(built, folder, copy_bodies=False)  # the cache outlives MkDocs' run
    return status, sum(r.path.endswith(".md") for r in built.pages), built.timings


def cmd_site(args: argparse.Namespace) -> int:
    """Full build into site/: the generator renders every page (HTML, on every core, through
    the cache) in a child process that gives its memory back when done; MkDocs wraps the pages
    in the theme (its adapter reads the generator's manifest, and indexes each page for search
    as MkDocs writes it), and the new site replaces site/. A failed build leaves the previous
    site/."""
    out = Path(args.out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    data = Path(os.environ.get("OD_DATA_DIR") or args.data)
    started = time.perf_counter()
    with _cache(args) as cache, tempfile.TemporaryDirectory(prefix="od-manifest-") as pages:
        folder = Path(pages) / "out"
        status, count, stages = in_child(lambda: _generate(args, data, cache, folder))
        if status == 1 or not count:
            print("Dữ liệu có lỗi; thư mục site/ cũ được giữ nguyên.", file=sys.stderr)
            return 1
        timings = {f"generator_{stage}_s": seconds for stage, seconds in stages.items()}
        timings["generator_s"] = time.perf_counter() - started
        staging = staging_dir(out, "build-")  # a killed build's folder is removed here
        started = time.perf_counter()
        figures = Path(pages) / "index.json"  # the adapter indexes the pages as MkDocs writes them
        env = {**_site_env(args), "OD_MANIFEST": str(folder / MANIFEST), "OD_INDEX_FIGURES": str(figures)}
        if _mkdocs(staging, env) != 0 or not figures.is_file():
            shutil.rmtree(staging, ignore_errors=True)
            print("Xây dựng trang thất bại; thư mục site/ cũ được giữ nguyên.", file=sys.stderr)
            return 1
        timings["mkdocs_s"] = time.perf_counter() - started  # with the search index
        timings["search_index_finish_s"] = json.loads(figures.read_text(encoding="utf-8"))["finish_s"]
        cache.prune()
    replace_dir(staging, out)
    if os.environ.get("OD_TIMINGS"):  # benchmarks/run.py reads the stage times from here
        Path(os.environ["OD_TIMINGS"]).write_text(json.dumps(timings), encoding="utf-8")
    print(f"Đã xây dựng {count} trang vào {out}", file=sys.stderr)
    return 0


def _read_input(path: str | None) -> str:
    if path and path != "-":
        return Path(path).read_text(encoding="utf-8")
    return sys.stdin.read()


def cmd_cite(args: argparse.Namespace) -> int:
    from generator.vn.citations import extract

    text = _read_input(args.file)
    print(json.dumps([c.to_json() for c in extract(text)], ensure_ascii=False, indent=2))
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    from generator.vn.deadlines import parse

    print(json.dumps(parse(args.text).to_json(), ensure_ascii=False, indent=2))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from generator.importer.files import command

    return command(Path(args.file), Path(args.data), args.output and Path(args.output), args.stdout, args.force)


def cmd_catalog(args: argparse.Namespace) -> int:
    from generator.importer.catalog import command

    return command(Path(args.data), dry_run=args.dry_run)


def cmd_new(args: argparse.Namespace) -> int:
    from generator.importer.skeleton import new_document

    try:
        path = new_document(
            Path(args.data),
            kind=args.kind,
            issuer=args.issuer,
            number=args.number,
            date=args.date,
            slug=args.slug,
            interactive=not args.no_input,
        )
    except ValueError as exc:
        print(f"lỗi: {exc}", file=sys.stderr)
        return 2
    print(f"Đã tạo {path}", file=sys.stderr)
    return 0


def _site_url() -> str:
    """site_url of mkdocs.yml (the feed and the calendars link to absolute URLs)."""
    import yaml

    try:
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return ""
    line = next((line for line in text.splitlines() if line.startswith("site_url:")), "site_url:")
    return str(yaml.safe_load(line.split(":", 1)[1].strip()) or "")


def _site_prefix() -> str:
    """The path part of site_url in mkdocs.yml ("/open-directives"), used by root-relative links."""
    from urllib.parse import urlsplit

    import yaml

    try:
        text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        site_url = next(
            (line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("site_url:")), ""
        )
    except OSError:
        return ""
    return urlsplit(yaml.safe_load(site_url) or "").path.rstrip("/")


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from generator.build.linkcheck import check_site

    broken = check_site(Path(args.site), args.prefix)
    for link in broken:
        print(f"lỗi: liên kết hỏng: {link.format()}", file=sys.stderr)
    print(f"{len(broken)} liên kết hỏng.", file=sys.stderr)
    return 1 if broken else 0


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m generator", description="Trình tạo trang Văn bản chỉ đạo công khai.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    data_default = str(ROOT / "data")

    no_cache = "không dùng bộ nhớ đệm build/cache/ (xây dựng lại từ đầu)"
    p = sub.add_parser("check", help="kiểm tra dữ liệu YAML (không tạo trang)")
    p.add_argument("--data", default=data_default, help="thư mục dữ liệu (mặc định: data/)")
    p.add_argument("--no-cache", action="store_true", help=no_cache)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="tạo các trang Markdown từ dữ liệu")
    p.add_argument("--data", default=data_default)
    p.add_argument("--out", default=str(ROOT / "build" / "markdown"), help="thư mục ghi Markdown")
    p.add_argument("--build-date", help="ngày tính trạng thái (YYYY-MM-DD); mặc định SOURCE_DATE_EPOCH hoặc hôm nay")
    p.add_argument("--html", action="store_true", help="ghi trang HTML và manifest.json (cho MkDocs) thay vì Markdown")
    p.add_argument(
        "--project", action="store_true", help="ghi cả dự án (docs/, theme/, mkdocs.yml) để MkDocs hoặc ProperDocs dựng"
    )
    p.add_argument("--no-cache", action="store_true", help=no_cache)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("site", help="xây dựng toàn bộ trang web vào site/ bằng MkDocs")
    p.add_argument("--data", default=data_default, help="thư mục dữ liệu (mặc định: OD_DATA_DIR hoặc data/)")
    p.add_argument("--out", default=str(ROOT / "site"))
    p.add_argument("--build-date")
    p.add_argument("--no-cache", action="store_true", help=no_cache)
    p.set_defaults(func=cmd_site)

    p = sub.add_parser("cite", help="tìm các dẫn chiếu văn bản trong một đoạn văn (in JSON)")
    p.add_argument("file", nargs="?", help="tệp văn bản; bỏ trống hoặc - để đọc từ đầu vào chuẩn")
    p.set_defaults(func=cmd_cite)

    p = sub.add_parser("deadline", help="phân tích một cụm thời hạn (in JSON)")
    p.add_argument("text", help="cụm thời hạn, ví dụ “hoàn thành trong tháng 9/2021”")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser("import", help="soạn bản nháp YAML từ văn bản (.txt, .md, .docx) và lưu vào data/")
    p.add_argument("file", help="tệp văn bản cần nhập")
    p.add_argument("-o", "--output", help="ghi bản nháp vào tệp này (mặc định: data/documents/<địa bàn>/<tên>.yaml)")
    p.add_argument("--stdout", action="store_true", help="chỉ in bản nháp ra màn hình, không ghi tệp nào")
    p.add_argument("--force", action="store_true", help="lưu cả khi tệp có vẻ là bài báo, trang tin")
    p.add_argument("--data", default=data_default)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("catalog", help="thêm các văn bản được dẫn chiếu chưa có vào data/references.yaml")
    p.add_argument("--dry-run", action="store_true", help="chỉ in các mục ra màn hình, không ghi tệp")
    p.add_argument("--data", default=data_default)
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("new", help="tạo khung YAML cho một văn bản mới")
    p.add_argument("--kind", help="loại văn bản, ví dụ chi-thi")
    p.add_argument("--issuer", help="mã cơ quan ban hành, ví dụ da-nang/ban-thuong-vu-thanh-uy")
    p.add_argument("--number", help="số, ký hiệu, ví dụ 08-CT/TU (bỏ trống nếu văn bản không ghi)")
    p.add_argument("--date", help="ngày ban hành YYYY-MM-DD (bỏ trống nếu không rõ)")
    p.add_argument("--slug", help="tên tệp (mặc định tạo từ loại, số và năm)")
    p.add_argument("--no-input", action="store_true", help="không hỏi; thiếu thông tin bắt buộc thì báo lỗi")
    p.add_argument("--data", default=data_default)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("linkcheck", help="kiểm tra liên kết và neo nội bộ của trang đã xây dựng")
    p.add_argument("site", nargs="?", default=str(ROOT / "site"))
    p.add_argument("--prefix", default=_site_prefix(), help="đường dẫn gốc của trang (theo site_url)")
    p.set_defaults(func=cmd_linkcheck)

    args = parser.parse_args(argv)
    with gc_paused():  # the whole command: its heap is large and mostly acyclic (see gc_paused)
        return int(args.func(args))
