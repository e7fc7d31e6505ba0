"""Bad input, faults and no data loss: every byte accounted for (through the real command)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path
from typing import List

import pytest

import jazu


def run(exe: str, args: List[str], data: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([exe, *args], input=data, capture_output=True, timeout=120)


def test_invalid_utf8_policies(jazu_exe: str) -> None:
    data = "біз ".encode() + b"\xff\xfe" + " сіз\n".encode()
    strict = run(jazu_exe, ["--to", "arab"], data)
    assert strict.returncode == 1 and strict.stderr.decode() == "jazu: <stdin>: invalid UTF-8 at byte 7\n"
    replace = run(jazu_exe, ["--to", "arab", "--errors", "replace"], data)
    assert replace.returncode == 0 and replace.stdout.decode() == "ءبىز \ufffd\ufffd ءسىز\n"
    keep = run(jazu_exe, ["--to", "arab", "--errors", "surrogateescape"], data)
    assert keep.returncode == 0 and keep.stdout == "ءبىز ".encode() + b"\xff\xfe" + " ءسىز\n".encode()
    bad = run(jazu_exe, ["--to", "arab", "--errors", "ignore"], data)
    assert bad.returncode == 2 and bad.stderr.decode().startswith("jazu: unknown errors policy 'ignore'")


def test_a_failing_file_leaves_nothing_half_written_on_stdout(jazu_exe: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("біз\n".encode() * 1000 + b"\xff")
    good = tmp_path / "good.txt"
    good.write_text("сіз\n", encoding="utf-8")
    out = run(jazu_exe, ["--to", "arab", str(bad), str(good)])
    assert out.returncode == 1
    assert out.stdout.decode() == "ءسىز\n"  # the bad file was checked before any of it went out
    assert f"{bad}: invalid UTF-8 at byte 7000" in out.stderr.decode()  # 1000 × "біз\n" (7 bytes)


def test_shared_output_drops_only_the_failing_file(jazu_exe: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("біз\n".encode() + b"\xff")
    good = tmp_path / "good.txt"
    good.write_text("сіз\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    out = run(jazu_exe, ["--to", "arab", "-o", str(target), str(good), str(bad), str(good)])
    assert out.returncode == 1
    assert target.read_text(encoding="utf-8") == "ءسىز\nءسىز\n"


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffБіз келдік.\r\nОлар\rкетті\r\n".encode(),  # BOM, CRLF, lone CR
        "соңы".encode(),  # no final newline
        "біз\x00сіз\x00\n".encode(),  # NUL bytes
        "Hello, world! 2023 — € ✓ 日本語 Ωμέγα\n".encode(),  # no Kazakh script
        b"",
    ],
)
def test_line_ends_bom_nul_and_other_text_come_out_byte_for_byte(jazu_exe: str, data: bytes) -> None:
    there = run(jazu_exe, ["--to", "arab", "--from", "cyrl"], data)
    assert there.returncode == 0
    text = data.decode()
    expected = jazu.transliterate(text, target="arab", source="cyrl")
    assert there.stdout.decode() == expected
    if not any(c.isalpha() and ord(c) < 0x600 and ord(c) >= 0x400 for c in text):
        assert there.stdout == data


def test_output_equal_to_an_input_is_refused_and_in_place_works(jazu_exe: str, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("біз\n", encoding="utf-8")
    out = run(jazu_exe, ["--to", "arab", "-o", str(f), str(f)])
    assert out.returncode == 2 and "also an input: use --in-place" in out.stderr.decode()
    assert f.read_text(encoding="utf-8") == "біз\n"
    out = run(jazu_exe, ["--to", "arab", "--in-place", "--backup", ".orig", str(f)])
    assert out.returncode == 0, out.stderr
    assert f.read_text(encoding="utf-8") == "ءبىز\n"
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == "біз\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.orig"]


def test_suffix_writes_one_output_per_input(jazu_exe: str, tmp_path: Path) -> None:
    for name, text in (("a.txt", "біз\n"), ("b.txt", "сіз\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = run(jazu_exe, ["--to", "arab", "--suffix", ".arab", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert out.returncode == 0 and out.stdout == b""
    assert (tmp_path / "a.txt.arab").read_text(encoding="utf-8") == "ءبىز\n"
    assert (tmp_path / "b.txt.arab").read_text(encoding="utf-8") == "ءسىز\n"


@pytest.mark.parametrize(
    "args,message",
    [
        (["-o", "x", "--in-place", "f"], "choose one of -o, --in-place and --suffix"),
        (["--backup", ".b", "f"], "--backup goes with --in-place"),
        (["--in-place"], "--in-place and --suffix need files, not stdin"),
    ],
)
def test_conflicting_file_options(jazu_exe: str, args: List[str], message: str) -> None:
    out = run(jazu_exe, ["--to", "arab", *args])
    assert out.returncode == 2 and out.stderr.decode() == f"jazu: {message}\n"


def test_ctrl_c_exits_130_quietly_and_leaves_no_file(jazu_exe: str, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    proc = subprocess.Popen(
        [jazu_exe, "--to", "arab", "-o", str(target)], stdin=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None
    proc.stdin.write("біз келдік\n".encode() * 10_000)
    proc.stdin.flush()
    time.sleep(1.0)  # it is converting, waiting for more input
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_api_bytes_stream_and_policies() -> None:
    t = jazu.Transliterator("cyrl", "arab")
    data = ["біз ".encode(), b"\xd2", b"\x9b\xff", " сіз".encode()]  # қ split across blocks
    with pytest.raises(jazu.DecodeError) as err:
        b"".join(t.stream_bytes(data))
    assert err.value.offset == 9  # "біз " is 7 bytes, then қ (2), then the bad byte
    assert b"".join(t.stream_bytes(data, errors="surrogateescape")) == "ءبىز ق".encode() + b"\xff" + " ءسىز".encode()
    with pytest.raises(jazu.UnknownOptionError):
        list(t.stream_bytes(data, errors="bogus"))


def test_user_lexicon(tmp_path: Path) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("# my names\nword\tВинченцо\nword\tАкуаро\n", encoding="utf-8")
    assert jazu.transliterate("ۆينچەنتسو اكۋارو", target="cyrl", lexicon=str(lexicon)) == "Винченцо Акуаро"
    assert jazu.transliterate("ۆينچەنتسو", target="cyrl", tables="1", lexicon=str(lexicon)) == "Винченцо"
    lexicon.write_text("word\tВинченцо\nword\tWrong\n", encoding="utf-8")
    with pytest.raises(jazu.TableError, match=r"mine.tsv:2: 'Wrong' is not a Cyrillic word"):
        jazu.Transliterator("arab", "cyrl", lexicon=str(lexicon))
    lexicon.write_text("word\tбіз\x07\n", encoding="utf-8")
    with pytest.raises(jazu.TableError, match=r"mine.tsv:1: raw invisible or control character U\+0007"):
        jazu.Transliterator("arab", "cyrl", lexicon=str(lexicon))
    with pytest.raises(jazu.TableError, match="cannot read the lexicon"):
        jazu.Transliterator("arab", "cyrl", lexicon=str(tmp_path / "missing.tsv"))


def test_unwritable_or_unreadable_targets_give_one_line(jazu_exe: str, tmp_path: Path) -> None:
    out = run(jazu_exe, ["--to", "arab", "-o", str(tmp_path)], "біз".encode())
    assert out.returncode == 2 and out.stderr.decode() == f"jazu: cannot write {str(tmp_path)!r}: it is a directory\n"
    out = run(jazu_exe, ["--to", "arab", str(tmp_path)])
    assert out.returncode == 1 and out.stderr.decode().startswith(f"jazu: cannot read {str(tmp_path)!r}")
    assert "Traceback" not in out.stderr.decode()


def test_a_pipe_as_input_file_is_read_once(jazu_exe: str) -> None:
    out = subprocess.run(f'echo "біз келдік" | "{jazu_exe}" --to arab /dev/stdin', shell=True, capture_output=True, timeout=60)
    assert out.returncode == 0 and out.stdout.decode() == "ءبىز كەلدىك\n"


def test_suffix_or_backup_may_not_overwrite_another_input(jazu_exe: str, tmp_path: Path) -> None:
    (tmp_path / "b").write_text("біз\n", encoding="utf-8")
    (tmp_path / "b.x").write_text("сіз\n", encoding="utf-8")
    for args in (["--suffix", ".x"], ["--in-place", "--backup", ".x"]):
        out = run(jazu_exe, ["--to", "arab", *args, str(tmp_path / "b"), str(tmp_path / "b.x")])
        assert out.returncode == 2 and "which is also an input" in out.stderr.decode()
    assert (tmp_path / "b.x").read_text(encoding="utf-8") == "сіз\n"


def test_in_place_on_a_link_replaces_the_file_it_points_to(jazu_exe: str, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("біз\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run(jazu_exe, ["--to", "arab", "--in-place", str(link)]).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "ءبىز\n"


def test_closed_pipe_exit_status_is_zero(jazu_exe: str) -> None:
    out = subprocess.run(
        f'yes "біз келдік" | head -200000 | "{jazu_exe}" --to arab | head -1; echo "status ${{PIPESTATUS[2]}}"',
        shell=True, executable="/bin/bash", capture_output=True, timeout=60,
    )
    assert out.stdout.decode().splitlines() == ["ءبىز كەلدىك", "status 0"]
    assert out.stderr == b""
