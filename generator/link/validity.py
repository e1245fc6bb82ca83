"""Whether a document is in effect on the build date, from what the texts themselves say.

Rules, in order (tests/unit/link/test_validity.py):

* another published document of the corpus repeals or replaces it (a typed relation), dated
  on or before the build date: "repealed" or "replaced", naming that document;
* its own text says when it takes effect (generator/vn/effect.py: "có hiệu lực kể từ ngày
  ký", a date, or some days after signing): "in effect" from that day, or "not yet in effect"
  before it; when the day cannot be known (signed on an unknown day), "in effect, from an
  unknown day";
* otherwise nothing is claimed (None): the page says it has no data.

The Vietnamese words are presentation (generator/publish/labels.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Optional

from generator.corpus.model import Corpus, Document
from generator.link.crossrefs import CrossRefs, RelationType
from generator.vn.dates import Precision
from generator.vn.effect import Effect, first_effect


class Validity(StrEnum):
    IN_EFFECT = "in-effect"
    NOT_YET = "not-yet-in-effect"
    REPLACED = "replaced"
    REPEALED = "repealed"


@dataclass(frozen=True)
class DocumentValidity:
    code: Validity
    since: Optional[dt.date] = None  # the first day in effect, when known
    effect: Optional[Effect] = None  # the clause it comes from
    by: Optional[str] = None  # the document that replaces or repeals it


def _signed(document: Document) -> Optional[dt.date]:
    issued = document.date.issued
    return issued.value if issued is not None and issued.precision is Precision.DAY else None


def validity(document: Document, corpus: Corpus, refs: CrossRefs, today: dt.date) -> Optional[DocumentValidity]:
    """What the corpus knows of whether `document` is in effect on `today`; None when nothing."""
    for relation in refs.incoming(document.id):
        if relation.type not in (RelationType.REPEALS, RelationType.REPLACES):
            continue
        source = corpus.documents.get(relation.source)
        if source is None or source.issued is None or source.issued.value > today:
            continue
        code = Validity.REPEALED if relation.type is RelationType.REPEALS else Validity.REPLACED
        return DocumentValidity(code, by=source.id)
    effect = first_effect(text.plain for text in reversed(document.texts()))  # the clause closes the text
    if effect is None:
        return None
    since = effect.since(_signed(document))
    if since is not None and since > today:
        return DocumentValidity(Validity.NOT_YET, since, effect)
    return DocumentValidity(Validity.IN_EFFECT, since, effect)
