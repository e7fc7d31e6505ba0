"""The installed `jazu` command, run through real subprocess pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

import jazu
from conftest import SEED_ARAB, read


def run(exe: str, args: List[str], data: bytes = b"", **kw) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *args], input=data, capture_output=True, timeout=60, **kw)


def test_pipe_cyrl_to_arab(jazu_exe: str) -> None:
    out = run(jazu_exe, ["--to", "arab"], "Қазақстан Республикасы\n".encode())
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode() == "قازاقستان رەسپۋبليكاسى\n"
    assert out.stderr == b""


def test_file_arab_to_cyrl_matches_the_api(jazu_exe: str) -> None:
    out = run(jazu_exe, ["--to", "cyrl", str(SEED_ARAB)])
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode() == jazu.transliterate(read(SEED_ARAB), target="cyrl")


def test_stdin_dash_and_several_files_in_order(jazu_exe: str, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("біз\n", encoding="utf-8")
    b.write_text("сіз\n", encoding="utf-8")
    out = run(jazu_exe, ["--to", "arab", str(a), "-", str(b)], "ол\n".encode())
    assert out.stdout.decode() == "ءبىز\nول\nءسىز\n"


def test_bytes_pass_through_exactly(jazu_exe: str) -> None:
    data = "\ufeffБіз\r\nкелдік\rHello\u00a0world\t😀\n\nсоңы".encode()
    out = run(jazu_exe, ["--to", "arab", "--from", "cyrl"], data)
    assert out.stdout == "\ufeffءبىز\r\nكەلدىك\rHello\u00a0world\t😀\n\nسوڭى".encode()


def test_output_file_is_written(jazu_exe: str, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    out = run(jazu_exe, ["--to", "cyrl", "-o", str(target), str(SEED_ARAB)])
    assert out.returncode == 0 and out.stdout == b""
    assert read(target) == jazu.transliterate(read(SEED_ARAB), target="cyrl")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


@pytest.mark.parametrize(
    "args,message,status",
    [
        (["--to", "greek"], "jazu: unknown script 'greek'", 2),
        (["--to", "arab", "--tables", "77"], "jazu: unknown table version '77'; known versions: 1, 2", 2),
        (["--to", "arab", "no/such/file.txt"], "jazu: cannot read 'no/such/file.txt': No such file or directory", 1),
        (["--to", "latn", "--tables", "2"], "jazu: Latin output needs the Latin tables of version 4", 2),
        (["--to", "cyrl", "--from", "cyrl"], "", 0),
        (["--bogus"], "jazu: No such option: --bogus", 2),
        ([], "jazu: missing --to", 2),
    ],
)
def test_user_mistakes_give_one_line(jazu_exe: str, args: List[str], message: str, status: int) -> None:
    out = run(jazu_exe, args, "біз".encode())
    err = out.stderr.decode()
    assert out.returncode == status
    assert err.startswith(message)
    assert err.count("\n") == (1 if message else 0) and "Traceback" not in err


def test_invalid_utf8_names_the_offset_and_leaves_no_file(jazu_exe: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("біз\n".encode() + b"\xff\n")
    target = tmp_path / "out.txt"
    out = run(jazu_exe, ["--to", "arab", "-o", str(target), str(bad)])
    assert out.returncode == 1
    assert out.stderr.decode() == f"jazu: {bad}: invalid UTF-8 at byte 7\n"
    assert not target.exists() and [p.name for p in tmp_path.iterdir()] == ["bad.txt"]


def test_a_failing_file_does_not_stop_the_others(jazu_exe: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("біз\n", encoding="utf-8")
    out = run(jazu_exe, ["--to", "arab", str(tmp_path / "missing.txt"), str(good)])
    assert out.returncode == 1
    assert out.stdout.decode() == "ءبىز\n"
    assert "missing.txt" in out.stderr.decode()


def test_version_list_tables_and_module_entry(jazu_exe: str) -> None:
    out = run(jazu_exe, ["--version"])
    assert out.stdout.decode() == f"jazu {jazu.__version__}\n"
    out = run(jazu_exe, ["--list-tables"])
    lines = out.stdout.decode().splitlines()
    assert out.returncode == 0 and [line.split("\t")[0] for line in lines] == list(jazu.available_tables())
    assert lines[-1].endswith("(default)")
    out = subprocess.run([sys.executable, "-m", "jazu", "--to", "arab"], input="ол".encode(), capture_output=True)
    assert out.stdout.decode() == "ول"


def test_large_input_streams_through_a_pipe(jazu_exe: str) -> None:
    line = read(SEED_ARAB).replace("\n", " ")
    data = ((line + "\n") * 200).encode()  # ~2 MB, many chunks
    out = run(jazu_exe, ["--to", "cyrl"], data)
    assert out.returncode == 0
    assert out.stdout.decode() == jazu.transliterate(data.decode(), target="cyrl")


def test_closed_pipe_is_quiet(jazu_exe: str) -> None:
    data = ("біз келдік\n" * 200_000).encode()
    proc = subprocess.Popen(
        f'"{jazu_exe}" --to arab | head -1', shell=True, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    stdout, stderr = proc.communicate(data, timeout=60)
    assert stdout.decode() == "ءبىز كەلدىك\n"
    assert stderr == b""


def test_interactive_lines_come_out_as_they_go_in(jazu_exe: str) -> None:
    proc = subprocess.Popen([jazu_exe, "--to", "arab"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    proc.stdin.write("біз\n".encode())
    proc.stdin.flush()
    assert proc.stdout.readline().decode() == "ءبىز\n"  # before stdin is closed
    proc.stdin.write("сіз\n".encode())
    proc.stdin.close()
    assert proc.stdout.read().decode() == "ءسىز\n"
    assert proc.wait(timeout=30) == 0


def test_sigterm_leaves_no_temporary_file(jazu_exe: str, tmp_path: Path) -> None:
    """SIGTERM during a conversion into a file: exit status 143, no traceback, no output file and
    no temporary one."""
    import signal
    import time

    big = tmp_path / "big.txt"
    big.write_text("Қазақстан Республикасы туралы сөз.\n" * 600_000, encoding="utf-8")
    process = subprocess.Popen([jazu_exe, "--to", "arab", str(big), "-o", str(tmp_path / "out.txt")], stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while not any(p.name.startswith(".jazu-") for p in tmp_path.iterdir()) and time.time() < deadline \
            and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 143 and b"Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]
