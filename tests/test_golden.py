"""The seed articles: golden outputs per table version (output never changes silently), the
design card's round trip over the Arabic-script article, and accuracy against a careful human
transliteration of it."""

from __future__ import annotations

from pathlib import Path
from typing import List, Tuple

import pytest

import jazu
from conftest import DATA, ROOT, SEED_ARAB, read

GOLDEN = ROOT / "tests" / "golden"


def _golden_cases() -> List[Tuple[str, Path, Path, str]]:
    cases = []
    for version_dir in sorted(GOLDEN.iterdir()):
        for path in sorted(version_dir.glob("*.txt")):
            number, target = path.stem.split(".")
            seed = next((ROOT / "seeds").glob(f"{number}_*.txt"))
            cases.append((version_dir.name, seed, path, target))
    return cases


@pytest.mark.parametrize("version,seed,golden,target", _golden_cases(), ids=lambda v: getattr(v, "name", str(v)))
def test_seed_golden_output(version: str, seed: Path, golden: Path, target: str) -> None:
    got = jazu.transliterate(read(seed), target=target, tables=version)
    expected = read(golden)
    if got != expected:
        diffs = [
            f"line {i}: {a!r} != {b!r}"
            for i, (a, b) in enumerate(zip(got.splitlines(), expected.splitlines()), start=1)
            if a != b
        ]
        pytest.fail(f"{golden.relative_to(ROOT)} changed (a new table version is needed):\n" + "\n".join(diffs[:10]))


def _exceptions(check: str, version: str) -> dict:
    """Words of seed 000 allowed to differ in `check` with tables `version`, with reasons."""
    allowed = {}
    for line in read(DATA / "seed000_exceptions.tsv").splitlines():
        if line and not line.startswith("#"):
            word, applies, since, reason = line.split("\t")
            assert applies in ("roundtrip", "writer") and since.isdigit() and reason.strip(), line
            if applies == check and int(version) >= int(since):
                allowed[word] = reason
    return allowed


def _words(text: str) -> List[str]:
    return text.split()


VERSIONS = jazu.available_tables()


@pytest.mark.parametrize("version", VERSIONS)
def test_seed_round_trip_arab_cyrl_arab(version: str) -> None:
    source = read(SEED_ARAB)
    cyrl = jazu.transliterate(source, target="cyrl", tables=version)
    back = jazu.transliterate(cyrl, target="arab", tables=version)
    a, b = _words(source), _words(back)
    assert len(a) == len(b)
    allowed = _exceptions("roundtrip", version)
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    unexplained = [(x, y) for x, y in differing if x not in allowed]
    assert not unexplained, f"round trip changed: {unexplained}"
    # The bar is on the words the seed writes consistently: its listed inconsistencies apart.
    consistent = [(x, y) for x, y in zip(a, b) if x not in allowed]
    identical = sum(x == y for x, y in consistent) / len(consistent)
    assert identical >= 0.995, f"{identical:.2%} of words identical"
    # Every listed exception still occurs: the list may not grow stale.
    assert set(allowed) <= {x for x, _ in differing}


@pytest.mark.parametrize("version", VERSIONS)
def test_writer_reproduces_the_seed_from_a_human_transliteration(version: str) -> None:
    """Cyrillic (careful human transliteration of seed 000) -> Arabic == Kazinform's own text."""
    reference = read(DATA / "seed000.cyrl.reference.txt")
    written = _words(jazu.transliterate(reference, target="arab", source="cyrl", tables=version))
    seed = _words(read(SEED_ARAB))
    assert len(written) == len(seed)
    allowed = _exceptions("writer", version)
    differing = [(w, s) for w, s in zip(written, seed) if w != s]
    wrong = [(w, s) for w, s in differing if s not in allowed]
    assert not wrong, wrong
    assert set(allowed) <= {s for _, s in differing}
    exact = 1 - len(differing) / len(seed)
    assert exact >= 0.985, f"{exact:.2%} of words exact"


# Measured floors (benchmarks/accuracy.py): rules only, then with the lexicon.
READER_FLOOR = {"1": 0.92, "2": 0.98, "3": 0.99, "4": 0.99}


@pytest.mark.parametrize("version", VERSIONS)
def test_reader_accuracy_on_the_seed(version: str) -> None:
    """Reading seed 000 against the careful human transliteration, ignoring case."""
    cyrl = _words(jazu.transliterate(read(SEED_ARAB), target="cyrl", tables=version))
    reference = _words(read(DATA / "seed000.cyrl.reference.txt"))
    assert len(cyrl) == len(reference)
    right = sum(a.lower() == b.lower() for a, b in zip(cyrl, reference))
    assert right / len(reference) >= READER_FLOOR[version]
