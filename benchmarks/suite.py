"""jazu's performance suite: one command, every number we quote, measured against a yardstick.

What is measured, and why:

  In process (both directions x three corpora): the time of `Transliterator(...)(text)` with a
  FRESH Transliterator for every repetition, so the per-word cache starts empty each time, and,
  interleaved with it in the same run, `str.translate` with a 1:1 letter table over the same
  text. The yardstick is the speed of light for a letter-by-letter converter in CPython (no
  rules, no lexicon, no case), so the ratio jazu/yardstick is a machine-independent measure of
  what jazu's rules cost. Median of the repetitions; MB/s counts UTF-8 input bytes (1 MB = 10^6
  bytes), words/s counts whitespace-separated tokens. The three corpora:

    natural            the seeds repeated: Zipfian text, where the word cache shines;
    shuffled+suffixed  the seeds' words shuffled, about half of them given a random suffix from
                       tables/2/suffixes.tsv (vowel harmony matched), so most words are new to
                       the cache: close to jazu's worst case on running text;
    distinct           lexicon stems and suffixed stems, each form once, one per line: every
                       word is a cache miss (the cost of the word-level rules and lexicon).

  Arabic corpora are the Cyrillic ones written by jazu's writer (natural: plus seed 000, which
  is real Arabic-script Kazakh). With tables that have Latin (version 4 on), Cyrillic <-> Latin
  too: the Latin corpora are the Cyrillic ones written in Latin by jazu, and the yardstick is a
  1:1 letter table of that direction.

  Through the CLI: wall time of `jazu --from X --to Y FILE > /dev/null` on the natural corpus;
  start-up (`jazu --version`, and one word through stdin in every direction, with its peak RSS)
  after a warm-up run that fills the compiled-table cache (with bytecode written, as an
  installed package has it: see CLI_ENV); and peak RSS of the CLI on ~50 MB and ~200 MB files (natural corpus
  repeated) and ~20 MB and ~80 MB files of new words (the shuffled+suffixed corpus made afresh to
  that size, so its vocabulary grows with it), to show that memory grows neither with the input
  (the CLI streams) nor with its vocabulary (the caches are bounded).

  Optional peer: a PyICU Transliterator with equivalent letter rules, when PyICU is installed.

No timing assertions: this prints numbers, it does not judge them. The header names a digest of
jazu's source; a warning is printed if that source changed while the suite ran.

    python benchmarks/suite.py [--quick] [--json FILE] [--tables VERSION]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import jazu  # noqa: E402
from jazu.tableset.compile import load_compiled  # noqa: E402

SEEDS = ROOT / "seeds"
ARABIC_SEED = "000_532bcf6876fd3160.txt"
CYRILLIC_SEEDS = ("003_0632195ffc93f541.txt", "004_fb48069df45bd92e.txt")
TABLES: Optional[str] = None  # --tables: the version every row runs, in process and through the CLI (None: the newest)
LEXICON = ROOT / "tables" / "2" / "lexicon-hunspell.tsv"
SUFFIXES = ROOT / "tables" / "2" / "suffixes.tsv"

RANDOM_SEED = 20240521
MB = 1_000_000
DIRECTIONS = (("cyrl", "arab"), ("arab", "cyrl"))
LATIN_DIRECTIONS = (("cyrl", "latn"), ("latn", "cyrl"))  # in process, with tables that have Latin
LABELS = {"cyrl": "Cyrillic", "arab": "Arabic", "latn": "Latin"}

BACK_VOWELS = set("аоұыяАОҰЫЯ")
FRONT_VOWELS = set("әөүіеэӘӨҮІЕЭ")
VOWELS = set("аоұыяәөүіеэиуюё")
CYRILLIC_WORD = re.compile(r"^([«\"(]*)([А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)(\W*)$")


# --- settings --------------------------------------------------------------------------------


def settings(quick: bool) -> Dict[str, Any]:
    """Sizes and repetition counts: the full run, or a quick smoke run."""
    return {
        "quick": quick,
        "natural_mb": 1 if quick else 5,
        "shuffled_mb": 1 if quick else 5,
        "distinct_words": 20_000 if quick else 150_000,
        "repeat": 3 if quick else 5,
        "startup_runs": 10,
        "memory_mb": () if quick else (50, 200),
        "new_words_mb": () if quick else (20, 80),
    }


# --- corpora ---------------------------------------------------------------------------------


def read_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def repeat_to(text: str, megabytes: float) -> str:
    """`text` repeated to about `megabytes` of UTF-8 (at least once)."""
    return text * max(1, round(megabytes * MB / len(text.encode("utf-8"))))


def table_rows(path: Path) -> List[List[str]]:
    """The data rows of a jazu .tsv table (no meta @ lines, no # comments, no blanks)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("@", "#")):
            rows.append(line.split("\t"))
    return rows


def harmony(word: str) -> Optional[str]:
    """"back" or "front" after the word's last harmony vowel; None when it has none."""
    for ch in reversed(word):
        if ch in BACK_VOWELS:
            return "back"
        if ch in FRONT_VOWELS:
            return "front"
    return None


class SuffixPicker:
    """Random suffixes from suffixes.tsv that fit the base: matching its vowel harmony (a back
    base takes back or vowelless suffixes) and its ending (after a vowel, a suffix that starts
    with a consonant; after a consonant, one that starts with a vowel or a consonant + vowel, not
    with й). Forms that look like Kazakh, not letter soup; no finer morphophonology."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.suffixes = [row[1] for row in table_rows(SUFFIXES) if row[0] == "suffix" and len(row) > 1]
        self.fitting: Dict[Tuple[Optional[str], bool], List[str]] = {}
        for key in ((h, v) for h in ("back", "front", None) for v in (True, False)):
            self.fitting[key] = [s for s in self.suffixes if self._fits(s, *key)] or self.suffixes

    @staticmethod
    def _fits(suffix: str, base_harmony: Optional[str], after_vowel: bool) -> bool:
        if base_harmony is not None and harmony(suffix) not in (base_harmony, None):
            return False
        if after_vowel:
            return suffix[0] not in VOWELS
        return suffix[0] in VOWELS or (suffix[0] != "й" and len(suffix) > 1 and suffix[1] in VOWELS)

    def __call__(self, base: str) -> str:
        return self.rng.choice(self.fitting[(harmony(base), base[-1:].lower() in VOWELS)])


def unique(items: List[str]) -> List[str]:
    """Order-preserving de-duplication (never iterate a set of str: hashing is randomised)."""
    return list(dict.fromkeys(items))


def natural_cyrillic(megabytes: float) -> str:
    return repeat_to("".join(read_seed(n) for n in CYRILLIC_SEEDS), megabytes)


def shuffled_cyrillic(megabytes: float, rng: random.Random, pick: SuffixPicker) -> str:
    """The Cyrillic seeds' tokens, reshuffled block after block, ~half of the Cyrillic words
    suffixed (before any trailing punctuation), 15 tokens a line."""
    tokens = "".join(read_seed(n) for n in CYRILLIC_SEEDS).split()
    lines: List[str] = []
    size, target = 0, megabytes * MB
    while size < target:
        block = tokens[:]
        rng.shuffle(block)
        for i, token in enumerate(block):
            m = CYRILLIC_WORD.match(token)
            if m and rng.random() < 0.5:
                block[i] = m[1] + m[2] + pick(m[2]) + m[3]
        for i in range(0, len(block), 15):
            line = " ".join(block[i : i + 15]) + "\n"
            lines.append(line)
            size += len(line.encode("utf-8"))
    return "".join(lines)


def distinct_cyrillic(count: int, rng: random.Random, pick: SuffixPicker) -> List[str]:
    """`count` distinct forms: up to half bare lexicon stems, the rest stems (or their
    pre-suffix variants) with a harmony-matched suffix."""
    rows = [row for row in table_rows(LEXICON) if row[0] == "word" and len(row) > 1]
    rows.sort(key=lambda row: row[1])
    rng.shuffle(rows)
    stems = unique([row[1] for row in rows])[: count // 2]
    forms = dict.fromkeys(stems)
    attempts = 0
    while len(forms) < count and attempts < count * 20:
        attempts += 1
        row = rng.choice(rows)
        base = rng.choice(row[1:])
        forms.setdefault(base + pick(base))
    return list(forms)


def build_corpora(cfg: Dict[str, Any]) -> Dict[str, Dict[str, str]]:
    """{source script: {corpus name: text}}, deterministic for a given jazu and tables."""
    rng = random.Random(RANDOM_SEED)
    pick = SuffixPicker(rng)
    cyrillic = {
        "natural": natural_cyrillic(cfg["natural_mb"]),
        "shuffled+suffixed": shuffled_cyrillic(cfg["shuffled_mb"], rng, pick),
        "distinct": "\n".join(distinct_cyrillic(cfg["distinct_words"], rng, pick)) + "\n",
    }
    write = jazu.Transliterator("cyrl", "arab")
    arabic = {
        "natural": repeat_to(read_seed(ARABIC_SEED) + write("".join(read_seed(n) for n in CYRILLIC_SEEDS)),
                             cfg["natural_mb"]),
        "shuffled+suffixed": write(cyrillic["shuffled+suffixed"]),
        # Two Cyrillic forms may be written alike: keep each Arabic form once.
        "distinct": "\n".join(unique(write(cyrillic["distinct"]).split("\n")[:-1])) + "\n",
    }
    corpora = {"cyrl": cyrillic, "arab": arabic}
    if has_latin():
        to_latin = jazu.Transliterator("cyrl", "latn", tables=TABLES)
        corpora["latn"] = {name: to_latin(text) for name, text in cyrillic.items()}
    return corpora


def has_latin() -> bool:
    return load_compiled(TABLES).get("latin") is not None


# --- yardstick and peer ----------------------------------------------------------------------


def yardstick_tables() -> Dict[Tuple[str, str], Dict[int, Optional[str]]]:
    """1:1 `str.translate` tables from the compiled letter maps, by direction (both cases of
    Cyrillic; Arabic vowels read as their back value; Latin letters read by their `read` rows):
    what a naive letter-for-letter converter does."""
    compiled = load_compiled(TABLES)
    writer: Dict[int, Optional[str]] = {}
    for low, arab in compiled["writer"]["letters"].items():
        for ch in (low, low.upper()):
            if len(ch) == 1:
                writer[ord(ch)] = arab or None
    reader: Dict[int, Optional[str]] = {ord(a): c for a, c in compiled["reader"]["letters"].items()}
    reader.update({ord(a): pair[0] for a, pair in compiled["reader"]["vowels"].items()})
    tables = {("cyrl", "arab"): writer, ("arab", "cyrl"): reader}
    latin = compiled.get("latin")
    if latin:
        to_latin: Dict[int, Optional[str]] = {}
        for low, lat in latin["letters"].items():
            to_latin[ord(low)] = lat or None
            to_latin[ord(low.upper())] = (latin["upper"][lat[0]] + lat[1:]) if lat else None
        from_latin: Dict[int, Optional[str]] = {}
        for unit, cyr in latin["reads"].items():
            if len(unit) == 1:
                from_latin[ord(unit)] = cyr
                from_latin[ord(latin["upper"][unit])] = cyr.upper()
        tables.update({("cyrl", "latn"): to_latin, ("latn", "cyrl"): from_latin})
    return tables


def icu_transliterator(table: Dict[int, Optional[str]]) -> Optional[Any]:
    """A PyICU Transliterator with the yardstick's Cyrillic -> Arabic letter rules, or None when
    PyICU is not installed (it is never a dependency of jazu)."""
    try:
        import icu  # type: ignore[import-not-found]
    except ImportError:
        return None

    def quote(s: str) -> str:
        return "".join(f"\\u{ord(ch):04X}" for ch in s)

    rules = " ".join(f"{quote(chr(k))} > {quote(v) if v else chr(39) * 2} ;" for k, v in sorted(table.items()))
    return icu.Transliterator.createFromRules("jazu-letters", rules, icu.UTransDirection.FORWARD)


# --- in-process measurement ------------------------------------------------------------------


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def measure_in_process(source: str, target: str, text: str, table: Dict[int, Optional[str]], repeat: int) -> Dict[str, Any]:
    """Interleaved repetitions: a fresh Transliterator (set-up timed apart), jazu, yardstick."""
    setup, jazu_times, yard_times = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        conv = jazu.Transliterator(source, target, tables=TABLES)
        setup.append(time.perf_counter() - t0)
        jazu_times.append(timed(lambda: conv(text)))
        yard_times.append(timed(lambda: text.translate(table)))
    return summarise(text, {"jazu": jazu_times, "yardstick": yard_times}, setup)


def summarise(text: str, times: Dict[str, List[float]], setup: List[float]) -> Dict[str, Any]:
    size, words = len(text.encode("utf-8")), len(text.split())
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "bytes": size,
        "words": words,
        "setup_s": statistics.median(setup),
        "times_s": times,
        "median_s": med,
        "mb_per_s": {k: size / v / MB for k, v in med.items()},
        "words_per_s": {k: words / v for k, v in med.items()},
        "ratio": med["jazu"] / med["yardstick"],
    }


def run_in_process(corpora: Dict[str, Dict[str, str]], cfg: Dict[str, Any]) -> List[Dict[str, Any]]:
    tables = yardstick_tables()
    jazu.Transliterator("cyrl", "arab", tables=TABLES)("сөз")  # load the compiled tables and lexicon
    jazu.Transliterator("arab", "cyrl", tables=TABLES)("ءسوز")  # once, outside any timing
    rows = []
    directions = DIRECTIONS + (LATIN_DIRECTIONS if "latn" in corpora else ())
    for source, target in directions:
        if target == "latn" or source == "latn":
            jazu.Transliterator(source, target, tables=TABLES)("сөз qaz")  # its lexicon index, once
        for name, text in corpora[source].items():
            print(f"  in process: {source} -> {target}, {name} ...", file=sys.stderr, flush=True)
            result = measure_in_process(source, target, text, tables[(source, target)], cfg["repeat"])
            rows.append({"source": source, "target": target, "corpus": name, **result})
    return rows


def run_peer(corpora: Dict[str, Dict[str, str]], cfg: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """PyICU over the natural Cyrillic corpus, interleaved with the yardstick; None if absent."""
    table = yardstick_tables()[("cyrl", "arab")]
    icu_tr = icu_transliterator(table)
    if icu_tr is None:
        return None
    text = corpora["cyrl"]["natural"]
    times: Dict[str, List[float]] = {"jazu": [], "yardstick": []}  # "jazu" here is the peer
    for _ in range(cfg["repeat"]):
        times["jazu"].append(timed(lambda: icu_tr.transliterate(text)))
        times["yardstick"].append(timed(lambda: text.translate(table)))
    return {"peer": "PyICU", "source": "cyrl", "target": "arab", "corpus": "natural", **summarise(text, times, [0.0])}


# --- CLI measurement -------------------------------------------------------------------------


def jazu_command() -> List[str]:
    beside = Path(sys.executable).parent / "jazu"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("jazu")
    return [found] if found else [sys.executable, "-m", "jazu"]


# The CLI runs as installed: pip compiles an installed package's bytecode, and an editable
# install writes it on the warm-up run, unless PYTHONDONTWRITEBYTECODE forbids it (some CI and
# sandbox shells set it): without it every start would compile jazu's modules from source.
CLI_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
STARTUP_WORDS = {"cyrl": "сөз", "arab": "سوز", "latn": "söz"}  # one word through stdin


def wall(cmd: List[str], stdin: Optional[bytes] = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, input=stdin, stdout=subprocess.DEVNULL, check=True, env=CLI_ENV)
    return time.perf_counter() - t0


def median_wall(cmd: List[str], runs: int, stdin: Optional[bytes] = None) -> Dict[str, Any]:
    wall(cmd, stdin)  # warm-up: the compiled-table cache exists afterwards
    times = [wall(cmd, stdin) for _ in range(runs)]
    return {"median_s": statistics.median(times), "times_s": times}


def tables_option() -> List[str]:
    """The CLI measures the table version the in-process rows do (`--tables`)."""
    return ["--tables", TABLES] if TABLES else []


def startup_rows(jz: List[str], runs: int) -> Dict[str, Dict[str, Any]]:
    """`jazu --version`, and one word through stdin in every direction the tables have: median
    wall time, and the peak RSS of one run."""
    tables = tables_option()
    rows = {"jazu --version": median_wall(jz + ["--version"], runs)}
    for source, target in DIRECTIONS + ((LATIN_DIRECTIONS + (("arab", "latn"), ("latn", "arab"))) if has_latin() else ()):
        word = STARTUP_WORDS[source]
        cmd = jz + tables + ["--from", source, "--to", target]
        result = median_wall(cmd, runs, f"{word}\n".encode())
        result["peak_rss_kb"] = peak_rss_kb(cmd, f"{word}\n".encode())[0]
        rows[f"echo {word} | jazu --from {source} --to {target}"] = result
    return rows


def run_cli(corpora: Dict[str, Dict[str, str]], cfg: Dict[str, Any], workdir: Path) -> Dict[str, Any]:
    """The natural corpus through the CLI, file -> /dev/null, and the start-up costs."""
    jz = jazu_command()
    conversions = []
    for source, target in DIRECTIONS:
        print(f"  CLI: {source} -> {target}, natural ...", file=sys.stderr, flush=True)
        path = workdir / f"natural.{source}.txt"
        path.write_text(corpora[source]["natural"], encoding="utf-8")
        result = median_wall(jz + tables_option() + ["--from", source, "--to", target, str(path)], cfg["repeat"])
        size = path.stat().st_size
        conversions.append({"source": source, "target": target, "corpus": "natural", "bytes": size,
                            **result, "mb_per_s": size / result["median_s"] / MB})
    print("  CLI: start-up ...", file=sys.stderr, flush=True)
    startup = startup_rows(jz, cfg["startup_runs"])
    return {"command": jz, "conversions": conversions, "startup": startup}


def peak_rss_kb(cmd: List[str], stdin: Optional[bytes] = None) -> Tuple[int, float]:
    """(peak RSS in KiB, wall seconds) of one run of `cmd`, stdout to /dev/null."""
    if Path("/usr/bin/time").exists():
        t0 = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, input=stdin, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, check=True, env=CLI_ENV)
        return int(done.stderr.decode().strip().splitlines()[-1]), time.perf_counter() - t0
    # A fresh Python parent per run, so RUSAGE_CHILDREN is this one child's peak.
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
             " print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", probe] + cmd, input=stdin, stdout=subprocess.PIPE, check=True, env=CLI_ENV)
    return int(done.stdout.strip()), time.perf_counter() - t0


def new_words_text(source: str, megabytes: int) -> str:
    """The shuffled+suffixed corpus made afresh to `megabytes`: its vocabulary grows with its size
    (random stem + suffix forms), so the word caches fill up and must stay bounded."""
    rng = random.Random(RANDOM_SEED + megabytes)
    text = shuffled_cyrillic(megabytes, rng, SuffixPicker(rng))
    return jazu.Transliterator("cyrl", "arab")(text) if source == "arab" else text


def run_memory(corpora: Dict[str, Dict[str, str]], cfg: Dict[str, Any], workdir: Path) -> List[Dict[str, Any]]:
    """Peak RSS of the CLI on big files, one size after the other: the natural corpus repeated,
    and new words (a vocabulary that grows with the size); each file is deleted after its run."""
    jz = jazu_command()
    rows = []
    for source, target in DIRECTIONS:
        base = corpora[source]["natural"].encode("utf-8")
        runs = [("natural repeated", mb) for mb in cfg["memory_mb"]] + [("new words", mb) for mb in cfg["new_words_mb"]]
        for kind, megabytes in runs:
            print(f"  memory: {source} -> {target}, {kind}, {megabytes} MB ...", file=sys.stderr, flush=True)
            path = workdir / f"big.{source}.txt"
            with open(path, "wb") as f:
                if kind == "natural repeated":
                    for _ in range(max(1, round(megabytes * MB / len(base)))):
                        f.write(base)
                else:
                    f.write(new_words_text(source, megabytes).encode("utf-8"))
            try:
                size = path.stat().st_size
                rss, seconds = peak_rss_kb(jz + tables_option() + ["--from", source, "--to", target, str(path)])
                rows.append({"source": source, "target": target, "corpus": kind, "bytes": size, "peak_rss_kb": rss,
                             "wall_s": seconds, "mb_per_s": size / seconds / MB, "jobs": 1})
                if kind == "natural repeated" and megabytes == max(cfg["memory_mb"]):
                    # --jobs 2 on the same file: the speed-up on this machine's cores, same bytes out
                    print(f"  memory: {source} -> {target}, {kind}, {megabytes} MB, --jobs 2 ...", file=sys.stderr, flush=True)
                    rss, seconds = peak_rss_kb(jz + tables_option() + ["--from", source, "--to", target, "--jobs", "2", str(path)])
                    rows.append({"source": source, "target": target, "corpus": kind, "bytes": size, "peak_rss_kb": rss,
                                 "wall_s": seconds, "mb_per_s": size / seconds / MB, "jobs": 2})
            finally:
                path.unlink()
    return rows


# --- report ----------------------------------------------------------------------------------


def source_digest() -> str:
    """sha256 (12 hex digits) of the jazu package's .py files: the CLI runs import the code
    afresh, so a change to src/ during the run would mix two versions of jazu."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(Path(jazu.__file__).resolve().parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def load_average() -> Optional[List[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def machine() -> Dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "jazu": jazu.__version__,
        "tables": jazu.Transliterator("cyrl", "arab", tables=TABLES).tables,
        "source_digest": source_digest(),
        "load_average": load_average(),
    }


def header(meta: Dict[str, Any], cfg: Dict[str, Any]) -> str:
    mode = "quick" if cfg["quick"] else "full"
    return (f"{meta['date']} · {meta['platform']} · {meta['cpu']} × {meta['cpu_count']} CPUs · "
            f"{meta['python']} · jazu {meta['jazu']} (source {meta['source_digest']}) · tables {meta['tables']} · "
            f"{mode} run · load average at start {meta['load_average']}")


def direction(row: Dict[str, Any]) -> str:
    return f"{LABELS[row['source']]} → {LABELS[row['target']]}"


def in_process_table(rows: List[Dict[str, Any]], peer: Optional[Dict[str, Any]], cfg: Dict[str, Any]) -> str:
    lines = [
        f"In process, median of {cfg['repeat']} interleaved repetitions, a fresh Transliterator each "
        "(its set-up timed apart); yardstick = `str.translate` with a 1:1 letter table over the same text.",
        "",
        "| direction | corpus | MB | words | jazu MB/s | jazu words/s | yardstick MB/s | jazu/yardstick time | new Transliterator ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {direction(row)} | {row['corpus']} | {row['bytes'] / MB:.1f} | {row['words']:,} "
            f"| {row['mb_per_s']['jazu']:.2f} | {row['words_per_s']['jazu']:,.0f} "
            f"| {row['mb_per_s']['yardstick']:.1f} | {row['ratio']:.1f} | {row['setup_s'] * 1000:.0f} |"
        )
    if peer:
        lines.append(
            f"| {direction(peer)} (PyICU letter rules) | {peer['corpus']} | {peer['bytes'] / MB:.1f} | {peer['words']:,} "
            f"| {peer['mb_per_s']['jazu']:.2f} | {peer['words_per_s']['jazu']:,.0f} "
            f"| {peer['mb_per_s']['yardstick']:.1f} | {peer['ratio']:.1f} | – |"
        )
    return "\n".join(lines)


def cli_table(cli: Dict[str, Any], memory: List[Dict[str, Any]], cfg: Dict[str, Any]) -> str:
    lines = [
        f"Through the CLI (`{' '.join(cli['command'])}`), wall time; conversions: median of {cfg['repeat']} runs "
        f"after a warm-up, file → /dev/null; start-up: median of {cfg['startup_runs']} runs after a warm-up.",
        "",
        "| measurement | input MB | wall s | MB/s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in cli["conversions"]:
        lines.append(f"| {direction(row)}, natural | {row['bytes'] / MB:.1f} | {row['median_s']:.2f} "
                     f"| {row['mb_per_s']:.2f} | |")
    for name, result in cli["startup"].items():
        escaped = name.replace("|", "\\|")  # a literal pipe would end the table cell
        rss = f"{result['peak_rss_kb'] / 1024:.0f}" if "peak_rss_kb" in result else ""
        lines.append(f"| start-up: `{escaped}` | | {result['median_s']:.3f} | | {rss} |")
    for row in memory:
        jobs = f", --jobs {row['jobs']} (the largest process)" if row.get("jobs", 1) > 1 else ""
        lines.append(f"| peak memory: {direction(row)}, {row['corpus']}{jobs} | {row['bytes'] / MB:.0f} "
                     f"| {row['wall_s']:.1f} | {row['mb_per_s']:.2f} | {row['peak_rss_kb'] / 1024:.0f} |")
    if not memory:
        lines.append("| peak memory | skipped (--quick) | | | |")
    return "\n".join(lines)


# --- main ------------------------------------------------------------------------------------


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="~1 MB corpora, 3 repetitions, no memory run")
    parser.add_argument("--json", metavar="FILE", help="also write the raw numbers here")
    parser.add_argument("--tables", metavar="VERSION",
                        help="in-process rows only, with this table version (to compare versions on one machine)")
    args = parser.parse_args(argv)
    global TABLES
    TABLES = args.tables
    cfg = settings(args.quick)
    started = time.perf_counter()

    meta = machine()
    print("building corpora ...", file=sys.stderr, flush=True)
    corpora = build_corpora(cfg)
    in_process = run_in_process(corpora, cfg)
    peer = run_peer(corpora, cfg)
    cli: Optional[Dict[str, Any]] = None
    memory: Any = None
    if TABLES is None:
        with tempfile.TemporaryDirectory(prefix="jazu-bench-", dir="/tmp") as tmp:
            cli = run_cli(corpora, cfg, Path(tmp))
            memory = run_memory(corpora, cfg, Path(tmp))
    elapsed = time.perf_counter() - started

    print(f"## jazu benchmark suite\n\n{header(meta, cfg)}\n")
    print(in_process_table(in_process, peer, cfg) + "\n")
    if peer is None:
        print("PyICU peer row skipped: PyICU (`import icu`) is not installed.\n")
    if cli is not None:
        print(cli_table(cli, memory, cfg) + "\n")
    else:
        print(f"CLI and memory rows skipped: --tables {TABLES} measures in process only.\n")
    print(f"Whole suite: {elapsed:.0f} s.")
    final_digest = source_digest()
    if final_digest != meta["source_digest"]:
        print(f"\nWARNING: jazu's source changed during the run ({meta['source_digest']} -> {final_digest}): "
              "the in-process rows ran the first version, CLI rows may have run either. Run again.")

    if args.json:
        report = {"meta": meta, "settings": cfg, "in_process": in_process, "peer": peer, "cli": cli,
                  "memory": memory, "elapsed_s": elapsed, "source_digest_at_end": final_digest,
                  "load_average_at_end": load_average()}
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
