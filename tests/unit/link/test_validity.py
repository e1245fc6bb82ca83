"""generator/link/validity.py: whether a document is in effect, on a fixed build date."""

from __future__ import annotations

import datetime as dt

from generator.corpus.builders import make_document
from generator.corpus.model import Corpus
from generator.link.crossrefs import CrossRefs, Relation, RelationType
from generator.link.validity import Validity, validity
from generator.vn.effect import EffectKind

TODAY = dt.date(2026, 11, 21)


def _doc(doc_id: str, body: list, date: dict | None = None):
    return make_document(
        {
            "id": doc_id,
            "kind": "quyet-dinh",
            "issuer": "da-nang/thanh-uy",
            "system": "party",
            "date": date or {"precision": "day", "value": "2016-10-19", "source": "printed"},
            "title": "Về việc ban hành Đề án",
            "source": {"file": "x.txt"},
            "body": body,
        },
        "data/documents/x.yaml",
    )


def _corpus(*documents) -> Corpus:
    return Corpus({d.id: d for d in documents}, {}, {})


def test_effect_from_signing_on_the_date_of_issue():
    decision = _doc(
        "da-nang/qd", ["Ban hành kèm theo Quyết định này Đề án.", "Quyết định này có hiệu lực kể từ ngày ký."]
    )
    found = validity(decision, _corpus(decision), CrossRefs(), TODAY)
    assert found is not None and found.code is Validity.IN_EFFECT
    assert found.since == dt.date(2016, 10, 19) and found.effect is not None
    assert found.effect.kind is EffectKind.SIGNING


def test_not_yet_in_effect_and_unknown_signing_day():
    later = _doc("da-nang/qd", ["Quyết định này có hiệu lực từ ngày 01/01/2027."])
    assert validity(later, _corpus(later), CrossRefs(), TODAY).code is Validity.NOT_YET
    undated = _doc("da-nang/qd", ["Quyết định này có hiệu lực kể từ ngày ký."], {"precision": "unknown"})
    found = validity(undated, _corpus(undated), CrossRefs(), TODAY)
    assert found.code is Validity.IN_EFFECT and found.since is None


def test_no_clause_claims_nothing():
    directive = _doc("da-nang/ct", ["Nâng cao hiệu lực, hiệu quả quản lý."])
    assert validity(directive, _corpus(directive), CrossRefs(), TODAY) is None


def test_a_later_document_that_replaces_it_wins():
    old = _doc("da-nang/cu", ["Quyết định này có hiệu lực kể từ ngày ký."])
    new = _doc("da-nang/moi", ["Quyết định này thay thế Quyết định cũ."], {"precision": "day", "value": "2020-01-02"})
    refs = CrossRefs(relations=[Relation(RelationType.REPLACES, new.id, old.id, True)])
    found = validity(old, _corpus(old, new), refs, TODAY)
    assert found.code is Validity.REPLACED and found.by == new.id
    future = _doc("da-nang/moi", [], {"precision": "day", "value": "2027-01-02"})
    assert validity(old, _corpus(old, future), refs, TODAY).code is Validity.IN_EFFECT  # not yet issued
