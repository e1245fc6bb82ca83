"""Open Directives generator: YAML documents in, cross-linked Markdown out.

Pipeline (one module per stage, data flows forward):
load -> validate -> model -> resolve -> render -> write.
"""

__version__ = "0.1.0"
