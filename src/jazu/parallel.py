"""`--jobs N`: one big input cut at line ends into parts that worker processes convert, written
out in order. The output is byte for byte that of one process: each part starts with the state
the text before it leaves (`state_after`: a line begins, or the Latin alphabet of the lines
before), which the main process works out without converting. At most two parts a worker are
in flight, so memory stays bounded (by the part size and the longest line).

On two cores the main process's share of the CPU is the workers' loss, so for a regular file it
moves no text (`convert_file_parallel`): it cuts the file by offsets, the workers read their
parts themselves and write what they convert to temporary files, which the main process copies
into the output in the kernel (`os.sendfile`). A pipe's parts go through the main process
(`convert_parallel`). Either way a worker converts its part block by block as one process
streams it: a whole part at once would allocate, and fault in, fresh pages for every copy."""

from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from itertools import accumulate, chain
from typing import Any, BinaryIO, Callable, Deque, Iterable, Iterator, List, Optional, Sequence, Tuple

PART = 4 << 20  # bytes a part holds (cut at the last line end after this many)
AHEAD = 2  # parts in flight per worker
BLOCK = 1 << 16  # bytes a worker decodes and converts at a time

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


_STOPPING = ("SIGINT", "SIGTERM")


def _quiet_signals() -> None:
    """In a worker: Ctrl-C reaches the whole process group, and the main process stops the
    pool, so a worker has nothing to say about it (no traceback of its own). The pool stops a
    worker with SIGTERM, which must kill it at once: not the main process's handler, inherited
    by fork (an exit through Python's clean-up can wait forever on the pool's queues). Both
    were blocked across the fork (`_pool`): a Ctrl-C that came meanwhile is dropped here."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [getattr(signal, name) for name in _STOPPING])


def _start(arguments: Tuple[Any, ...], source: str) -> None:
    global _worker
    from jazu.transliterator import Transliterator

    _quiet_signals()
    _worker = Transliterator(*arguments)._converter(source)


def _start_whole(arguments: Tuple[Any, ...]) -> None:
    global _worker
    from jazu.transliterator import Transliterator

    _quiet_signals()
    _worker = Transliterator(*arguments)


@contextmanager
def _pool(jobs: int, initializer: Callable[..., None], initargs: Tuple[Any, ...]) -> Iterator[Any]:
    """A pool of `jobs` workers, stopped on leaving (on an error, Ctrl-C or SIGTERM too). Ctrl-C
    and SIGTERM are held back while the workers are forked: one that came before a worker had
    set its handlers, or before the pool was made, would leave workers running that nothing
    stops (Pool's constructor cleans up after an Exception only)."""
    import multiprocessing
    import signal

    context = multiprocessing.get_context("spawn" if os.name == "nt" else "fork")
    masking = hasattr(signal, "pthread_sigmask")
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [getattr(signal, n) for n in _STOPPING]) if masking else None
    try:
        pool = context.Pool(jobs, initializer=initializer, initargs=initargs)
    except BaseException:
        if masking:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)
        raise
    try:
        if masking:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)  # a signal held back is raised here
        yield pool
    finally:
        pool.terminate()


def _converted(blocks: Iterable[bytes], errors: str, label: str, start: int, state: Any) -> Iterator[bytes]:
    """A part's blocks converted as one process streams them (`start`: the part's offset in its
    input, for the byte offset of a decoding error)."""
    from jazu.text.stream import convert_stream
    from jazu.text.textio import decode, encode

    for piece in convert_stream(_worker, decode(blocks, errors, label, start=start), state):
        yield encode(piece, errors)


def _convert(task: Tuple[int, bytes, str, str, Any]) -> bytes:
    offset, data, errors, label, state = task
    view = memoryview(data)
    blocks = (bytes(view[i : i + BLOCK]) for i in range(0, len(data), BLOCK))
    return b"".join(_converted(blocks, errors, label, offset, state))


def _read_range(path: str, start: int, end: int) -> Iterator[bytes]:
    with open(path, "rb") as f:
        for at in range(start, end, BLOCK):
            yield os.pread(f.fileno(), min(BLOCK, end - at), at)


def _convert_range(task: Tuple[str, int, int, str, str, Any, str]) -> Tuple[str, int]:
    """Convert bytes [start, end) of a file into a temporary file in `outdir`: its name and size."""
    import tempfile

    path, start, end, errors, label, state, outdir = task
    fd, name = tempfile.mkstemp(dir=outdir, suffix=".part")
    with os.fdopen(fd, "wb") as out:
        out.writelines(_converted(_read_range(path, start, end), errors, label, start, state))
        return name, out.tell()


def _convert_jsonl_range(task: Tuple[Any, ...]) -> Tuple[str, int, List[int], Optional[str]]:
    """Convert bytes [start, end) of a JSON Lines file, whose first line is line `first`, into a
    temporary file in `outdir`: its name, its size, the lines skipped (errors="skip") and the
    error that stopped it (a line that is not JSON), if any. What was converted before the
    error stays in the part, as one process would have streamed it."""
    import tempfile

    from jazu.errors import DocumentError
    from jazu.formats import lines_of
    from jazu.formats.jsonl import convert_lines
    from jazu.text.textio import decode, encode

    path, start, end, errors, label, outdir, fields, skip, first = task
    skipped: List[int] = []
    error = None
    fd, name = tempfile.mkstemp(dir=outdir, suffix=".part")
    with os.fdopen(fd, "wb") as out:
        lines = lines_of(decode(_read_range(path, start, end), errors, label, start=start))
        try:
            for line in convert_lines(lines, _worker, fields, "skip" if skip else "strict", skipped, first):
                out.write(encode(line, errors))
        except DocumentError as e:
            error = str(e)
        return name, out.tell(), skipped, error


def _count_lines_range(task: Tuple[str, int, int]) -> int:
    path, start, end = task
    return sum(block.count(b"\n") for block in _read_range(path, start, end))


def _state_text_range(task: Tuple[str, int, int]) -> str:
    """`state_text` of bytes [start, end) of a file (see `convert_file_parallel`)."""
    path, start, end = task
    with open(path, "rb") as f:
        text = os.pread(f.fileno(), end - start, start).decode("utf-8", "surrogateescape")
    return _worker.state_text(text)  # type: ignore[no-any-return]


def _check_range(task: Tuple[str, int, int, str]) -> None:
    """Raise DecodeError where bytes [start, end) of a file are not UTF-8."""
    from jazu.text.textio import decode

    path, start, end, label = task
    for _ in decode(_read_range(path, start, end), "strict", label, start=start):
        pass


def convert_parallel(
    transliterator: Any, blocks: Iterable[bytes], jobs: int, errors: str = "strict", label: str = "input",
    progress: Optional[Any] = None, part_size: int = PART,
) -> Iterator[bytes]:
    """The converted bytes of `blocks` (UTF-8), in order, from `jobs` worker processes;
    `progress(n)` is told of each n bytes done."""
    items = parts(blocks, part_size)
    first = next(items, None)
    if first is None:
        return
    # The source is told from the first part as a stream tells it from its first chunks (none:
    # the text passes through, its UTF-8 still checked by the workers).
    source = _source_as_a_stream_tells(transliterator, first[1]) or transliterator.target
    main = transliterator._converter(source)
    arguments = transliterator.__reduce__()[1]
    with _pool(jobs, _start, (arguments, source)) as pool:
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


def reads_files() -> bool:
    """Can the workers read a file by offset and the main process copy in the kernel (POSIX)?"""
    return hasattr(os, "pread") and hasattr(os, "sendfile")


def file_parts(path: str, size: int = PART) -> Iterator[Tuple[int, int]]:
    """(start, end) byte ranges of a file, each of at least `size` bytes and ending with a line
    end (the last one as it comes), found by reading only around each cut."""
    with open(path, "rb") as f:
        total = os.fstat(f.fileno()).st_size
        start = 0
        while start < total:
            end = start + size
            while end < total:
                found = os.pread(f.fileno(), BLOCK, end).find(b"\n")
                if found >= 0:
                    end += found + 1
                    break
                end += BLOCK
            end = min(end, total)
            yield start, end
            start = end


def convert_file_parallel(
    transliterator: Any, path: str, sink: BinaryIO, jobs: int, errors: str = "strict", label: str = "input",
    progress: Optional[Any] = None, check_first: bool = False, part_size: int = PART,
    jsonl: Optional[Tuple[Sequence[str], Optional[List[int]]]] = None,
) -> None:
    """Convert a regular file into `sink` with `jobs` worker processes (see the module's
    docstring). `check_first`: the workers check the whole file's UTF-8 before anything is
    written (stdout cannot take back half a file). `jsonl`: the file is JSON Lines, with these
    (fields, skipped): the dotted paths to convert, and the list that the numbers of lines that
    are not JSON are appended to (None: such a line is a DocumentError, raised after the lines
    before it are written, as one process streams them)."""
    import tempfile

    ranges = list(file_parts(path, part_size))  # a few numbers per part
    if not ranges:
        return
    arguments = transliterator.__reduce__()[1]
    if jsonl is None:
        with open(path, "rb") as f:
            first = os.pread(f.fileno(), ranges[0][1], 0)
        source = _source_as_a_stream_tells(transliterator, first) or transliterator.target
        main = transliterator._converter(source)
        initializer: Tuple[Callable[..., None], Tuple[Any, ...]] = (_start, (arguments, source))
    else:  # each string value is a text of its own: the whole Transliterator in each worker
        initializer = (_start_whole, (arguments,))
    # The directory is removed after the pool has stopped its workers (on an error, Ctrl-C or a
    # SIGTERM too: the converted parts it holds must not outlive the run).
    # (The workers, forked with that handler, put the default back first: `_quiet_signals`.)
    with terminate_as_exit(), tempfile.TemporaryDirectory(prefix="jazu-jobs-") as outdir, \
            _pool(jobs, *initializer) as pool:
        if check_first:
            pool.map(_check_range, [(path, start, end, label) for start, end in ranges])
        flight: Deque[Any] = deque()
        if jsonl is not None:
            fields, skipped = jsonl
            counts = pool.map(_count_lines_range, [(path, start, end) for start, end in ranges])
            firsts = list(accumulate([1] + counts[:-1]))  # the number of each part's first line
            for (start, end), first_line in zip(ranges, firsts):
                task = (path, start, end, errors, label, outdir, list(fields), skipped is not None, first_line)
                flight.append((pool.apply_async(_convert_jsonl_range, (task,)), end - start))
                while len(flight) >= jobs * AHEAD:
                    _append_jsonl(_done(flight, progress), sink, skipped)
            while flight:
                _append_jsonl(_done(flight, progress), sink, skipped)
            return
        # The state each part leaves: most converters need not read a part for it; one that does
        # (the Latin reader) has the workers find the line of each part that sets it.
        texts = pool.map(_state_text_range, [(path, start, end) for start, end in ranges]) if main.state_reads_text else None
        state = main.initial_state
        for i, (start, end) in enumerate(ranges):
            task = (path, start, end, errors, label, state, outdir)
            flight.append((pool.apply_async(_convert_range, (task,)), end - start))
            state = main.state_after(texts[i] if texts is not None else "\n", state)
            while len(flight) >= jobs * AHEAD:
                append_part(_done(flight, progress), sink)
        while flight:
            append_part(_done(flight, progress), sink)


def _append_jsonl(done: Tuple[str, int, List[int], Optional[str]], sink: BinaryIO, skipped: Optional[List[int]]) -> None:
    from jazu.errors import DocumentError

    name, size, skipped_here, error = done
    append_part((name, size), sink)
    if skipped is not None:
        skipped.extend(skipped_here)
    if error is not None:
        raise DocumentError(error)


def map_in_order(function: Callable[[Any, Any], Any], tasks: Iterable[Any], jobs: int, transliterator: Any) -> Iterator[Any]:
    """`function(a Transliterator like this one, task)` for each task in `jobs` worker
    processes, the results in the tasks' order, at most AHEAD tasks a worker in flight (`jazu
    --jobs` over many files: one file a task). `function` must be importable by name."""
    with _pool(jobs, _start_whole, (transliterator.__reduce__()[1],)) as pool:
        flight: Deque[Any] = deque()
        for task in tasks:
            flight.append(pool.apply_async(_call, (function, task)))
            while len(flight) >= jobs * AHEAD:
                yield flight.popleft().get()
        while flight:
            yield flight.popleft().get()


def _call(function: Callable[[Any, Any], Any], task: Any) -> Any:
    return function(_worker, task)


@contextmanager
def terminate_as_exit() -> Iterator[None]:
    """SIGTERM raises SystemExit (exit status 143) for the duration, so that the `with` blocks
    clean up; the handler before is restored after. Only the main thread can set one."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    before = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def append_part(part: Tuple[str, int], sink: BinaryIO) -> None:
    """Append a worker's temporary file (its name and size) to `sink` and remove it: in the
    kernel where it can."""
    import shutil

    name, size = part
    try:
        with open(name, "rb") as f:
            sink.flush()
            sent = _send(f.fileno(), sink, size)
            if sent < size:  # the sink takes no sendfile: through user space
                f.seek(sent)
                shutil.copyfileobj(f, sink, 1 << 20)
    finally:
        os.unlink(name)


def _send(source: int, sink: BinaryIO, size: int) -> int:
    """Bytes of `source` that os.sendfile copied to `sink` before it refused it (0: not at all)."""
    try:
        target = sink.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return 0
    if not hasattr(os, "sendfile"):
        return 0
    sent = 0
    try:
        while sent < size:
            n = os.sendfile(target, source, sent, size - sent)
            if n == 0:
                break
            sent += n
    except BrokenPipeError:
        raise  # the reader went away: the CLI's to tell
    except OSError:
        pass
    return sent


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


def _done(flight: Deque[Any], progress: Optional[Any]) -> Any:
    result, size = flight.popleft()
    out = result.get()
    if progress is not None:
        progress(size)
    return out
