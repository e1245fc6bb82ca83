"""Citation extractor: find references to other documents in running Vietnamese text.

`extract(text)` is a pure function. It returns `Citation`s in text order; `text` of each is
exactly `input[start:end]` of the string passed in, whatever its Unicode normalization.

What it recognizes
------------------
1. A document number (số, ký hiệu), State (`16/CT-TTg`, `34/2021/NĐ-CP`, `97/QH14`,
   `1613/UBND-KGVX`) or Party (`25-NQ/TW`, `28-CTr/TU`, `05-CTr/BDVTU-UBND`), including the
   damaged forms of real texts (slash and hyphen swapped, all hyphens, stray spaces and line
   breaks, case slips, lost hyphens such as `NĐCP`). The number is reported in canonical form:
   the issuer part decides Party (`N-TYPE/ISSUER`) versus State (`N/[YYYY/]TYPE-ISSUER`).
   It is a citation when a kind word ("Chỉ thị", "Quyết định số", …) stands right before it,
   or, without one, when the symbol is unmistakably a document symbol (a known type
   abbreviation plus an issuer, or a known issuer such as `UBND`, `QH14`).
2. Laws cited by name: "Luật"/"Bộ luật" + title ("Luật Tiếp cận thông tin"), number null.
3. Party congress and plenum resolutions cited by their conventional name ("Nghị quyết Đại hội
   lần thứ XIII của Đảng", "Nghị quyết Trung ương 4 (khóa XII)"), number null: these names
   identify one document each by a closed pattern (an ordinal is required).

Documents named only by a descriptive title ("Quy chế công tác dân vận của hệ thống chính
trị") are deliberately not extracted: without a number the extent of the title cannot be
told from the text, and the same words are used generically ("Quy chế dân chủ ở cơ sở").

After the number (or law name) come, when attached: the date ("ngày 03/6/2013",
", ngày 03/6/2013", "05-9-2016", "ngày 05 tháng 8 năm 2021") and the issuer phrase
("của Ban Bí thư", "của Bộ Chính trị (khóa XI)"). `text` spans from the kind word through the
last attached part. A date or issuer printed once after a list ("Quyết định số 217-QĐ/TW và
Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị") is shared by the earlier members of
the list when their symbols have the same issuer part (the date only between members of the
same kind; the issuer only between parallel members); `text` of those stays kind + number.
A short name the text defines right after a citation ("(sau đây gọi tắt là Chỉ thị 16)") is
a citation of the same document wherever it recurs (kind and number, no date or issuer).
The issuer is reported as printed, in NFC, with runs of white space made one space.

Matching works on the NFC form of the input with old-style tone placement folded
("hoà"→"hòa", "uỷ"→"ủy"; same length, so offsets are unchanged); offsets are mapped back to
the original string. Every regular expression is compiled once and has bounded repetition
only, so the run time is linear in the length of the text.

Modules (after eyecite's layout)
--------------------------------
patterns  shared regular-expression pieces: white space, syllables, kind words
numbers   document numbers: find, read damaged forms, canonical form, kind of a symbol
phrases   the kind word before a number; the date and issuer phrase after it; list separators
laws      laws cited by name, named Party resolutions
aliases   short names the text defines ("(sau đây gọi tắt là Chỉ thị 16)")
model     `Citation` (reported) and `Found` (being assembled)
extract   `extract(text)`: the stages above, in order
"""

from generator.vn.citations.extract import extract
from generator.vn.citations.model import Citation
from generator.vn.citations.numbers import canonical_number

__all__ = ["Citation", "extract", "canonical_number"]
