"""The `jazu` command: a Unix filter like iconv. Thin: it parses options, moves bytes, and
reports user mistakes as one line on stderr; all conversion logic lives in the library."""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PROGRESS_BYTES = 16 << 20  # inputs this big get a progress bar (on a terminal)


def main(argv: Optional[List[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        # Fast path: no typer, no tables.
        from jazu import __version__

        sys.stdout.write(f"jazu {__version__}\n")
        sys.exit(0)
    sys.exit(run(args))


def run(args: List[str]) -> int:
    quick = quick_parse(args)
    if quick is not None:
        return _run_quick(quick)
    os.environ.setdefault("TYPER_USE_RICH", "0")  # plain, one-line errors, and a quicker start
    import typer

    from jazu.errors import JazuError

    if args[:1] == ["serve"]:  # `jazu serve …`: the web page and the HTTP API
        app, args, name = _serve_app(typer), args[1:], "jazu serve"
    else:
        app, name = _build_app(typer), "jazu"
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name=name, standalone_mode=False)
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        return EXIT_INTERRUPTED
    except typer.TyperException as e:
        message = e.format_message() if hasattr(e, "format_message") else str(e)
        _error(f"{message} (see jazu --help)")
        return EXIT_USAGE
    except JazuError as e:
        _error(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else 0


def _run_quick(options: Dict[str, Any]) -> int:
    from jazu.errors import JazuError

    try:
        return convert_command(**options)
    except JazuError as e:
        _error(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _error(message: str) -> None:
    sys.stderr.write(f"jazu: {message}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    # The reader went away (`jazu … | head -1`): point stdout at devnull so the interpreter's
    # final flush does not complain.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def _serve_app(typer):  # type: ignore[no-untyped-def]
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.command(context_settings={"help_option_names": ["-h", "--help"]})
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
        port: int = typer.Option(8000, "--port", help="Port to listen on."),
        lexicon: Optional[str] = typer.Option(None, "--lexicon", metavar="FILE", help="A user lexicon read ahead of the shipped one."),
    ) -> int:
        """Serve the web page (/) and the HTTP API (/v1/convert, /v1/explain, /v1/convert-file, /docs)."""
        from jazu.errors import JazuError

        from importlib.util import find_spec

        if find_spec("starlette") is None or find_spec("uvicorn") is None or find_spec("multipart") is None:
            raise JazuError("jazu serve needs its extra: pip install 'jazu[serve]'")
        from jazu.serve import serve as run_server

        if lexicon is not None:
            from pathlib import Path

            from jazu.tableset.load import parse_user_lexicon

            parse_user_lexicon(Path(lexicon))  # a bad file is an error now, not at the first request
        run_server(host, port, lexicon)
        return 0

    return app


def _build_app(typer):  # type: ignore[no-untyped-def]
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.command(context_settings={"help_option_names": ["-h", "--help"]})
    def convert(
        files: List[str] = typer.Argument(None, metavar="[FILE]...", help="Input files; none or - reads stdin."),
        to: Optional[str] = typer.Option(None, "--to", "-t", help="Target script: arab, cyrl, latn (or kk-Arab, kk-Cyrl, kk-Latn)."),
        source: str = typer.Option("auto", "--from", "-f", help="Source script: auto, arab, cyrl, latn."),
        tables: Optional[str] = typer.Option(None, "--tables", help="Table version (default: the newest)."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
        case: str = typer.Option("restore", "--case", help="Output read from Arabic or Latin: restore (capitals) or lower."),
        errors: str = typer.Option("strict", "--errors", help="Invalid UTF-8: strict (stop), replace (U+FFFD), surrogateescape (keep the bytes); skip: a JSONL line that is not JSON passes through (UTF-8 strict)."),
        fmt: str = typer.Option("auto", "--format", help="auto (by extension, then content), text, html, xml, jsonl, srt, vtt, md, docx."),
        field: Optional[List[str]] = typer.Option(None, "--field", metavar="PATH", help="JSONL: convert this field (dotted path; repeatable; default: every string)."),
        jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes for big text files (0: one per core); same output."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
        in_place: bool = typer.Option(False, "--in-place", help="Replace each FILE by its conversion (atomically)."),
        backup: Optional[str] = typer.Option(None, "--backup", metavar="SUFFIX", help="With --in-place: keep the original as FILE+SUFFIX."),
        suffix: Optional[str] = typer.Option(None, "--suffix", metavar="SUFFIX", help="Write each FILE's conversion to FILE+SUFFIX."),
        lexicon: Optional[str] = typer.Option(None, "--lexicon", metavar="FILE", help="Your own words (word<TAB>spelling lines), read first."),
        profile: str = typer.Option("kazinform", "--profile", help="Arabic output: kazinform (house style), unicode (hamza U+0674), xinjiang."),
        digits: str = typer.Option("ascii", "--digits", help="Arabic output digits: ascii (0-9) or arabic (۰-۹)."),
        list_tables: bool = typer.Option(False, "--list-tables", help="List the shipped table versions and exit."),
        list_profiles: bool = typer.Option(False, "--list-profiles", help="List the Arabic output profiles of the table version and exit."),
        version: bool = typer.Option(False, "--version", help="Print the version and exit."),
    ) -> int:
        """Convert Kazakh text between the Arabic, Cyrillic and Latin (2021) scripts.

        Text in neither script, and anything that is not a Kazakh word, passes through unchanged.
        """
        return convert_command(
            files=files, to=to, source=source, tables=tables, output=output, case=case, errors=errors, fmt=fmt,
            field=field, jobs=jobs, quiet=quiet, in_place=in_place, backup=backup, suffix=suffix, lexicon=lexicon,
            profile=profile, digits=digits, list_tables=list_tables, list_profiles=list_profiles, version=version,
        )

    return app


def convert_command(
    files: Optional[List[str]] = None, to: Optional[str] = None, source: str = "auto", tables: Optional[str] = None,
    output: Optional[str] = None, case: str = "restore", errors: str = "strict", fmt: str = "auto",
    field: Optional[List[str]] = None, jobs: int = 1, quiet: bool = False, in_place: bool = False,
    backup: Optional[str] = None, suffix: Optional[str] = None, lexicon: Optional[str] = None,
    profile: str = "kazinform", digits: str = "ascii", list_tables: bool = False, list_profiles: bool = False,
    version: bool = False,
) -> int:
    """The `jazu` command with its options parsed (by typer, or by `quick_parse`); the defaults
    are the options' defaults."""
    from jazu import __version__

    if version:
        sys.stdout.write(f"jazu {__version__}\n")
        return 0
    if list_tables:
        return _list_tables()
    if list_profiles:
        return _list_profiles(tables)
    if to is None:
        _error("missing --to (arab, cyrl or latn) (see jazu --help)")
        return EXIT_USAGE
    from jazu.transliterator import Transliterator

    transliterator = Transliterator(
        source=source, target=to, tables=tables, case=case, lexicon=lexicon, profile=profile, digits=digits
    )
    inputs = files or ["-"]
    plan = Plan(output, errors, in_place, backup, suffix, fmt, field or [], jobs, quiet)
    plan.check(inputs)
    from jazu.parallel import terminate_as_exit

    try:
        with terminate_as_exit():  # SIGTERM unwinds as an exit: no half-written temporary file left
            return _convert_files(transliterator, inputs, plan)
    except BrokenPipeError:
        # The reader went away (`jazu … | head -1`): that is not an error of ours.
        _silence_stdout()
        return 0


# The usual invocation, `jazu --to X [--from Y] [FILE]...`, parsed without typer: importing typer
# alone takes 50-60 ms, half of what a one-word pipe may take. Only these options, each given
# once, as `--name value`, `--name=value` or `-n value`, with values and files that do not start
# with "-" (stdin's "-" aside); anything else goes to typer (a property test checks that both
# parse what this one takes alike).
QUICK_OPTIONS = {
    "--to": "to", "-t": "to", "--from": "source", "-f": "source", "--tables": "tables", "--case": "case",
    "--output": "output", "-o": "output", "--errors": "errors", "--format": "fmt", "--profile": "profile",
    "--digits": "digits", "--lexicon": "lexicon",
}
QUICK_FLAGS = {"--quiet": "quiet", "-q": "quiet"}


def quick_parse(args: List[str]) -> Optional[Dict[str, Any]]:
    """`convert_command`'s arguments for `args`, or None where typer must parse them."""
    if args[:1] == ["serve"]:  # a command of its own, not a file named serve
        return None
    parsed: Dict[str, Any] = {}
    files: List[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            files.append(arg)
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        key = QUICK_FLAGS.get(name)
        if key is not None and not eq:
            value_of: Any = True
        else:
            key = QUICK_OPTIONS.get(name)
            if key is None:
                return None
            if not eq:
                if i == len(args):
                    return None
                value, i = args[i], i + 1
            if not value or value.startswith("-"):
                return None
            value_of = value
        if key in parsed:
            return None
        parsed[key] = value_of
    if files:
        parsed["files"] = files
    return parsed


class Plan:
    """Where each input's output goes, checked before anything is read or written."""

    def __init__(
        self, output: Optional[str], errors: str, in_place: bool, backup: Optional[str], suffix: Optional[str],
        fmt: str = "auto", fields: Optional[List[str]] = None, jobs: int = 1, quiet: bool = False,
    ) -> None:
        from jazu.parallel import jobs_count

        from jazu.formats import check_format
        from jazu.text.textio import check_errors

        self.output = None if output in (None, "-") else output
        # skip is JSONL's: a line that is not JSON passes through; its UTF-8 is read strictly.
        self.skip = errors == "skip"
        self.errors = "strict" if self.skip else check_errors(errors)
        self.in_place, self.backup, self.suffix = in_place, backup, suffix
        self.format = check_format(fmt)
        self.fields = list(fields or [])
        self.jobs = jobs_count(jobs)
        self.quiet = quiet

    def check(self, inputs: List[str]) -> None:
        from jazu.errors import JazuError

        modes = sum(bool(x) for x in (self.output, self.in_place, self.suffix))
        if modes > 1:
            raise JazuError("choose one of -o, --in-place and --suffix")
        if self.backup and not self.in_place:
            raise JazuError("--backup goes with --in-place")
        if (self.in_place or self.suffix) and "-" in inputs:
            raise JazuError("--in-place and --suffix need files, not stdin")
        if self.suffix is not None and not self.suffix:
            raise JazuError("--suffix needs a non-empty suffix")
        if self.output:
            for name in inputs:
                if name != "-" and _same_file(name, self.output):
                    raise JazuError(f"-o {self.output!r} is also an input: use --in-place to replace a file")
        extra = self.suffix if self.suffix else (self.backup if self.in_place else None)
        if extra:
            for name in inputs:
                clash = next((other for other in inputs if _same_file(name + extra, other)), None)
                if clash is not None:
                    what = "--suffix" if self.suffix else "--backup"
                    raise JazuError(f"{what} would write {name + extra!r}, which is also an input")


def _same_file(a: str, b: str) -> bool:
    if os.path.exists(a) and os.path.exists(b):
        return os.path.samefile(a, b)
    return os.path.realpath(a) == os.path.realpath(b)


def _list_tables() -> int:
    from jazu.tableset.load import available_versions, parse_table, tables_root, version_digest

    versions = available_versions()
    for name in versions:
        status = parse_table(tables_root() / name / "writer.tsv", "writer", name).meta_value("status")
        newest = "  (default)" if name == versions[-1] else ""
        sys.stdout.write(f"{name}\t{status}\t{version_digest(name)[:12]}{newest}\n")
    return 0


def _list_profiles(tables: Optional[str]) -> int:
    from jazu.graph import profiles
    from jazu.tableset.load import resolve_version

    version = resolve_version(tables)
    for i, name in enumerate(profiles(version)):
        sys.stdout.write(f"{name}{'  (default)' if i == 0 else ''}\n")
    return 0


def _convert_files(transliterator, files: List[str], plan: "Plan") -> int:  # type: ignore[no-untyped-def]
    """Convert every input; a failing one is reported and the others still run. Outputs are
    atomic: a file appears (or is replaced) only when its conversion is complete."""
    from jazu.errors import JazuError
    from jazu.text.textio import AtomicFile

    if plan.jobs > 1 and len(files) > 1 and "-" not in files:
        return _convert_files_parallel(transliterator, files, plan)
    shared = AtomicFile(plan.output) if plan.output else None
    failed = 0
    try:
        for name in files:
            target = None
            try:
                if plan.in_place or plan.suffix:
                    target = AtomicFile(name if plan.in_place else name + plan.suffix)
                    sink = target.file
                else:
                    sink = shared.file if shared else sys.stdout.buffer
                # stdout cannot take back half a file: a file's UTF-8 is checked first
                check_first = plan.errors == "strict" and sink is sys.stdout.buffer and _is_regular_file(name)
                mark = sink.tell() if shared else None  # type: ignore[union-attr]
                try:
                    _convert_one(transliterator, name, sink, plan, sink is sys.stdout.buffer, check_first)
                except JazuError:
                    if mark is not None:  # drop the failed file's part from the shared output
                        sink.seek(mark)  # type: ignore[union-attr]
                        sink.truncate()  # type: ignore[union-attr]
                    raise
                if target is not None:
                    if plan.in_place and plan.backup:
                        _copy(name, name + plan.backup)
                    target.commit()
            except JazuError as e:
                _error(str(e))
                failed += 1
            finally:
                if target is not None:
                    target.discard()
        _finish(shared, failed == len(files))
    finally:
        if shared is not None:
            shared.discard()  # interrupted: leave no partial output file behind
    return EXIT_FAILED if failed else 0


def _convert_files_parallel(transliterator, files: List[str], plan: "Plan") -> int:  # type: ignore[no-untyped-def]
    """`--jobs` over many files: one file a task in the worker processes (`_file_task`), the
    outputs and the errors taken in the files' order, so stdout, the `-o` file and stderr are
    those of one process. A file's own output (--in-place, --suffix) is written by its worker;
    for stdout and `-o` a worker writes a temporary part, appended here in order."""
    import copy
    import tempfile
    from contextlib import ExitStack

    from jazu.parallel import append_part, map_in_order, terminate_as_exit
    from jazu.text.textio import AtomicFile

    one = copy.copy(plan)  # what a worker does with its file: no pool, no progress bar of its own
    one.jobs, one.quiet = 1, True
    own = bool(plan.in_place or plan.suffix)
    shared = AtomicFile(plan.output) if plan.output else None
    sink = shared.file if shared else sys.stdout.buffer
    # The workers' own temporary files beside their outputs carry this run's tag: a worker
    # stopped by Ctrl-C or SIGTERM cannot remove its file, so this process does.
    tag = f"{os.getpid()}-{os.urandom(4).hex()}-"
    failed = 0
    try:
        with ExitStack() as stack:
            stack.enter_context(terminate_as_exit())
            if own:
                stack.callback(_remove_tagged, files, plan, tag)
            outdir = None if own else stack.enter_context(tempfile.TemporaryDirectory(prefix="jazu-jobs-"))
            advance = _progress("files", _total_size(files), plan, stack)
            tasks = [(name, one, outdir, shared is None, tag) for name in files]
            results = map_in_order(_file_task, tasks, plan.jobs, transliterator)
            stack.callback(results.close)  # the workers stop before their files are removed
            for name, (part, error) in zip(files, results):
                if part is not None:
                    append_part(part, sink)
                if error is not None:
                    _error(error)
                    failed += 1
                if advance is not None:
                    advance(_size(name))
        _finish(shared, failed == len(files))
    finally:
        if shared is not None:
            shared.discard()  # interrupted: leave no partial output file behind
    return EXIT_FAILED if failed else 0


def _finish(shared: Any, all_failed: bool) -> None:
    """The -o file (an AtomicFile, or None): it appears if any input converted, else not at all."""
    if shared is not None:
        if all_failed:
            shared.discard()
        else:
            shared.commit()


def _file_task(transliterator, task):  # type: ignore[no-untyped-def]
    """One file of `_convert_files_parallel`, in a worker: into its own output (--in-place,
    --suffix; `outdir` None) or a temporary part in `outdir`. Returns (the part's name and size,
    or None; the error message, or None). Bound for stdout, a failed file's part keeps what one
    process would have written before the error (a JSONL file's lines before a bad one)."""
    import tempfile

    from jazu.errors import JazuError
    from jazu.text.textio import AtomicFile

    name, plan, outdir, to_stdout, tag = task
    target = None
    try:
        if outdir is None:
            target = AtomicFile(name if plan.in_place else name + plan.suffix, tag)
            _convert_one(transliterator, name, target.file, plan, False)
            if plan.in_place and plan.backup:
                _copy(name, name + plan.backup)
            target.commit()
            return None, None
        check_first = to_stdout and plan.errors == "strict" and _is_regular_file(name)
        fd, part = tempfile.mkstemp(dir=outdir, suffix=".part")
        error = None
        with os.fdopen(fd, "wb") as out:
            try:
                _convert_one(transliterator, name, out, plan, False, check_first)
            except JazuError as e:
                error = str(e)
            size = out.tell()
        if error is not None and not to_stdout:  # -o drops a failed file's part, as one process does
            os.unlink(part)
            return None, error
        return (part, size), error
    except JazuError as e:
        return None, str(e)
    finally:
        if target is not None:
            target.discard()


def _remove_tagged(files: List[str], plan: "Plan", tag: str) -> None:
    """Remove the temporary files of this run's workers left beside the outputs (a worker
    stopped mid-file); a finished run leaves none."""
    import glob

    directories = {os.path.dirname(os.path.realpath(name if plan.in_place else name + plan.suffix)) for name in files}
    for directory in directories:
        for leftover in glob.glob(os.path.join(glob.escape(directory), f".jazu-{tag}*.tmp")):
            try:
                os.unlink(leftover)
            except OSError:
                pass


def _total_size(files: List[str]) -> int:
    return sum(_size(name) for name in files)


def _size(name: str) -> int:
    try:
        return os.path.getsize(name)
    except OSError:
        return 0


def _convert_one(transliterator, name: str, sink, plan: "Plan", flush: bool, check_first: bool = False) -> None:  # type: ignore[no-untyped-def]
    from contextlib import ExitStack
    from itertools import chain

    from jazu.errors import DocumentError, JazuError
    from jazu.formats import (
        BINARY, EXTENSIONS, convert_bytes, convert_document, convert_jsonl_lines, detect_bytes, lines_of,
    )
    from jazu.text.textio import decode, encode, read_blocks

    label = "<stdin>" if name == "-" else name
    errors = plan.errors
    try:
        stream = sys.stdin.buffer if name == "-" else open(name, "rb")
    except OSError as e:
        raise JazuError(f"cannot read {name!r}: {e.strerror}") from None
    stack = ExitStack()
    try:
        blocks = read_blocks(stream)
        fmt = plan.format
        if fmt == "auto":
            fmt = EXTENSIONS.get(os.path.splitext(name)[1].lower(), "") if name != "-" else ""
            if not fmt:  # by content: the first block tells
                first = next(blocks, b"")
                fmt = detect_bytes(None, first)
                blocks = chain([first], blocks)
        parallel_file = fmt in ("text", "jsonl") and plan.jobs > 1 and _is_regular_file(name) and _reads_files()
        if check_first and not parallel_file:  # (the workers check their parts themselves)
            _validate(name)
        if fmt in BINARY:  # read whole, as bytes
            sink.write(convert_bytes(b"".join(blocks), fmt, transliterator))
            return
        advance = _progress(name, None, plan, stack)
        skipped: List[int] = []
        if parallel_file:  # the workers read it themselves
            from jazu.parallel import convert_file_parallel

            jsonl = (plan.fields, skipped if plan.skip else None) if fmt == "jsonl" else None
            convert_file_parallel(transliterator, name, sink, plan.jobs, errors, label, advance, check_first, jsonl=jsonl)
            _report_skipped(label, skipped)
            return
        if fmt == "text" and plan.jobs > 1:
            from jazu.parallel import convert_parallel

            for converted in convert_parallel(transliterator, blocks, plan.jobs, errors, label, advance):
                sink.write(converted)
            return
        if advance is not None:
            blocks = _counted(blocks, advance)
        chunks = decode(blocks, errors, label)
        if fmt == "text":  # streamed: memory stays flat, and a pipe sees each line at once
            pieces = transliterator.stream(chunks)
        elif fmt == "jsonl":  # streamed line by line
            pieces = convert_jsonl_lines(lines_of(chunks), transliterator, plan.fields, "skip" if plan.skip else "strict", skipped)
        else:  # a document is converted whole: its parts are read together
            pieces = iter([convert_document("".join(chunks), fmt, transliterator)])
        for piece in pieces:
            sink.write(encode(piece, errors))
            if flush:
                sink.flush()  # a pipe reader sees each line as soon as it is converted
        _report_skipped(label, skipped)
    except OSError as e:
        if isinstance(e, BrokenPipeError):
            raise
        raise JazuError(f"{label}: {e.strerror}") from None
    except DocumentError as e:
        raise DocumentError(f"{label}: {e}") from None
    finally:
        stack.close()
        if stream is not sys.stdin.buffer:
            stream.close()


def _progress(name: str, size: Optional[int], plan: "Plan", stack: Any) -> Optional[Callable[[int], None]]:
    """A progress bar on stderr (rich's) for a long conversion: `size` bytes (None: the size of
    the file `name`) of PROGRESS_BYTES or more, stderr a terminal, no --quiet. Returns what
    advances it by a number of bytes, or None."""
    if plan.quiet or name == "-" or not sys.stderr.isatty():
        return None
    if size is None:
        try:
            size = os.path.getsize(name)
        except OSError:
            return None
    if size < PROGRESS_BYTES:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    bar = stack.enter_context(Progress(
        "{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ))
    task = bar.add_task(os.path.basename(name), total=size)
    return lambda n: bar.advance(task, n)


def _report_skipped(label: str, skipped: List[int]) -> None:
    """JSONL with --errors skip: how many lines were not JSON, and which (the first ten)."""
    if skipped:
        shown = ", ".join(map(str, skipped[:10])) + (", ..." if len(skipped) > 10 else "")
        _error(f"{label}: {len(skipped)} line{'s' if len(skipped) > 1 else ''} not JSON, passed through unchanged (line {shown})")


def _counted(blocks: Iterable[bytes], advance: Callable[[int], None]) -> Iterator[bytes]:
    for block in blocks:
        yield block
        advance(len(block))


def _reads_files() -> bool:
    from jazu.parallel import reads_files

    return reads_files()


def _is_regular_file(name: str) -> bool:
    """A file that can be read twice (not stdin, a pipe, a FIFO or a device)."""
    import stat

    try:
        return name != "-" and stat.S_ISREG(os.stat(name).st_mode)
    except OSError:
        return False


def _validate(name: str) -> None:
    from jazu.errors import JazuError
    from jazu.text.textio import decode, read_blocks

    try:
        with open(name, "rb") as f:
            for _ in decode(read_blocks(f), "strict", name):
                pass
    except OSError as e:
        raise JazuError(f"cannot read {name!r}: {e.strerror}") from None


def _copy(source: str, backup: str) -> None:
    import shutil

    from jazu.errors import JazuError

    try:
        shutil.copy2(source, backup)
    except OSError as e:
        raise JazuError(f"cannot write the backup {backup!r}: {e.strerror}") from None
