"""--jobs (src/jazu/parallel.py): parts of a file converted in worker processes give the bytes
one process gives, in every direction, with the state that crosses parts (a Latin alphabet)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

import jazu
from conftest import ROOT, read
from jazu.parallel import convert_file_parallel, convert_parallel, file_parts, parts

SEEDS = "".join(read(p) for p in sorted((ROOT / "seeds").glob("00[34]_*.txt")))


def _one_process(t: jazu.Transliterator, data: bytes) -> bytes:
    return b"".join(t.stream_bytes([data]))


def test_parts_end_at_line_ends_and_keep_every_byte() -> None:
    data = b"".join(b"line %d \xd2\x9b\n" % i for i in range(1000)) + b"no line end"
    found = list(parts([data[i : i + 333] for i in range(0, len(data), 333)], size=1000))
    assert b"".join(p for _, p in found) == data
    assert all(p.endswith(b"\n") for _, p in found[:-1])
    assert [o for o, _ in found] == [sum(len(p) for _, p in found[:k]) for k in range(len(found))]


@pytest.mark.parametrize("source,target", [("cyrl", "arab"), ("arab", "cyrl"), ("cyrl", "latn"), ("latn", "cyrl"), ("arab", "latn")])
def test_workers_give_the_bytes_of_one_process(source: str, target: str) -> None:
    text = SEEDS * 3
    if source != "cyrl":
        text = jazu.transliterate(text, target=source, source="cyrl")
    if source == "latn":  # lines of 2018 and 2017 spelling: the next part must start in their alphabet
        text = "Qazaqstan Respýblıkasy\n" + text + "S'oqan Y'a'li'hanov\n" + text
    data = text.encode("utf-8")
    t = jazu.Transliterator(source="auto", target=target)
    got = b"".join(convert_parallel(t, [data], jobs=2, part_size=5000))
    assert got == _one_process(t, data)


def test_a_worker_s_invalid_utf8_names_its_byte_in_the_file() -> None:
    data = ("сөз\n" * 3000).encode("utf-8") + b"\xff\n" + ("сөз\n" * 10).encode("utf-8")
    bad = data.index(bytes([0xFF]))
    with pytest.raises(jazu.DecodeError, match=f"big.txt: invalid UTF-8 at byte {bad}"):
        list(convert_parallel(jazu.Transliterator("cyrl", "arab"), [data], jobs=2, label="big.txt", part_size=4000))


def test_the_cli_with_jobs(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SEEDS * 40, encoding="utf-8")
    run = [sys.executable, "-m", "jazu", "--to", "arab", str(big)]
    one = subprocess.run(run, capture_output=True)
    two = subprocess.run(run + ["--jobs", "2"], capture_output=True)
    every = subprocess.run(run + ["--jobs", "0", "--quiet"], capture_output=True)
    assert one.returncode == two.returncode == every.returncode == 0
    assert one.stdout == two.stdout == every.stdout and two.stderr == b""


def test_the_latin_alphabet_crosses_parts() -> None:
    """A 2018 line, then lines with no mark of any alphabet: read as 2018 in every part."""
    data = ("Respýblıka\n" + "bilim men bilim\n" * 2000).encode("utf-8")
    t = jazu.Transliterator("latn", "cyrl")
    got = b"".join(convert_parallel(t, [data], jobs=2, part_size=3000))
    assert got == _one_process(t, data)
    assert got.decode("utf-8").splitlines()[-1] == "білім мен білім"


def test_a_progress_bar_on_a_terminal_and_none_with_quiet(tmp_path: Path) -> None:
    """stderr a terminal (a pseudo-terminal here) and a file of 16 MiB or more: rich's bar."""
    import os
    import pty

    big = tmp_path / "big.txt"
    big.write_text(SEEDS * 1500, encoding="utf-8")
    assert big.stat().st_size >= 16 << 20

    def stderr_of(*extra: str) -> bytes:
        leader, follower = pty.openpty()
        with open(os.devnull, "wb") as devnull:
            done = subprocess.run([sys.executable, "-m", "jazu", "--to", "latn", *extra, str(big)],
                                  stdout=devnull, stderr=follower, timeout=300)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        os.close(leader)
        assert done.returncode == 0
        return seen

    assert b"big.txt" in stderr_of() and b"big.txt" in stderr_of("--jobs", "2")
    assert stderr_of("--quiet") == b""


def test_the_source_is_told_as_a_stream_tells_it(tmp_path: Path) -> None:
    """Arabic first (45 KB), then much more Cyrillic: one process reads the file as Arabic from
    its first blocks, and so do the workers."""
    arabic = jazu.transliterate(SEEDS, target="arab", source="cyrl")
    text = (arabic * 12)[:45000] + "\n" + SEEDS * 200
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    run = [sys.executable, "-m", "jazu", "--to", "latn", str(path)]
    one = subprocess.run(run, capture_output=True)
    three = subprocess.run(run + ["--jobs", "3"], capture_output=True)
    assert one.returncode == three.returncode == 0 and one.stdout == three.stdout


def test_file_parts_end_at_line_ends_and_cover_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    data = b"".join(b"line %d \xd2\x9b\n" % i for i in range(3000)) + b"x" * 200_000 + b"\nno line end"
    path.write_bytes(data)
    ranges = list(file_parts(str(path), size=1000))
    assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(data[end - 1 : end] == b"\n" for _, end in ranges[:-1])
    assert all(end - start >= 1000 for start, end in ranges[:-1])
    (tmp_path / "empty.txt").write_bytes(b"")
    assert list(file_parts(str(tmp_path / "empty.txt"))) == []


@pytest.mark.parametrize("source,target", [("cyrl", "arab"), ("arab", "cyrl"), ("latn", "cyrl"), ("latn", "arab")])
def test_workers_reading_a_file_give_the_bytes_of_one_process(
    source: str, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers read their parts of the file and write temporary files, which are copied
    into the output (sendfile to a file, a plain copy to a sink with no file descriptor) and
    removed."""
    import io
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    text = SEEDS * 3
    if source != "cyrl":
        text = jazu.transliterate(text, target=source, source="cyrl")
    if source == "latn":
        text = "Qazaqstan Respýblıkasy\n" + text + "S'oqan Y'a'li'hanov\n" + text
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode("utf-8") + "соңы".encode("utf-8"))  # no line end at the end
    t = jazu.Transliterator(source="auto", target=target)
    expected = _one_process(t, path.read_bytes())
    with open(tmp_path / "out.txt", "wb") as out:
        out.write(b"head\n")
        convert_file_parallel(t, str(path), out, jobs=2, part_size=5000)
        out.write(b"tail\n")
    assert (tmp_path / "out.txt").read_bytes() == b"head\n" + expected + b"tail\n"
    memory = io.BytesIO()
    convert_file_parallel(t, str(path), memory, jobs=2, part_size=5000, check_first=True)
    assert memory.getvalue() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]  # no temporary file left


def test_a_bad_byte_in_a_file_is_found_before_anything_is_written(tmp_path: Path) -> None:
    data = ("сөз\n" * 3000).encode("utf-8") + b"\xff\n" + ("сөз\n" * 10).encode("utf-8")
    path = tmp_path / "big.txt"
    path.write_bytes(data)
    bad = data.index(bytes([0xFF]))
    t = jazu.Transliterator("cyrl", "arab")
    for check_first in (True, False):
        with open(tmp_path / "out.txt", "wb") as out:
            with pytest.raises(jazu.DecodeError, match=f"big.txt: invalid UTF-8 at byte {bad}$"):
                convert_file_parallel(t, str(path), out, 2, label="big.txt", check_first=check_first, part_size=4000)
        if check_first:
            assert (tmp_path / "out.txt").read_bytes() == b""
    run = [sys.executable, "-m", "jazu", "--to", "arab", "--jobs", "2", str(path)]
    done = subprocess.run(run, capture_output=True)
    assert done.returncode == 1 and done.stdout == b"" and f"invalid UTF-8 at byte {bad}".encode() in done.stderr


@pytest.mark.parametrize("signum,status", [(2, 130), (15, 143)])
def test_an_interrupted_run_leaves_no_part_and_no_output(signum: int, status: int, tmp_path: Path) -> None:
    """Ctrl-C (to the process group, as a terminal sends it) or SIGTERM during --jobs: the
    exit status says so, no traceback, no temporary part and no half-written output."""
    import os
    import signal
    import time

    big = tmp_path / "big.txt"
    big.write_text(SEEDS * 1200, encoding="utf-8")  # ~40 MB: a few seconds' work
    parts = tmp_path / "tmp"
    parts.mkdir()
    env = dict(os.environ, TMPDIR=str(parts))
    run = [sys.executable, "-m", "jazu", "--to", "arab", "--jobs", "2", str(big), "-o", str(tmp_path / "out.txt")]
    process = subprocess.Popen(run, stderr=subprocess.PIPE, env=env, start_new_session=True)
    deadline = time.time() + 60
    while not any(parts.iterdir()) and time.time() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be interrupted"
    if signum == signal.SIGINT:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == status and b"Traceback" not in err, err[-2000:]
    assert list(parts.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "tmp"]


def test_many_files_in_parallel_give_what_one_process_gives(tmp_path: Path) -> None:
    """--jobs over many files (one file a worker task): stdout, the -o file, each file's own
    output (--suffix, --in-place --backup), stderr and the exit status are those of one process,
    failed files (bad UTF-8, a JSONL line that is not JSON) included."""
    import shutil

    def files(directory: Path) -> List[str]:
        directory.mkdir()
        (directory / "a.txt").write_text(SEEDS, encoding="utf-8")
        (directory / "b.txt").write_bytes(("сөз\n" * 300).encode("utf-8") + b"\xff\n")
        (directory / "c.html").write_text('<p title="Сөз">Қазақ <b>тілі</b></p>\n', encoding="utf-8")
        (directory / "d.jsonl").write_text('{"t": "Қазақ тілі"}\nnot json\n', encoding="utf-8")
        (directory / "e.txt").write_text("Біз келдік.\n" * 50, encoding="utf-8")
        return ["a.txt", "b.txt", "c.html", "d.jsonl", "e.txt"]

    runs = {}
    for jobs in ("1", "2"):
        here = tmp_path / jobs
        names = files(here)
        base = [sys.executable, "-m", "jazu", "--jobs", jobs]
        out = subprocess.run(base + ["--to", "arab", *names], cwd=here, capture_output=True)
        shared = subprocess.run(base + ["--to", "latn", *names, "-o", "all.txt"], cwd=here, capture_output=True)
        suffix = subprocess.run(base + ["--to", "arab", "--suffix", ".arab", *names], cwd=here, capture_output=True)
        copies = here / "copies"
        copies.mkdir()
        for name in names:
            shutil.copy(here / name, copies / name)
        in_place = subprocess.run(base + ["--to", "latn", "--in-place", "--backup", ".bak", *names], cwd=copies, capture_output=True)
        runs[jobs] = (
            [(r.returncode, r.stdout, r.stderr) for r in (out, shared, suffix, in_place)],
            {p.relative_to(here).as_posix(): p.read_bytes() for p in sorted(here.rglob("*")) if p.is_file()},
        )
    assert runs["1"] == runs["2"]
    results, written = runs["2"]
    assert [code for code, _, _ in results] == [1, 1, 1, 1]
    assert b"b.txt: invalid UTF-8 at byte 2100" in results[0][2] and b"d.jsonl: line 2: not JSON" in results[0][2]
    assert "a.txt.arab" in written and "b.txt.arab" not in written and "copies/e.txt.bak" in written


def test_json_lines_in_parts_give_what_one_process_gives(tmp_path: Path) -> None:
    """A JSONL file cut into parts: the lines converted as one process converts them, a line
    that is not JSON named by its number in the file (skipped and listed, or an error after the
    lines before it, as one process streams them)."""
    import io

    from jazu.formats import lines_of
    from jazu.formats.jsonl import convert_lines

    rows = [json.dumps({"id": i, "t": line, "n": {"u": "https://x.kz/сөз"}}, ensure_ascii=i % 2 == 0)
            for i, line in enumerate((SEEDS.splitlines() * 10)[:300])]
    rows[123] = "not json"
    rows[250] = "{broken"
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    t = jazu.Transliterator(target="arab")
    text = path.read_text(encoding="utf-8")
    for fields in ([], ["t"]):
        skipped_one: List[int] = []
        one = "".join(convert_lines(lines_of([text]), t, fields, "skip", skipped_one)).encode("utf-8")
        skipped: List[int] = []
        out = io.BytesIO()
        convert_file_parallel(t, str(path), out, 2, part_size=3000, jsonl=(fields, skipped))
        assert out.getvalue() == one and skipped == skipped_one == [124, 251]
    streamed = io.BytesIO()
    with pytest.raises(jazu.DocumentError, match="^line 124: not JSON"):
        for line in convert_lines(lines_of([text]), t):
            streamed.write(line.encode("utf-8"))
    out = io.BytesIO()
    with pytest.raises(jazu.DocumentError, match="^line 124: not JSON"):
        convert_file_parallel(t, str(path), out, 2, part_size=3000, jsonl=([], None))
    assert out.getvalue() == streamed.getvalue()
    run = [sys.executable, "-m", "jazu", "--to", "arab", "--errors", "skip", str(path)]
    one_cli, two_cli = (subprocess.run(run + ["--jobs", j], capture_output=True) for j in ("1", "2"))
    assert (one_cli.returncode, one_cli.stdout, one_cli.stderr) == (two_cli.returncode, two_cli.stdout, two_cli.stderr)
    assert b"2 lines not JSON, passed through unchanged (line 124, 251)" in two_cli.stderr


def test_an_interrupted_run_over_many_files_leaves_no_temporary_file(tmp_path: Path) -> None:
    """--jobs --in-place over many files, stopped by Ctrl-C: each file is whole, converted or
    as it was, and no worker's temporary file is left beside them."""
    import os
    import signal
    import time

    text = SEEDS * 300
    names = [f"f{i}.txt" for i in range(4)]
    for name in names:
        (tmp_path / name).write_text(text, encoding="utf-8")
    converted = jazu.transliterate(text, target="arab", source="cyrl")
    process = subprocess.Popen([sys.executable, "-m", "jazu", "--to", "arab", "--jobs", "2", "--in-place", *names],
                               cwd=tmp_path, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 60
    while not any(p.name.startswith(".jazu-") for p in tmp_path.iterdir()) and time.time() < deadline \
            and process.poll() is None:
        time.sleep(0.02)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (0, 130) and b"Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    assert all((tmp_path / n).read_text(encoding="utf-8") in (text, converted) for n in names)
