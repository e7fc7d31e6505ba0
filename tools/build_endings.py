"""Build the inflectional endings of a table version (tables/<version>/endings.tsv, version 3 on)
from the rules of Kazakh grammar written below, deterministically; no download is needed.

    python tools/build_endings.py 3

hunspell-kk's affix file gives the reader 254 suffix strings, but few of the chains that Kazakh
builds from them: a possessive then a case (кітабын, фильміне), a participle then a case
(келгенде, айтқанын), the conditional (өтсе), the future participle (баратын). Here every
ending is a chain of slots, each a set of back-harmony forms (the consonant alternations of its
first sound listed out); the front forms are derived letter by letter (а е, ы і, ұ ү, о ө, ғ г,
қ к). The reader still keeps only readings whose stem and ending agree in harmony and that its
writer spells back exactly as the input, so an ending listed here never forces a reading.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path
from typing import Iterable, List, Sequence

from own_table import main, write_table
FRONT = str.maketrans("аыұоғқ", "еіүөгк")

PLURAL = ["лар", "дар", "тар"]
# possessives that a case ending follows directly (1st and 2nd person)
POSSESSIVE = ["ым", "м", "ың", "ң", "ымыз", "мыз", "ыңыз", "ңыз"]
THIRD = ["ы", "сы"]  # the 3rd person possessive, after which cases take an n
CASE = ["ның", "дың", "тың", "ға", "қа", "ны", "ды", "ты", "да", "та", "дан", "тан", "нан", "мен", "бен", "пен", "дай", "тай"]
CASE_AFTER_POSSESSIVE = ["ның", "а", "ды", "да", "нан", "мен", "дай"]
CASE_AFTER_THIRD = ["н", "на", "нда", "нан", "ның", "мен", "ндай", "ндағы"]
# verbs: an optional negation, then a form, then what may follow that form
NEGATION = ["", "ма", "ба", "па"]
NOT_NEGATED = {"мақ", "бақ", "пақ", "шы", "ңыз", "ңыздар", "ңдар", "айық", "йық", "ар", "р", "мас", "бас", "пас", "п", "ғалы", "қалы"}
PERSON_PAST = ["м", "ң", "қ", "ңыз", "ңдар", "ңыздар", "қ"]
VERB_FORMS = {
    # past participle (болған, айтқан), with person and case
    ("ған", "қан"): ["", "мын", "сың", "сыз", "мыз", "ы", "ын", "ына", "ында", "ынан", "ының", "ымен", "да", "дан", "ға",
                     "ды", "ның", "мен", "дай", "дықтан", "дар", "дары", "дарды", "дардың", "дарға", "дарда", "нан",
                     "ым", "ың", "ымыз", "ыңыз", "ша", "нша"],
    ("са",): [""] + PERSON_PAST + ["да"],  # conditional (өтсе, барсаң)
    ("ды", "ты"): PERSON_PAST,  # past (барды -> бардым)
    ("атын", "йтын"): ["", "ы", "ын", "ына", "ында", "ынан", "ының", "дай", "дар", "дардың", "мын", "сың", "мыз"],
    ("мақ", "бақ", "пақ"): ["", "шы", "пын", "сың", "ымыз", "ы", "қа", "тың"],
    ("у", "ю"): ["", "ы", "ын", "ына", "ында", "ынан", "ының", "ға", "да", "дан", "ды", "мен", "шы", "шылар", "шылардың",
                 "шының", "шыға", "шыны", "шылық", "ымыз", "лары", "ларын"],
    ("ғалы", "қалы"): ["", "тұр", "ты", "мыз"],
    ("ар", "р"): ["", "мын", "сың", "сыз", "мыз", "ы", "лық"],
    ("мас", "бас", "пас"): ["", "тан", "қа", "ы"],
    ("атын", "йтын", "ған", "қан"): [""],
    ("а", "й"): ["мын", "сың", "сыз", "ды", "мыз", "сыңдар", "сыздар", "тын", "тұғын", "ғой"],
    ("ып", "п"): ["", "ты", "пын", "сың", "пыз"],
    ("шы",): [""],
    ("ңыз", "ңыздар", "ңдар"): [""],
    ("айық", "йық"): [""],
}


def chains(*slots: Sequence[str]) -> Iterable[str]:
    for parts in product(*slots):
        yield "".join(parts)


def endings() -> List[str]:
    back = set()
    # nouns: plural?, possessive?, case?
    back.update(chains(["", *PLURAL], POSSESSIVE, CASE_AFTER_POSSESSIVE))
    back.update(chains(["", *PLURAL], POSSESSIVE))
    back.update(chains(["", *PLURAL], THIRD, ["", *CASE_AFTER_THIRD]))
    back.update(chains(PLURAL, ["", *CASE]))
    back.update(CASE)
    back.update(chains(PLURAL, ["ы"], CASE_AFTER_THIRD))
    # verbs: after the negation (a vowel) only the forms that follow a vowel or a voiced sound,
    # and those the negation takes at all (бармаған, бармаса, бармады, бармайды, бармау; not
    # *бармамақ)
    for forms, after in VERB_FORMS.items():
        back.update(chains([""], forms, after))
        negated = [f for f in forms if f[0] not in "аықтп" and f not in NOT_NEGATED]
        back.update(chains(NEGATION[1:], negated, after))
    back.discard("")
    both = back | {e.translate(FRONT) for e in back}
    bad = sorted(e for e in both if not e.isalpha() or not all("а" <= ch <= "я" or ch in "әіңғүұқөһё" for ch in e))
    if bad:
        raise SystemExit(f"build_endings: not a Cyrillic ending: {bad[:5]}")
    return sorted(both)


def write(directory: Path, version: str) -> None:
    write_table(
        directory, "endings", version,
        "Built by tools/build_endings.py from the rules of Kazakh grammar it holds: edit those, not this.",
        "jazu's own list of Kazakh inflectional endings (tools/build_endings.py), from the grammar's rules",
        (f"suffix\t{e}" for e in endings()),
    )


if __name__ == "__main__":
    main(__doc__, write)
