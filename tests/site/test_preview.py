"""The preview server (`make serve`): an edit shows up after the rebuild; a data error shows as
a banner (Vietnamese, path:line:col) on the pages instead of a server that stops answering, and
the banner goes when the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

DIRECTIVE = "documents/da-nang/chi-thi-08-ct-tu-2021.yaml"
PAGE = "van-ban/da-nang/chi-thi-08-ct-tu-2021/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, condition, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = _get(url)
        if condition(text):
            return text
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {url}")


@pytest.fixture
def server(data_copy, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "OD_DATA_DIR": str(data_copy),
        "OD_BUILD_DATE": "2026-11-21",
        "OD_CACHE_DIR": str(tmp_path / "cache"),
        "OD_PREVIEW_DIR": str(tmp_path / "preview"),
    }
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f"http://127.0.0.1:{port}/open-directives/", data_copy
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_an_error_shows_on_the_page_and_goes_when_fixed(server):
    base, data = server
    url = base + PAGE
    _wait_for(url, lambda html: "vb-header" in html)
    path: Path = data / DIRECTIVE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Sửa thử – ", 1), encoding="utf-8")
    _wait_for(url, lambda html: "Sửa thử – " in html)
    path.write_text(text.replace("kind: chi-thi", "kind: khong-co", 1), encoding="utf-8")
    broken = _wait_for(url, lambda html: "vb-preview-errors" in html)
    assert "Dữ liệu có lỗi" in broken and "chi-thi-08-ct-tu-2021.yaml:3:7: lỗi:" in broken
    assert "vb-header" in broken  # the last good page is still shown under the banner
    assert "vb-preview-errors" in _get(base)  # and on the other pages
    path.write_text(text, encoding="utf-8")
    fixed = _wait_for(url, lambda html: "vb-header" in html and "vb-preview-errors" not in html)
    assert "Sửa thử – " not in fixed
    assert "vb-preview-errors" not in _get(base)
