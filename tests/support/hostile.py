"""A corpus whose every text field carries a payload for every output context.

HTML text and attributes (a quote that closes content="…" followed by a meta refresh), a
script end tag, an XML CDATA end, a spreadsheet formula, CR/LF/bare CR (iCalendar and CSV
line injection, and a blank line that would end a Markdown HTML block), a javascript: URL as
text, Markdown link and heading syntax. Values that the loader or schema must refuse
(U+FFFE, a javascript: URL in a URL field) are in REFUSED instead: they never reach a build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

EVIL = "evil.example"
PAYLOAD = (
    '0;url=https://evil.example/" http-equiv="refresh" x="'  # the description meta: a redirect
    '"><meta http-equiv="refresh" content="0;url=https://evil.example/"> " http-equiv="refresh" '
    "<script>window.__pwned=1</script></script><script>window.__pwned=5</script>"
    "<img src=x onerror=window.__pwned=2> ' onfocus='window.__pwned=3' ]]><x/> "
    '=HYPERLINK("https://evil.example/","bấm") javascript:alert(4) \r\nBEGIN:VEVENT\r\nSUMMARY:giả\rCR trần\n\n'
    "[bấm](javascript:window.__pwned=6) <!-- # {: #gia } \\u2028"
)
FORMULA = '=HYPERLINK("https://evil.example/","bấm")' + PAYLOAD  # a cell that starts with a formula
LINE = " ".join(PAYLOAD.split())  # identity fields (organisation names) refuse CR and LF
SHORT = "=\"'<b>x"  # for fields limited to a few characters, no spaces
MARKERS = ("__pwned", "http-equiv", "onerror", "onfocus", "javascript:", "evil.example", "HYPERLINK")

REFUSED = {
    "U+FFFE in a title": ("title", "về\ufffethử"),
    "javascript: URL": ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": "javascript:alert(1)"}),
    "quote in a URL": ("source", {"file": "da-nang-chi-thi-08-ct-tu-2021.txt", "url": 'https://x/" onclick="a'}),
}


def document(payload: str = PAYLOAD) -> dict:
    return {
        "id": "da-nang/doc-hai",
        "kind": "chi-thi",
        "number": {"value": SHORT + "/TU", "printed_as": payload[:100], "source": "printed"},
        "issuer": "da-nang/co-quan-doc-hai",
        "system": "state",
        "place": payload[:100],
        "date": {"value": "2021-08-05", "precision": "day", "source": "printed", "note": payload},
        "heading": [payload[:300]],
        "title": payload + " **đậm** *nghiêng*",
        "subtitle": payload,
        "period": {"start": 2021, "end": 2025},
        "topics": [payload[:100]],
        "preamble": [payload],
        "body": [
            {
                "type": "part",
                "number": "I",
                "marker": SHORT,
                "heading": payload,
                "children": [
                    {"type": "item", "number": "1", "text": payload + "[^1]"},
                    {"type": "item", "number": "2", "text": payload},
                    {"type": "paragraph", "text": "<a href='javascript:window.__pwned=7'>bấm</a>"},
                ],
            }
        ],
        "footnotes": [{"id": "1", "text": payload}],
        "signer": {"authority": payload[:200], "position": payload[:200], "name": payload[:200]},
        "recipients": [{"name": payload[:500], "note": payload[:200]}],
        "recipients_note": payload[:500],
        "tasks": [
            {
                "id": "a",
                "unit": "muc-i-1",
                "lead": [FORMULA[:200], "Co quan doc hai"],
                "support": [payload[:200]],
                "deadline": "trước ngày 31/12/2025",
                "summary": FORMULA,
                "reports": [
                    {
                        "date": "2022-01-01",
                        "status": "in-progress",
                        "note": FORMULA,
                        "link": "https://example.org/bao-cao?a=1&b=2",
                    }
                ],
            },
            {"id": "b", "unit": "muc-i-2", "lead": ["Co quan doc hai"], "deadline": "hằng năm, trước ngày 15/12"},
        ],
        "source": {
            "file": "da-nang-chi-thi-08-ct-tu-2021.txt",
            "note": payload,
            "url": "https://example.org/a?b=1&c=2",
        },
    }


def organization(payload: str = PAYLOAD) -> dict:
    return {
        "id": "da-nang/co-quan-doc-hai",
        "name": "Co quan doc hai " + " ".join(payload.split())[:250],
        "header": [payload[:200]],
        "aliases": ["Co quan doc hai"],
    }


def catalog_entry(payload: str = PAYLOAD) -> dict:
    return {
        "id": "da-nang/cong-van-doc-hai",
        "kind": "cong-van",
        "number": "99/CV-" + "X",
        "issuer": " ".join(payload.split())[:300],
        "title": payload[:300],
        "url": "https://example.org/cv?x=1&y=2",
    }


def write_corpus(source: Path, target: Path) -> Path:
    """A copy of the data folder `source` with the hostile document, organisation and catalog entry."""
    shutil.copytree(source, target)
    text = yaml.safe_dump(document(), allow_unicode=True, sort_keys=False, width=100_000)
    (target / "documents" / "da-nang" / "doc-hai.yaml").write_text(text, encoding="utf-8")
    with (target / "organizations" / "da-nang.yaml").open("a", encoding="utf-8") as fh:
        fh.write(yaml.safe_dump([organization()], allow_unicode=True, sort_keys=False, width=100_000))
    with (target / "references.yaml").open("a", encoding="utf-8") as fh:
        fh.write(yaml.safe_dump([catalog_entry()], allow_unicode=True, sort_keys=False, width=100_000))
    return target
