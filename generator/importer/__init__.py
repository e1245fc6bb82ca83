"""Draft YAML documents from the text of a directive: `python -m generator import FILE`.

`import_text(text, source_name, organizations=…, jurisdictions=…)` is a pure function over
the text (plus the registries it is given); `import_file(path, data_dir=…)` reads a
.txt/.md/.docx file and the data folder's registries; `save(...)` (files.py) writes the draft
where it belongs and copies the source text into data/sources/. All return or use a `Draft`:
`.yaml` is the draft, `.summary()` the Vietnamese lines for the terminal.

Conventions:
  * A source that holds several documents (a Quyết định and the Đề án it issues) yields one
    YAML document each, in source order, separated by a line "---". Each starts with a comment
    naming the file it belongs in; the first lists the others in `attachments`.
  * Whatever the importer is unsure of gets a comment "# TODO: kiểm tra …" right above the
    value; the summary lists each with its line in the draft. `check` refuses a document that
    still holds one: a person reads each, fixes the value if needed and deletes the comment.
  * The jurisdiction and the issuer come from the document itself (place.py, issuer.py). One
    that is not in the registry still gets its id ("quang-tri/ubnd-tinh"), and the summary
    prints the registry entries to add (entries.py).
  * A news article or web page about a document is recognised (genre.py) and said so.

Modules: lines (source → lines), header, structure (paragraphs, block tree), trailer (signer,
recipients, footnotes), bodies, place, issuer, registry, entries, genre, fields, blocks,
tasks, document (one draft document), draft (Draft, summary), docx, files, emit, skeleton
(`new`), catalog (`catalog`).
"""

from generator.importer.docx import read_docx
from generator.importer.draft import Draft, DraftDocument
from generator.importer.drafting import import_text
from generator.importer.files import import_file, save

__all__ = ["Draft", "DraftDocument", "import_text", "import_file", "read_docx", "save"]
