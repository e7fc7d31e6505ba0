"""The exceptions jazu raises: every user mistake is a JazuError subclass with a clear message."""

from __future__ import annotations


class JazuError(Exception):
    """Base class of every error jazu raises on purpose."""


class UnknownScriptError(JazuError, ValueError):
    """A script name that jazu does not know (see `jazu.scripts.SCRIPT_NAMES`)."""


class UnsupportedConversionError(JazuError, ValueError):
    """A pair of scripts jazu cannot convert between (yet)."""


class UnknownOptionError(JazuError, ValueError):
    """An option value jazu does not know (for example `case="upper"`)."""


class UnknownTablesError(JazuError, LookupError):
    """A table version that is not shipped; the message lists the known ones."""


class TableError(JazuError):
    """A table file that does not validate; the message starts with `file:line:`."""

    def __init__(self, path: object, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = message
        super().__init__(f"{self.path}:{line}: {message}")


class DecodeError(JazuError, ValueError):
    """Input that is not valid UTF-8 (with errors="strict"); names the byte offset."""

    def __init__(self, label: str, offset: int) -> None:
        self.label = label
        self.offset = offset
        super().__init__(f"{label}: invalid UTF-8 at byte {offset}")

    def __reduce__(self) -> object:  # raised in a worker process (--jobs), re-raised in the main one
        return (DecodeError, (self.label, self.offset))


class InputTypeError(JazuError, TypeError):
    """Input that is not `str` (bytes must be decoded by the caller first)."""


class DocumentError(JazuError, ValueError):
    """A document that its format cannot read (a JSONL line that is not JSON, a DOCX that is no
    Word file); the message names where (`line 7: ...`)."""
