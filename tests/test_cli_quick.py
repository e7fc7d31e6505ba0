"""The CLI's quick parse of the usual invocation (no typer import, for a fast start) must agree
with typer's parse of the same arguments wherever it takes them."""

from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any, Dict, List
from unittest import mock

import typer
from hypothesis import given, settings
from hypothesis import strategies as st

from jazu import cli

TOKENS = [
    "--to", "-t", "--from", "-f", "--tables", "--case", "--output", "-o", "--errors", "--format", "--profile",
    "--digits", "--lexicon", "--quiet", "-q", "--jobs", "-j", "--field", "--in-place", "--help", "--", "-",
    "--to=arab", "--from=cyrl", "--to=", "-t=arab", "-tarab", "--quiet=1", "-qt", "--tab", "arab", "cyrl", "latn",
    "kk-Arab", "4", "2", "lower", "html", "a.txt", "b.html", "-x", "", "=", "--=x",
]
DEFAULTS = {name: p.default for name, p in inspect.signature(cli.convert_command).parameters.items()}


def _typer_parse(args: List[str]) -> Dict[str, Any]:
    recorded: Dict[str, Any] = {}
    with mock.patch.object(cli, "convert_command", lambda **kw: recorded.update(kw) or 0):
        command = typer.main.get_command(cli._build_app(typer))
        command.main(args=list(args), prog_name="jazu", standalone_mode=False)
    return recorded


def _normal(options: Dict[str, Any]) -> Dict[str, Any]:
    full = dict(DEFAULTS, **options)
    full["files"] = list(full["files"] or []) or None  # typer may give [] or None for "none"
    full["field"] = list(full["field"] or []) or None
    return full


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=7))
def test_quick_parse_takes_only_what_typer_parses_alike(args: List[str]) -> None:
    quick = cli.quick_parse(args)
    if quick is None:
        return  # typer parses it (or reports the mistake)
    assert _normal(_typer_parse(args)) == _normal(quick)


def test_the_usual_invocations_are_parsed_quickly() -> None:
    for args in (
        ["--to", "arab"], ["--to=cyrl", "-"], ["-t", "latn", "-f", "arab", "a.txt", "b.txt"],
        ["--to", "arab", "--profile", "xinjiang", "--digits", "arabic", "-q"], ["--tables", "3", "--to", "cyrl"],
    ):
        quick = cli.quick_parse(args)
        assert quick is not None, args
        assert _normal(_typer_parse(args)) == _normal(quick)


def test_anything_else_goes_to_typer() -> None:
    for args in (
        ["--help"], ["--to"], ["--to", "arab", "--to", "cyrl"], ["-tarab"], ["--to", "arab", "--", "-x"],
        ["--to", "arab", "--jobs", "2"], ["--to", "-"], ["--to", ""], ["--list-tables"], ["-t=arab"],
        ["--quiet=1", "--to", "arab"], ["--to", "arab", "-x.txt"], ["serve"], ["serve", "--lexicon", "words.tsv"],
    ):
        assert cli.quick_parse(args) is None, args


def test_serve_is_a_command_not_a_file() -> None:
    """`jazu serve` with no option, or only options the quick parse knows, is still the server."""
    done = subprocess.run([sys.executable, "-m", "jazu", "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--host" in done.stdout and "--lexicon" in done.stdout
    done = subprocess.run([sys.executable, "-m", "jazu", "serve", "--to", "arab"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "No such option: --to" in done.stderr
