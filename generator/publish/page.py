"""A rendered page: where it goes, its front matter, its body and its table of contents.

The body is HTML (the fast path: the MkDocs adapter hands it to the theme as it is) or
Markdown (the portable path, `generator build --out`): the same templates render both, and
differ only in how a heading is written (templates/_page.html.j2). The table of contents is
read back from the headings the templates wrote: they are the only writer of headings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Heading:
    level: int  # 1–6
    id: str
    title: str  # HTML text (& < > escaped), as the heading and the table of contents show it


@dataclass
class Page:
    path: str  # docs-relative Markdown path: "van-ban/da-nang/x.md" (MkDocs turns it into a URL)
    meta: dict[str, Any]  # front matter: title, description, vb_document, hide…
    body: str  # HTML, or Markdown on the portable path
    toc: list[Heading] = field(default_factory=list)
    edit_path: Optional[str] = None  # repository path staff edit for this page (a document's YAML)

    def markdown_file(self) -> str:
        """The page as a Markdown file: front matter (if any), then the body."""
        return (front_matter(self.meta) if self.meta else "") + self.body

    def record(self) -> dict[str, Any]:
        """Everything but the body, as JSON-ready data (the manifest the MkDocs adapter reads)."""
        return {
            "path": self.path,
            "meta": self.meta,
            "toc": [[h.level, h.id, h.title] for h in self.toc],
            "edit": self.edit_path,
        }


def _json(value: Any) -> str:
    """JSON with < > & as \\u escapes (inside strings, the only place JSON has them): the same
    values when read back, and no tag in the file for a theme to print raw."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter: every value written as JSON (a YAML subset), so no value can end the
    block or turn into YAML syntax."""
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines.extend(f"  - {_json(item)}" for item in value)
        else:
            lines.append(f"{key}: {_json(value)}")
    return "\n".join(lines) + "\n---\n\n"


# What the heading macro writes (templates/_page.html.j2): <hN [class="…"] id="…">text<a class="headerlink"
_HEADING = re.compile(r'<h([1-6])(?: class="[^"]*")? id="([^"]+)">([^<]*)<a class="headerlink" href="#')


def toc_of(html: str) -> list[Heading]:
    """The headings of an HTML body, in order."""
    return [Heading(int(level), anchor, title) for level, anchor, title in _HEADING.findall(html)]
