"""Deadline phrases of Vietnamese directives ("thời hạn") → structured deadlines.

``parse(text, context_year=None)`` is a pure function (no I/O, standard library only,
linear in the length of the text) that never raises on a ``str``: a phrase it does not
understand comes back as kind ``"unparsed"`` with every field null, so the caller keeps
the text as written and warns. It never guesses.

Fields of a ``Deadline``
    ``kind``   a ``DeadlineKind``: "date" | "month" | "quarter" | "year" | "range"
               | "recurring" | "ongoing" | "none" (empty text) | "unparsed".
    ``end``    the LAST day that is still on time.
    ``start``  the first day of the period the text names (a month, quarter, year, range,
               or the span a recurring/ongoing duty runs over); null for a single date.
    ``rrule``  RFC 5545 RRULE value of a recurring deadline, else null.
    ``parts``  the deadlines of a text that holds several (empty otherwise).
    ``text``   the text as written.

Rules (the design decisions; tests/unit/vn/deadlines/ pins each one down)
    * Normalisation: NFC, lower case, every dash variant → "-", invisible characters
      dropped, whitespace collapsed, spaces tidied around , ; : ( ), surrounding
      punctuation (".", ",", ";", ":") stripped. "kỳ/kì", "quý/quí", "hằng/hàng" are
      both accepted.
    * "trước X" (before X) means the last on-time day is the day before X begins:
      "trước ngày 30/6/2022" → end 2022-06-29; "trước tháng 9/2021" → end 2021-08-31;
      "trước quý IV/2022" → 2022-09-30; "trước năm 2025" → 2024-12-31. Whatever X is,
      the result names one day, so its kind is "date" and start is null.
    * "ngày X", "đến (hết) X", "tới X", "chậm nhất (là/vào) X", "muộn nhất X",
      "hạn chót X", "vào X", "trong X", "hết X", "trước hoặc vào/trong X", or X alone:
      on time through the end of X. The kind is X's own unit (a date, a month, a quarter,
      a year; "6 tháng đầu/cuối năm YYYY" is a "range"); start is X's first day except
      for a single date, whose start is null.
    * The same on-time rule applies to recurring deadlines, so an RRULE always names the
      last on-time day of each occurrence: "trước ngày 05 tháng 12 hằng năm" →
      FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=4 and "ngày 05/12 hằng năm" → BYMONTHDAY=5.
      "Before the 1st" is the last day of the previous month, written BYMONTHDAY=-1
      (so "trước ngày 01/3 hằng năm" → BYMONTH=2;BYMONTHDAY=-1, right in leap years).
    * Frequencies: hằng/hàng/mỗi năm → FREQ=YEARLY; … quý → FREQ=MONTHLY;INTERVAL=3;
      … tháng → FREQ=MONTHLY; … tuần → FREQ=WEEKLY; … ngày → FREQ=DAILY; "định kỳ N
      tháng", "N tháng một lần", "N tháng/lần" → FREQ=MONTHLY;INTERVAL=N, written in its
      simplest equivalent form (1 → FREQ=MONTHLY, 12 → FREQ=YEARLY, 24 →
      FREQ=YEARLY;INTERVAL=2); "định kỳ N năm" → FREQ=YEARLY;INTERVAL=N. An optional
      "định kỳ" in front changes nothing. A day is only accepted with a yearly (day and
      month) or monthly (day) frequency; "định kỳ" alone is unparsed.
    * A leading label ("Thời hạn:", "Thời gian thực hiện:") and a leading verb
      ("hoàn thành (xong)", "xong", "thực hiện", "triển khai", "tổ chức", "tổng kết",
      "sơ kết", "(gửi/nộp) báo cáo") are skipped: they carry no date.
    * A longer lead-in is skipped too when it holds no digit and a qualifier follows it
      ("trước", "chậm nhất", "muộn nhất", "hạn chót", "đến hết", "trong", "vào"): "báo cáo
      kết quả … trước ngày 25 tháng 10 hằng năm". A frequency inside the lead-in applies to
      the deadline after it ("định kỳ báo cáo … hằng năm (trước ngày 15 tháng 11)"), unless
      that deadline names its year ("kinh phí hằng năm, hoàn thành trước ngày 30/6/2025" is
      a date).
    * Several days of the year in one phrase share the qualifier and the frequency: "trước
      ngày 10/6 và 10/12 hằng năm" → kind "recurring" with one yearly part per day and no
      rrule of its own (as the periodic reports below). One impossible day leaves the whole
      unparsed.
    * A month of every year ("tháng 11 hằng năm", "trong tháng 12 hàng năm") is on time
      through the month's last day: FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=-1; "trước tháng 11
      hằng năm" ends with October.
    * Ranges: "từ A đến/tới (hết) B", "từ A - B", "A đến B", "giai đoạn (từ) …",
      "2021 - 2025"; A and B are any of date, month, quarter, year; "đến trước B" ends the
      day before B. kind "range", start = A's first day, end = B's last on-time day. A
      bare year closes only a range of years ("từ năm 2021 - 2025").
    * A recurring or ongoing duty may carry the span it runs over, before or after it
      ("Thường xuyên, từ năm 2021 - 2025", "hằng năm, từ năm 2022", "định kỳ hằng năm
      (2021-2025)", "thường xuyên trong năm 2022", "thường xuyên đến hết năm 2025"): that
      span fills start/end (end stays null for an open "từ năm 2022", start for "đến hết").
      The span must be a range or a month/quarter/year with its year spelled out;
      context_year is not used for it, and a single date or "trước X" there is unparsed
      (it would be a deadline, not a span: reading it either way would be a guess).
    * Report phrases: "báo cáo|sơ kết|tổng kết 6 tháng|9 tháng|năm|quý I… trước ngày
      10/6" — a day and month WITHOUT a year after a periodic report's name is a yearly
      recurring deadline, even when context_year is given. "báo cáo 6 tháng trước ngày
      10/6, báo cáo năm trước ngày 15/11" → kind "recurring" whose parts are the two
      yearly rules; the whole has no rrule of its own.
    * Several deadlines separated by "," ";" or "và" (tried only when the whole text is
      not one phrase) must all parse and share one kind; the whole then has that kind,
      start = earliest part start and end = latest part end (each only when every part
      has one), rrule null; each part's text is its piece as written. Mixed kinds are
      unparsed: no single kind describes them.
    * Years are four digits. A missing year is taken from the other end of a range
      ("từ tháng 1 đến tháng 6/2022"), else from context_year, else the phrase is
      unparsed ("trước ngày 10/6" alone). A two-digit year ("30/6/22") is always
      unparsed: expanding it would be a guess. A context_year that is not an int (or is
      a bool) is ignored; one that gives no real date leaves the phrase unparsed.
    * Impossible dates ("30/02/2022", "tháng 13/2022", a range ending before it starts)
      are unparsed. Vague phrases ("cuối năm 2022", "đầu quý II", "khi có yêu cầu",
      "trước kỳ họp …") are unparsed.

Modules
    model      ``DeadlineKind``, ``Deadline``, ``Span``; ``yearly_occurrence`` of a yearly rule
    points     normalisation; one date, month, quarter, year or half-year; ranges; "trước X"
    recurring  frequencies, day rules, ongoing duties and the span they run over
    parse      periodic reports, clauses, compounds, and ``parse`` itself
"""

from generator.vn.deadlines.model import KINDS, Deadline, DeadlineKind, Span, yearly_occurrence
from generator.vn.deadlines.parse import parse

__all__ = ["KINDS", "Deadline", "DeadlineKind", "Span", "parse", "yearly_occurrence"]
