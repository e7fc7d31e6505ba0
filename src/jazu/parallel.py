"""`--jobs N`: one big input cut at line ends into parts that worker processes convert, written
out in order. The output is byte for byte that of one process: each part starts with the state
the text before it leaves (`state_after`: a line begins, or the Latin alphabet of the lines
before), which the main process works out without converting. At most two parts a worker are
read ahead, so memory stays bounded (by the part size and the longest line)."""

from __future__ import annotations

import os
from collections import deque
from itertools import chain
from typing import Any, Deque, Iterable, Iterator, Optional, Tuple

PART = 4 << 20  # bytes a part holds (cut at the last line end after this many)
AHEAD = 2  # parts in flight per worker

_worker: Any = None


def jobs_count(jobs: int) -> int:
    return (os.cpu_count() or 1) if jobs == 0 else jobs


def parts(blocks: Iterable[bytes], size: int = PART) -> Iterator[Tuple[int, bytes]]:
    """(offset, bytes) parts of at least `size` bytes, each ending with a line end (the last
    one, or one line longer than that, as it comes)."""
    pending = bytearray()
    offset = 0
    for block in blocks:
        pending += block
        if len(pending) >= size:
            cut = pending.rfind(b"\n") + 1
            if cut:
                yield offset, bytes(pending[:cut])
                offset += cut
                del pending[:cut]
    if pending:
        yield offset, bytes(pending)


def _start(arguments: Tuple[Any, ...], source: str) -> None:
    global _worker
    from jazu.transliterator import Transliterator

    _worker = Transliterator(*arguments)._converter(source)


def _convert(task: Tuple[int, bytes, str, str, Any]) -> bytes:
    from jazu.text.stream import convert_stream
    from jazu.text.textio import decode, encode

    offset, data, errors, label, state = task
    text = "".join(decode([data], errors, label, start=offset))
    return encode("".join(convert_stream(_worker, [text], state)), errors)


def convert_parallel(
    transliterator: Any, blocks: Iterable[bytes], jobs: int, errors: str = "strict", label: str = "input",
    progress: Optional[Any] = None, part_size: int = PART,
) -> Iterator[bytes]:
    """The converted bytes of `blocks` (UTF-8), in order, from `jobs` worker processes;
    `progress(n)` is told of each n bytes done."""
    import multiprocessing

    items = parts(blocks, part_size)
    first = next(items, None)
    if first is None:
        return
    # The source is told from the first part as a stream tells it from its first chunks (none:
    # the text passes through, its UTF-8 still checked by the workers).
    source = _source_as_a_stream_tells(transliterator, first[1]) or transliterator.target
    main = transliterator._converter(source)
    arguments = transliterator.__reduce__()[1]
    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    with context.Pool(jobs, initializer=_start, initargs=(arguments, source)) as pool:
        flight: Deque[Any] = deque()
        state = main.initial_state
        for offset, data in chain([first], items):
            flight.append((pool.apply_async(_convert, ((offset, data, errors, label, state),)), len(data)))
            # The next part's state: most converters need not read this part for it.
            text = data.decode("utf-8", "surrogateescape") if main.state_reads_text else "\n"
            state = main.state_after(text, state)
            while len(flight) >= jobs * AHEAD:
                yield _done(flight, progress)
        while flight:
            yield _done(flight, progress)


def _source_as_a_stream_tells(transliterator: Any, data: bytes) -> Optional[str]:
    """The script `Transliterator.stream` reads the text as, from its first 64 KiB blocks as
    the CLI reads them: the chunks up to the first that holds a Kazakh letter (or 1 MiB)."""
    from jazu.scripts import kazakh_script
    from jazu.text.textio import READ_SIZE, decode
    from jazu.transliterator import AUTO_DETECT_LIMIT

    if transliterator.source != "auto":
        return transliterator.source  # type: ignore[no-any-return]
    held, size = [], 0
    blocks = (data[i : i + READ_SIZE] for i in range(0, len(data), READ_SIZE))
    for chunk in decode(blocks, "replace"):
        held.append(chunk)
        size += len(chunk)
        if kazakh_script(chunk) is not None or size >= AUTO_DETECT_LIMIT:
            break
    return transliterator.source_of("".join(held))  # type: ignore[no-any-return]


def _done(flight: Deque[Any], progress: Optional[Any]) -> bytes:
    result, size = flight.popleft()
    out: bytes = result.get()
    if progress is not None:
        progress(size)
    return out
