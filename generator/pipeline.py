"""The whole generator as one call: data folder in, rendered Markdown out."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from generator.corpus import ReadResult, read_corpus
from generator.render import RenderedSite, render
from generator.resolve import Resolved, resolve


@dataclass
class Generated:
    read: ReadResult
    resolved: Resolved | None
    site: RenderedSite | None

    @property
    def ok(self) -> bool:
        return self.site is not None


def build_date(option: str | None = None) -> dt.date:
    """The date statuses are computed against: --build-date, else SOURCE_DATE_EPOCH, else today."""
    if option:
        return dt.date.fromisoformat(option)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


def check(data_dir: Path) -> ReadResult:
    return read_corpus(data_dir)


def generate(data_dir: Path, date: dt.date) -> Generated:
    read = read_corpus(data_dir)
    if not read.ok:
        return Generated(read=read, resolved=None, site=None)
    resolved = resolve(read.corpus, date)
    return Generated(read=read, resolved=resolved, site=render(resolved, data_dir))
