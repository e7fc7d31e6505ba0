"""Bytes in, bytes out: incremental UTF-8 decoding with an explicit policy for bad bytes, and
atomic output files. Shared by the CLI and `Transliterator.stream_bytes`."""

from __future__ import annotations

import codecs
import os
import tempfile
from typing import BinaryIO, Callable, Iterable, Iterator, Optional

from jazu.errors import DecodeError, JazuError, UnknownOptionError

READ_SIZE = 1 << 16
ERRORS = ("strict", "replace", "surrogateescape")


def check_errors(errors: str) -> str:
    if errors not in ERRORS:
        raise UnknownOptionError(f"unknown errors policy {errors!r}; use one of: {', '.join(ERRORS)}")
    return errors


def decode(blocks: Iterable[bytes], errors: str = "strict", label: str = "input", start: int = 0) -> Iterator[str]:
    """Decode UTF-8 blocks incrementally. strict: invalid bytes raise DecodeError naming the byte
    offset (counted from `start`: where the blocks begin in their file); replace: U+FFFD;
    surrogateescape: kept as lone surrogates, which `encode` turns back into the same bytes
    (they pass every converter untouched)."""
    decoder = codecs.getincrementaldecoder("utf-8")(check_errors(errors))
    offset = start
    for block in blocks:
        if not isinstance(block, (bytes, bytearray)):
            from jazu.errors import InputTypeError

            raise InputTypeError(f"byte streams take bytes chunks, not {type(block).__name__}")
        held = len(decoder.getstate()[0])
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as e:
            raise DecodeError(label, offset - held + e.start) from None
        offset += len(block)
        if text:
            yield text
    held = len(decoder.getstate()[0])
    try:
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as e:
        raise DecodeError(label, offset - held + e.start) from None
    if tail:
        yield tail


def encode(text: str, errors: str = "strict") -> bytes:
    return text.encode("utf-8", "surrogateescape" if errors == "surrogateescape" else "strict")


def read_blocks(stream: BinaryIO, size: int = READ_SIZE) -> Iterator[bytes]:
    """Blocks as they arrive (read1 where the stream has it, so a pipe is not waited on)."""
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    while True:
        block = read(size)
        if not block:
            return
        yield block


class AtomicFile:
    """A file that appears under its name only when complete: written to a temporary file in the
    same directory, renamed over the target on commit, deleted on discard. `tag` goes into the
    temporary file's name (`.jazu-TAG…tmp`), so that the process that handed the file to a
    worker can find and remove it if the worker is stopped (`jazu --jobs`)."""

    def __init__(self, path: str, tag: str = "") -> None:
        self.path = os.path.realpath(path)  # replacing a symbolic link's target, not the link
        self.file: Optional[BinaryIO] = None
        if os.path.isdir(path):
            raise JazuError(f"cannot write {path!r}: it is a directory")
        path = self.path
        directory = os.path.dirname(os.path.abspath(path))
        try:
            fd, self._tmp = tempfile.mkstemp(dir=directory, prefix=f".jazu-{tag}", suffix=".tmp")
        except OSError as e:
            raise JazuError(f"cannot write {path!r}: {e.strerror}") from None
        self.file = os.fdopen(fd, "wb")
        if os.path.exists(path):
            try:
                os.chmod(self._tmp, os.stat(path).st_mode & 0o7777)  # keep the mode of the file it replaces
            except OSError:
                pass

    def commit(self) -> None:
        assert self.file is not None
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            self.file = None
            os.replace(self._tmp, self.path)
        except OSError as e:
            self.discard()
            raise JazuError(f"cannot write {self.path!r}: {e.strerror}") from None

    def discard(self) -> None:
        """Remove the temporary file, if it is still there (a no-op after commit)."""
        if self.file is not None:
            self.file.close()
            self.file = None
        if os.path.exists(self._tmp):
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
