"""What a document page says about itself to machines: its title and description, the Open
Graph and Twitter card tags a shared link is previewed with, and schema.org `Legislation`
JSON-LD (the ELI-derived terms).

Everything here is plain data in the page's front matter; the theme prints it
(theme/main.html): the tags through the one attribute-escaping macro (theme/partials/
vb-meta.html), the JSON-LD through `script_json` (JSON inside <script>).
"""

from __future__ import annotations

from typing import Any, Optional

from generator.corpus.model import Citable, Document
from generator.link.crossrefs import RelationType
from generator.link.validity import Validity, validity
from generator.publish import urls
from generator.publish.filters import page_title, vn_date
from generator.publish.labels import document_label
from generator.publish.site import Site

DESCRIPTION_LENGTH = 300  # characters of a description; previews cut it shorter anyway

SCHEMA = "https://schema.org/"
# Typed relations as schema.org properties: legislationApplies is ELI's "implements";
# amending, replacing and repealing are all "changes".
_RELATION_PROPERTY = {
    RelationType.BASED_ON: "isBasedOn",
    RelationType.IMPLEMENTS: "legislationApplies",
    RelationType.ISSUES: "hasPart",
    RelationType.REPLACES: "legislationChanges",
    RelationType.AMENDS: "legislationChanges",
    RelationType.REPEALS: "legislationChanges",
}
_LEGAL_FORCE = {
    Validity.IN_EFFECT: "InForce",
    Validity.NOT_YET: "NotInForce",
    Validity.REPLACED: "NotInForce",
    Validity.REPEALED: "NotInForce",
}


def _cut(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def description(document: Document, site: Site) -> str:
    """ "Chỉ thị 08-CT/TU ngày 05/8/2021 của Ban Thường vụ Thành ủy Đà Nẵng về lãnh đạo …":
    kind and number first, then date, issuer and the title."""
    label = document_label(site.resolved, document.id)
    issued = document.date.issued if document.date.known else None
    when = f" ngày {vn_date(issued)}" if issued else ""
    issuer = site.corpus.organizations[document.issuer].name
    title = document.title.plain.strip()
    if title[:3].lower() == "về ":
        about = " về " + title[3:]
    else:
        about = ": " + title
    return _cut(f"{label}{when} của {issuer}{about}")


def _reference(item: Citable, site: Site) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "Legislation",
        "name": document_label(site.resolved, item.id),
        "url": site.site_url + urls.target(item),
    }
    if item.symbol:
        found["legislationIdentifier"] = item.symbol
    return found


def legislation(document: Document, site: Site, address: str) -> dict[str, Any]:
    """schema.org `Legislation` of a document: identifier, type, date, issuer, jurisdiction,
    legal value (this copy is for reference only), language, legal force when the text says
    so, and the typed relations."""
    corpus = site.corpus
    found: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": address,
        "url": address,
        "name": document.title.plain,
        "alternateName": document_label(site.resolved, document.id),
        "legislationType": document.kind_name,
        "legislationPassedBy": {"@type": "Organization", "name": corpus.organizations[document.issuer].name},
        "legislationJurisdiction": {
            "@type": "AdministrativeArea",
            "name": corpus.jurisdictions[document.jurisdiction].name,
        },
        "legislationLegalValue": SCHEMA + "UnofficialLegalValue",
        "inLanguage": "vi",
        "description": description(document, site),
    }
    if document.number is not None:
        found["legislationIdentifier"] = document.number.value
    if document.date.known and document.date.issued is not None:
        found["legislationDate"] = document.date.issued.iso
    valid = validity(document, corpus, site.resolved.refs, site.build_date)
    if valid is not None:
        found["legislationLegalForce"] = SCHEMA + _LEGAL_FORCE[valid.code]
    for relation in site.resolved.refs.outgoing(document.id):
        target = corpus.find(relation.target)
        if target is not None:
            found.setdefault(_RELATION_PROPERTY[relation.type], []).append(_reference(target, site))
    parent: Optional[str] = site.resolved.issued_with.get(document.id)
    if parent is not None:
        found["isPartOf"] = _reference(corpus.documents[parent], site)
    return found


def document_meta(doc_id: str, site: Site) -> dict[str, object]:
    """The front matter of a document page."""
    document = site.corpus.documents[doc_id]
    title = page_title(document_label(site.resolved, doc_id) + " – " + document.title.plain)
    summary = page_title(description(document, site))
    address = site.site_url + urls.document(doc_id)
    return {
        "title": title,
        "description": summary,
        "vb_document": doc_id,
        "vb_share": {"type": "article", "title": title, "description": summary, "url": address},
        "vb_legislation": legislation(document, site, address),
    }
