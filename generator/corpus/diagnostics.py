"""Staff-facing problems found in the data, located as path:line:col."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "lỗi"
_VISIBLE = {0x0D: "\\r", 0x0A: "\\n", 0x09: "\\t", 0x1B: "\\x1b"}
WARNING = "cảnh báo"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    severity: str  # ERROR or WARNING
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (gợi ý: {self.hint})"
        return text.translate(_VISIBLE)  # a quoted value's CR or LF must not forge a line of output

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, shown inline on the pull request."""
        level = "error" if self.is_error else "warning"
        message = self.message + (f" (gợi ý: {self.hint})" if self.hint else "")
        # Workflow commands need %, CR and LF escaped in the message; , and : in properties.
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{level} file={path},line={self.line},col={self.col}::{message}"


class DataError(Exception):
    """Raised when the data cannot be built; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{sum(d.is_error for d in diagnostics)} lỗi trong dữ liệu")
        self.diagnostics = diagnostics
