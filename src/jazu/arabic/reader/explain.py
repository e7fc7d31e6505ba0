"""Why a word reads as it does (`Transliterator.explain`): the readings the tables allow for one
Arabic word, where each comes from, and how sure the reader is of the one it chose.

Origins, in the order the reader asks them: "acronym" (a known acronym written as a word),
"user lexicon", "lexicon" (a known stem and a known suffix, spelt back as the input), "rule"
(the letters and vowel harmony), "n-gram rank" (a stem guess or a one-harmony reading ranked by
the n-gram model), "name rule" (an unknown word's capital from its ending or a known name).

The score (0 to 1) and `uncertain` (score below UNCERTAIN):
- 1.0: a lexicon gives this one reading, and no reading that differs from it only in case;
- 0.6: a lexicon gives it, but gives other readings too (homographs), or the same letters with
  and without a capital, or the gazetteer has it as a given name too (Назар the name, назар
  the word): the reader chose by rank or context;
- below 0.5: no lexicon knows the word; the n-gram margin between the reading and its best
  rival, scaled: 0.5 at two NGRAM_MARGINs or more, 0 where they tie.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from jazu.arabic.reader.lexical import NGRAM_MARGIN
from jazu.cyrillic.morphology import SEAM_OPENERS, seam

UNCERTAIN = 0.6  # a reading scored below this is marked uncertain


class Explaining:
    """Mixed into the Reader: it reads the reader's own tables and stages."""

    def explain_word(self, raw: str) -> Dict[str, Any]:
        reading = self._word(raw)
        word = self._norm.word(raw)
        front = self._hamza in word
        word = word.replace(self._hamza, "")
        if not word:
            return _entry(reading, "kept", [], 1.0)
        candidates: List[Tuple[str, str]] = []
        if word in self._acronym_spellings:
            acronym = self._names.acronym(word, front, self._is_whole_word)
            if acronym is not None:
                candidates.append((acronym, "acronym"))
        known_origins = ("user lexicon", "lexicon") if self._user is not None else ("lexicon",)
        for lexicon, origin in zip(self._lexicons, known_origins):
            candidates += [(c, origin) for c in self._lexicon_readings(word, front, lexicon)]
        units = self._units(word)
        by_rule = self._by_rule(word, front, units)
        candidates.append((by_rule, "rule"))
        rivals: List[str] = []
        if self._ngram is not None:
            guesses: List[str] = []
            for lexicon in self._lexicons:
                guesses = guesses or self._from_lexicon(word, front, lexicon, self._conventions.active)[1]
            rivals = self._rivals(by_rule, guesses, word, front, units)
            candidates += [(r, "n-gram rank") for r in rivals]
        # One entry a reading, the first origin that gives it.
        seen: Dict[str, str] = {}
        for candidate, origin in candidates:
            seen.setdefault(candidate, origin)
        origin = seen.get(reading) or next((o for c, o in seen.items() if c.lower() == reading.lower()), "rule")
        if reading not in seen and origin != "rule":
            origin = "name rule" if reading[:1].isupper() else origin
        alternatives = [{"reading": c, "from": o} for c, o in seen.items() if c != reading]
        lexical = [c for c, o in seen.items() if o in ("acronym",) + known_origins]
        if reading in lexical or (origin in known_origins and reading.lower() in {c.lower() for c in lexical}):
            cased = {c.lower() for c in lexical if c.lower() == reading.lower() and c != reading}
            others = {c.lower() for c in lexical} - {reading.lower()}
            named = reading.lower() in self._capitals.given_names  # a word that is also a name
            score = 0.6 if others or cased or named else 1.0
        else:
            score = self._margin_score(reading, [c for c in seen if c.lower() != reading.lower()])
        return _entry(reading, origin, alternatives, score)

    def _lexicon_readings(self, word: str, front: bool, lexicon: Any) -> List[str]:
        """Every reading a lexicon gives `word`: a known stem and a known suffix (or none) that
        some spelling style writes as the input, longest stem first."""
        found: List[str] = []
        for prefix, variants, _ in lexicon.stems(word):
            rest = word[len(prefix):]
            if rest and rest not in lexicon.suffix_spellings:
                continue
            for variant in variants:
                if not rest:
                    candidates = [variant]
                else:
                    candidates = []
                    for suffix, _ in lexicon.suffixes(rest, variant):
                        joined = seam(variant, suffix) if lexicon.seams and suffix[0] in SEAM_OPENERS else variant + suffix
                        if joined is not None:
                            candidates.append(joined)
                for candidate in candidates:
                    if candidate not in found and self._spells(candidate, word, front, others=True) > 0:
                        found.append(candidate)
        return found

    def _margin_score(self, reading: str, rivals: List[str]) -> float:
        if self._ngram is None or not rivals:
            return 0.5
        score = self._ngram.score
        margin = score(reading) - max(score(r) for r in rivals)
        return round(max(0.0, min(0.5, 0.25 * margin / NGRAM_MARGIN)), 3)


def _entry(reading: str, origin: str, alternatives: List[Dict[str, str]], score: float) -> Dict[str, Any]:
    return {"reading": reading, "from": origin, "alternatives": alternatives, "score": score,
            "uncertain": score < UNCERTAIN}
