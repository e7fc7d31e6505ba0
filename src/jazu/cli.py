"""The `jazu` command: a Unix filter like iconv. Thin: it parses options, moves bytes, and
reports user mistakes as one line on stderr; all conversion logic lives in the library."""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from typing import BinaryIO, Iterator, List, Optional

READ_SIZE = 1 << 16
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class InputError(Exception):
    """A file that could not be read or decoded: reported, and the other files still run."""


def main(argv: Optional[List[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        # Fast path: no typer, no tables.
        from . import __version__

        sys.stdout.write(f"jazu {__version__}\n")
        sys.exit(0)
    sys.exit(run(args))


def run(args: List[str]) -> int:
    os.environ.setdefault("TYPER_USE_RICH", "0")  # plain, one-line errors, and a quicker start
    import typer

    from .errors import JazuError

    command = typer.main.get_command(_build_app(typer))
    try:
        result = command.main(args=args, prog_name="jazu", standalone_mode=False)
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
    except BrokenPipeError:
        _silence_stdout()
        return 0
    return result if isinstance(result, int) else 0


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


def _build_app(typer):  # type: ignore[no-untyped-def]
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.command(context_settings={"help_option_names": ["-h", "--help"]})
    def convert(
        files: List[str] = typer.Argument(None, metavar="[FILE]...", help="Input files; none or - reads stdin."),
        to: Optional[str] = typer.Option(None, "--to", "-t", help="Target script: arab, cyrl (or kk-Arab, kk-Cyrl)."),
        source: str = typer.Option("auto", "--from", "-f", help="Source script: auto, arab, cyrl."),
        tables: Optional[str] = typer.Option(None, "--tables", help="Table version (default: the newest)."),
        output: Optional[str] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
        case: str = typer.Option("restore", "--case", help="Cyrillic output: restore (capitals) or lower."),
        list_tables: bool = typer.Option(False, "--list-tables", help="List the shipped table versions and exit."),
        version: bool = typer.Option(False, "--version", help="Print the version and exit."),
    ) -> int:
        """Convert Kazakh text between the Arabic and Cyrillic scripts.

        Text in neither script, and anything that is not a Kazakh word, passes through unchanged.
        """
        from . import __version__

        if version:
            sys.stdout.write(f"jazu {__version__}\n")
            return 0
        if list_tables:
            return _list_tables()
        if to is None:
            _error("missing --to (arab or cyrl) (see jazu --help)")
            return EXIT_USAGE
        from .transliterator import Transliterator

        transliterator = Transliterator(source=source, target=to, tables=tables, case=case)
        return _convert_files(transliterator, files or ["-"], output)

    return app


def _list_tables() -> int:
    from .tables import available_versions, load_tableset

    versions = available_versions()
    for name in versions:
        ts = load_tableset(name)
        status = ts.writer.meta_value("status")
        newest = "  (default)" if name == versions[-1] else ""
        sys.stdout.write(f"{name}\t{status}\t{ts.digest[:12]}{newest}\n")
    return 0


def _convert_files(transliterator, files: List[str], output: Optional[str]) -> int:  # type: ignore[no-untyped-def]
    sink, tmp = _open_output(output)
    failed = 0
    try:
        for name in files:
            try:
                for piece in transliterator.stream(_decoded(name)):
                    sink.write(piece.encode("utf-8"))
                    if tmp is None:
                        sink.flush()  # a pipe reader sees each line as soon as it is converted
            except InputError as e:
                _error(str(e))
                failed += 1
        if tmp is not None:
            sink.close()
            if failed == len(files):
                os.unlink(tmp)
            else:
                os.replace(tmp, output)  # type: ignore[arg-type]
            tmp = None
    finally:
        if tmp is not None:  # interrupted or failed: leave no partial output file behind
            sink.close()
            try:
                os.unlink(tmp)
            except OSError:
                pass
    return EXIT_FAILED if failed else 0


def _open_output(output: Optional[str]):  # type: ignore[no-untyped-def]
    if output is None or output == "-":
        return sys.stdout.buffer, None
    directory = os.path.dirname(os.path.abspath(output))
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".jazu-", suffix=".tmp")
    except OSError as e:
        from .errors import JazuError

        raise JazuError(f"cannot write {output!r}: {e.strerror}") from None
    return os.fdopen(fd, "wb"), tmp


def _decoded(name: str) -> Iterator[str]:
    """The text of one input, decoded incrementally; invalid UTF-8 names the byte offset."""
    label = "<stdin>" if name == "-" else name
    stream: BinaryIO
    if name == "-":
        stream = sys.stdin.buffer
        read = getattr(stream, "read1", stream.read)
        close = False
    else:
        try:
            stream = open(name, "rb")
        except OSError as e:
            raise InputError(f"cannot read {name!r}: {e.strerror}") from None
        read = stream.read
        close = True
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    offset = 0
    try:
        while True:
            try:
                block = read(READ_SIZE)
            except OSError as e:
                raise InputError(f"cannot read {label!r}: {e.strerror}") from None
            held = len(decoder.getstate()[0])
            try:
                text = decoder.decode(block, final=not block)
            except UnicodeDecodeError as e:
                raise InputError(f"{label}: invalid UTF-8 at byte {offset - held + e.start}") from None
            offset += len(block)
            if text:
                yield text
            if not block:
                return
    finally:
        if close:
            stream.close()
