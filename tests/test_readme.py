"""The README's examples are run as they are written: the Python ones as doctests, the shell
ones (`$ … | jazu …` and the lines under them) through the installed command."""

from __future__ import annotations

import doctest
import re
import subprocess

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_examples() -> None:
    block = re.search(r"### Python\n```python\n(.*?)```", README, re.S)
    assert block, "the README has a Python example block"
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.group(1), {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 5


def _shell_examples():  # type: ignore[no-untyped-def]
    block = re.search(r"### Command line\n```\n.*?```\n.*?\n```\n(.*?)```", README, re.S)
    assert block, "the README has a shell example block"
    for example in block.group(1).strip().split("\n\n"):
        command, *expected = example.split("\n")
        yield command[2:], "\n".join(expected)


@pytest.mark.parametrize("command,expected", list(_shell_examples()))
def test_shell_examples(command: str, expected: str, jazu_exe: str) -> None:
    command = re.sub(r"(^|\| )jazu ", lambda m: f"{m.group(1)}{jazu_exe} ", command)
    out = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, timeout=60, executable="/bin/bash")
    got = (out.stdout + out.stderr).decode().rstrip("\n")
    assert got == expected
