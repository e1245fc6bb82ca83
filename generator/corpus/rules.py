"""Every rule the data must meet beyond its schema: lists of named functions, run by `run`.

A rule is a function that takes what it checks and yields located diagnostics. To add one,
write it next to the rules it resembles and add it to the list for what it checks; that line
is the whole registration.
"""

from __future__ import annotations

from typing import Callable, Iterable, ParamSpec, Sequence

from generator.corpus import corpus_rules, document_rules, integrity, unfinished
from generator.corpus.diagnostics import Diagnostic, Origin, Sink
from generator.corpus.document_rules import DocumentFile
from generator.corpus.load import Loaded
from generator.corpus.model import Document
from generator.corpus.sources import Sources

YamlRule = Callable[[Loaded], Iterable[Diagnostic]]
FileRule = Callable[[DocumentFile], Iterable[Diagnostic]]
DocumentRule = Callable[[Document, Origin], Iterable[Diagnostic]]
CorpusRule = Callable[[Sources], Iterable[Diagnostic]]

# Every YAML file as loaded (documents and registries alike), before its schema.
YAML_RULES: list[YamlRule] = [
    unfinished.unfinished_work,  # TODO comments and placeholder values: "còn việc cần kiểm tra"
]

# A document's file after its schema passed. An error keeps the document out of the corpus.
FILE_RULES: list[FileRule] = [
    document_rules.id_matches_file,
    document_rules.date_matches_precision,
    document_rules.dates_exist,
    document_rules.cited_values_name_their_document,
    document_rules.period_in_order,
    document_rules.source_file_exists,
    document_rules.no_html_in_strings,
]

# A modelled document, with where each of its values is.
DOCUMENT_RULES: list[DocumentRule] = [
    document_rules.unique_anchors,
    document_rules.footnotes_defined,
    document_rules.footnotes_cited,
    document_rules.task_units_exist,
    document_rules.unique_task_ids,
]

# The corpus as a whole, with where every record came from.
CORPUS_RULES: list[CorpusRule] = [
    corpus_rules.unique_jurisdictions,
    corpus_rules.organizations_in_their_files,
    corpus_rules.organizations_in_declared_jurisdictions,
    corpus_rules.unique_organizations,
    corpus_rules.parents_exist,
    corpus_rules.catalog_in_declared_jurisdictions,
    corpus_rules.catalog_dates_exist,
    corpus_rules.unique_catalog_ids,
    corpus_rules.catalog_ids_not_published,
    corpus_rules.documents_in_declared_jurisdictions,
    corpus_rules.issuers_exist,
    corpus_rules.attachments_exist,
    corpus_rules.cited_in_documents_exist,
    integrity.data_files,
    integrity.unknown_relation_targets,
    integrity.name_lengths,
    integrity.reserved_names,
    integrity.date_ranges,
    integrity.duplicate_identities,
    integrity.identity_characters,
]

P = ParamSpec("P")


def run(rules: Sequence[Callable[P, Iterable[Diagnostic]]], sink: Sink, *args: P.args, **kwargs: P.kwargs) -> bool:
    """Apply every rule to the same subject, reporting to `sink`; True when one found an error."""
    failed = False
    for rule in rules:
        for diagnostic in rule(*args, **kwargs):
            sink.add(diagnostic)
            failed = failed or diagnostic.is_error
    return failed
