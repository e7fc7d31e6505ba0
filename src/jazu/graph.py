"""The conversion graph: scripts are nodes, converters are edges, and every route goes through
the Cyrillic pivot (Arabic -> Latin is Arabic -> Cyrillic -> Latin). Cyrillic is the pivot
because it is the one script that loses nothing: both other scripts are read *into* it (the
lossy, hard direction, with its lexicon) and written *from* it (a table pass).

    arab  <-- arabic/reader --  cyrl  -- latin/writer -->  latn
          -- arabic/writer -->        <-- latin/reader --

Each edge is built from one compiled table version; a route's converters are chained into one
`Pipeline`, which the stream and the CLI use as a single converter. A user lexicon (`lexicon=`)
is read by the Arabic reader only.
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence, Tuple

from jazu.errors import UnsupportedConversionError

PIVOT = "cyrl"
EDGES = (("arab", "cyrl"), ("cyrl", "arab"), ("cyrl", "latn"), ("latn", "cyrl"))
NEEDS_LATIN = "4"  # the first table version with the Latin tables


def route(source: str, target: str) -> Tuple[Tuple[str, str], ...]:
    """The edges from `source` to `target` (different scripts)."""
    if (source, target) in EDGES:
        return ((source, target),)
    return ((source, PIVOT), (PIVOT, target))


class Pipeline:
    """Converters run one after the other on each piece; the state is theirs, as a tuple."""

    def __init__(self, stages: Sequence[Any]) -> None:
        self.stages = tuple(stages)
        self.initial_state = tuple(stage.initial_state for stage in self.stages)
        self.state_reads_text = self.stages[0].state_reads_text  # only a reader, the first, carries one

    def convert(self, text: str, state: Any = None) -> Tuple[str, Any]:
        states = self.initial_state if state is None else state
        after: List[Any] = []
        for stage, stage_state in zip(self.stages, states):
            text, stage_state = stage.convert(text, stage_state)
            after.append(stage_state)
        return text, tuple(after)

    def state_after(self, text: str, state: Any = None) -> Any:
        """Only the first stage can carry a state across line ends (a reader): the others are
        writers (every route is a reader into Cyrillic, then a writer out of it)."""
        states = self.initial_state if state is None else state
        return (self.stages[0].state_after(text, states[0]),) + tuple(states[1:])

    def state_text(self, text: str) -> str:
        return self.stages[0].state_text(text)  # type: ignore[no-any-return]


def has_latin(version: str) -> bool:
    from jazu.tableset.compile import load_compiled

    return load_compiled(version).get("latin") is not None


DEFAULT_PROFILE = "kazinform"  # the house style; the only profile of versions 1 to 3
DIGITS = ("ascii", "arabic")


def profiles(version: Optional[str] = None) -> Tuple[str, ...]:
    """The Arabic output profiles of a table version, the default first."""
    from jazu.tableset.compile import load_compiled

    names = list(load_compiled(version)["writer"].get("profiles") or ())
    return (DEFAULT_PROFILE,) + tuple(n for n in names if n != DEFAULT_PROFILE)


def check_output_options(version: str, profile: str, digits: str) -> None:
    from jazu.errors import UnknownOptionError

    known = profiles(version)
    if profile not in known:
        raise UnknownOptionError(f"unknown profile {profile!r} for tables version {version}; known: {', '.join(known)}")
    if digits not in DIGITS:
        raise UnknownOptionError(f"unknown digits {digits!r}; use one of: {', '.join(DIGITS)}")


def build(
    source: str, target: str, version: str, case: str, user: Optional[Any] = None,
    profile: str = DEFAULT_PROFILE, digits: str = "ascii",
) -> Any:
    """The converter from `source` to `target` with table version `version`: one edge's
    converter, or a Pipeline through the pivot. `profile` and `digits` shape Arabic output."""
    from jazu.tableset.compile import load_compiled

    compiled = load_compiled(version)
    edges = route(source, target)
    if any("latn" in edge for edge in edges) and compiled.get("latin") is None:
        raise UnsupportedConversionError(
            f"{source} -> {target} needs the Latin tables of version {NEEDS_LATIN} or later; "
            f"tables version {version} has none"
        )
    output = (profile, digits)
    stages = [_edge(edge, compiled, version, case, user, output) for edge in edges]
    return stages[0] if len(stages) == 1 else Pipeline(stages)


def _edge(
    edge: Tuple[str, str], compiled: Any, version: str, case: str, user: Optional[Any], output: Tuple[str, str]
) -> Any:
    if edge == ("cyrl", "arab"):
        from jazu.arabic.writer import Writer

        profile, digits = output
        chosen = (compiled["writer"].get("profiles") or {}).get(profile) or {"style": None, "hamza": None}
        return Writer(compiled, style=chosen["style"], hamza=chosen["hamza"], digits=digits)
    if edge == ("arab", "cyrl"):
        from jazu.arabic.lexicon import load_lexicon
        from jazu.arabic.reader import Reader

        lexicon = load_lexicon(version) if compiled["has_lexicon"] else None
        return Reader(compiled, lexicon, case=case, user=user)
    if edge == ("cyrl", "latn"):
        from jazu.latin.writer import LatinWriter

        return LatinWriter(compiled["latin"])
    from jazu.arabic.lexicon import lexicon_source
    from jazu.latin.index import load_latin_index, user_latin_index
    from jazu.latin.reader import LatinReader

    index = None
    if compiled["has_lexicon"]:
        index = load_latin_index(version, compiled["latin"], lambda: lexicon_source(version)["lexicon"])
    return LatinReader(compiled["latin"], index, case=case, user=user_latin_index(compiled["latin"], user) if user else None)
