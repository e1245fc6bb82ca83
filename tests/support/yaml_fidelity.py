"""Developer aid: how much of a source text a YAML transcription holds, in order.

    python -m tests.support.yaml_fidelity data/sources/X.txt data/documents/a.yaml [b.yaml …]

Walks every string of the YAML files in document order (the order the page
renders them) and reports coverage and the first missing words.
"""

from __future__ import annotations

import sys

import yaml

from tests.support.fidelity import coverage, source_words, words

_ORDER = ["heading", "title", "subtitle", "preamble", "body", "footnotes", "recipients", "signer"]


def text_strings(node):
    """Every text string of a YAML document node, in document order."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from text_strings(item)
    elif isinstance(node, dict):
        for key in ("marker", "heading", "text", "children", "name", "note", "authority", "position"):
            if key in node:
                yield from text_strings(node[key])


def yaml_words(paths: list[str]) -> list[str]:
    out: list[str] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
        number = doc.get("number") or {}
        out += words(number.get("printed_as") or number.get("value") or "")
        out += words(doc.get("place") or "")
        for key in _ORDER:
            if key in doc:
                out += words(" ".join(text_strings(doc[key])))
    return out


def main(argv: list[str]) -> int:
    source_path, *yaml_paths = argv
    with open(source_path, encoding="utf-8") as fh:
        src = source_words(fh.read())
    ratio, missing = coverage(src, yaml_words(yaml_paths))
    print(f"coverage {ratio:.4f} ({len(src) - len(missing)}/{len(src)} words)")
    if missing:
        print("first missing:", " ".join(missing[:80]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
