#!/usr/bin/env python3
"""Validate tools/hunspell_expand.py against Debian's ``unmunch``.

Runs ``unmunch DIC AFF`` (package hunspell-tools; its output is the raw bytes
of the dictionary's SET encoding, one word per line, LF, no BOM), our
expansion, and a byte-level emulation of unmunch built on the same parsed
.aff.  unmunch tests each affix condition byte by byte: a UTF-8 character
such as ``ж`` (D0 B6) becomes two condition positions and a group such as
``[аоу]`` becomes *one* position that accepts any byte of its members.  For
a UTF-8 dictionary that is a different rule from libhunspell's per-character
test.  The report shows that

* the emulation reproduces unmunch's output set exactly, and
* every form on which unmunch and our expansion differ comes from one
  (stem, rule) pair whose condition holds per character but not per byte, or
  the other way round; these are grouped into classes with the characters
  and bytes involved.

With ``--hunspell-oracle`` (needs libhunspell-1.7.so.0, package
libhunspell-1.7-0) every form of both sides is also checked with
``Hunspell_spell``: all of ours must be accepted; unmunch's extra forms are
counted as accepted or rejected.

Writes a Markdown report (default build/unmunch_report.md) and prints it.
"""

import argparse
import collections
import ctypes
import os
import subprocess
import sys
import time
from typing import Dict, List, Optional, Set, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hunspell_expand as hx  # noqa: E402

REPO_ROOT = hx.REPO_ROOT
DEFAULT_REPORT = os.path.join(REPO_ROOT, "build", "unmunch_report.md")


# --------------------------------------------------------------------------
# byte-level emulation of unmunch's encodeit()/suf_add()/pfx_add()


class ByteCond:
    """A condition compiled the way unmunch's encodeit() does it."""

    def __init__(self, rule: hx.Affix, encoding: str):
        self.rule = rule
        self.strip = rule.strip.encode(encoding)
        self.positions: List[Optional[frozenset]] = []  # None = any byte
        if rule.note and rule.note.startswith("4 fields") and "repaired" not in rule.note:
            # unmunch never calls encodeit() for a 4-field line; its
            # condition count is left at 0 (matches any word).
            return
        if rule.cond_text == ".":
            return
        for kind, chars in hx.parse_condition(rule.cond_text, rule.line):
            if kind == "any":
                self.positions.append(None)
            elif kind == "lit":
                for b in chars.encode(encoding):
                    self.positions.append(frozenset([b]))
            else:
                members = frozenset(chars.encode(encoding))
                if kind == "nset":
                    members = frozenset(range(256)) - members
                self.positions.append(members)

    def applies(self, word: bytes, fullstrip: bool = False) -> bool:
        n, s, k = len(word), len(self.strip), len(self.positions)
        if not (n + (1 if fullstrip else 0) > s and n >= k):
            return False
        if self.rule.kind == "SFX":
            if s and word[n - s:] != self.strip:
                return False
            seg = word[n - k:]
        else:
            if s and word[:s] != self.strip:
                return False
            seg = word[:k]
        for b, allowed in zip(seg, self.positions):
            if allowed is not None and b not in allowed:
                return False
        return True


def explain(rule: hx.Affix, stem: str, encoding: str) -> str:
    """Name the condition element and stem character on which the
    per-character and per-byte tests disagree."""
    elems = hx.parse_condition(rule.cond_text, rule.line) if rule.cond_text != "." else []
    if rule.note and "no condition" in rule.note:
        return "4-field rule: unmunch leaves its condition count at 0"
    if rule.kind != "SFX":
        return "prefix condition differs per byte"
    # align elements with stem characters from the end, per character
    chars = stem[-len(elems):] if len(elems) <= len(stem) else stem
    if len(elems) > len(stem):
        return "condition longer than stem in characters, not in bytes"
    for (kind, members), ch in zip(elems, chars):
        if kind in ("set", "nset"):
            in_set = ch in members
            ok_char = in_set if kind == "set" else not in_set
            last = ch.encode(encoding)[-1]
            mem_bytes = set(members.encode(encoding))
            ok_byte = (last in mem_bytes) if kind == "set" else (last not in mem_bytes)
            if ok_char != ok_byte:
                owners = sorted({m for m in members if last in m.encode(encoding)})
                how = ("byte 0x%02X of %s" % (last, "/".join(owners))) if owners else \
                    "no member byte"
                return ("group [%s%s] is tested on the last byte 0x%02X of %r "
                        "(U+%04X): per char %s, per byte %s (%s)"
                        % ("^" if kind == "nset" else "", members, last, ch, ord(ch),
                           "match" if ok_char else "no match",
                           "match" if ok_byte else "no match", how))
    return "byte alignment differs (stem has characters of other byte lengths)"


def _byte_index(aff: hx.AffixFile, bconds: Dict[int, "ByteCond"]):
    """Per suffix flag: for each possible last byte, the rules whose byte
    condition (or strip) allows a word ending in that byte."""
    index = {}
    for flag, rules in aff.by_flag.items():
        table: List[List[hx.Affix]] = [[] for _ in range(256)]
        for r in rules:
            if r.kind != "SFX":
                continue
            bc = bconds[id(r)]
            if bc.strip:
                allowed = [bc.strip[-1]]
            elif bc.positions and bc.positions[-1] is not None:
                allowed = sorted(bc.positions[-1])
            else:
                allowed = range(256)
            for b in allowed:
                table[b].append(r)
        index[flag] = table
    return index


def emulate_unmunch(aff: hx.AffixFile, dic_path: str):
    """Return (set of forms, list of disagreements) where a disagreement is
    (stem, rule, form, per_char_ok, per_byte_ok)."""
    enc = aff.encoding
    bconds = {id(r): ByteCond(r, enc) for r in aff.rules}
    bindex = _byte_index(aff, bconds)
    forms: Set[str] = set()
    disagreements = []
    for word, flags, _ in hx.parse_dic(dic_path, aff):
        forms.add(word)
        if not flags:
            continue
        wb = word.encode(enc)
        fl = list(dict.fromkeys(flags))
        for flag in fl:
            if flag not in bindex:
                continue
            cands = {id(r): r for r in bindex[flag][wb[-1]]}
            for r in hx._candidates(aff, flag, word):
                cands[id(r)] = r
            for r in cands.values():
                ok_b = bconds[id(r)].applies(wb, aff.fullstrip)
                ok_c = r.applies(word, aff.fullstrip)
                if ok_b:
                    forms.add(r.apply(word))
                if ok_b != ok_c:
                    disagreements.append((word, r, r.apply(word), ok_c, ok_b))
        # prefixes (none in kk_KZ): plain application only
        for flag in fl:
            for r in aff.by_flag.get(flag, ()):
                if r.kind == "PFX" and bconds[id(r)].applies(wb, aff.fullstrip):
                    forms.add(r.apply(word))
    return forms, disagreements


# --------------------------------------------------------------------------


def run_unmunch(dic: str, aff: str, encoding: str) -> Tuple[List[str], float]:
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(["unmunch", dic, aff], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, check=True)
    except FileNotFoundError:
        sys.exit("compare_unmunch: error: unmunch not found "
                 "(apt-get install -y hunspell-tools)")
    dt = time.perf_counter() - t0
    text = proc.stdout.decode(encoding, "surrogateescape")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines, dt


def hunspell_oracle(aff: str, dic: str):
    try:
        lib = ctypes.CDLL("libhunspell-1.7.so.0")
    except OSError:
        return None
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.Hunspell_spell.restype = ctypes.c_int
    h = lib.Hunspell_create(aff.encode(), dic.encode())
    return lambda word, enc: lib.Hunspell_spell(h, word.encode(enc)) != 0


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dic", default=hx.DEFAULT_DIC)
    ap.add_argument("--aff", default=hx.DEFAULT_AFF)
    ap.add_argument("--report", default=DEFAULT_REPORT)
    ap.add_argument("--samples", type=int, default=3, help="examples per class")
    ap.add_argument("--hunspell-oracle", action="store_true")
    args = ap.parse_args(argv)

    aff = hx.parse_aff(args.aff)
    enc = aff.encoding

    t0 = time.perf_counter()
    ours_pairs = list(hx.expand(args.dic, args.aff))
    t_ours = time.perf_counter() - t0
    ours = {f for _, f in ours_pairs}

    um_lines, t_um = run_unmunch(args.dic, args.aff, enc)
    um = set(um_lines)

    t0 = time.perf_counter()
    emu, dis = emulate_unmunch(aff, args.dic)
    t_emu = time.perf_counter() - t0

    only_ours = ours - um
    only_um = um - ours
    out: List[str] = []
    w = out.append
    w("# hunspell_expand vs unmunch\n")
    w("- dictionary: `%s`, affixes: `%s` (SET %s)" % (args.dic, args.aff, aff.set_name))
    w("- our expansion: %d (stem, form) pairs, **%d distinct forms**, %.1f s"
      % (len(set(ours_pairs)), len(ours), t_ours))
    w("- unmunch: %d output lines, **%d distinct forms**, %.1f s"
      % (len(um_lines), len(um), t_um))
    w("- forms only in ours: **%d**; only in unmunch: **%d**; in both: %d"
      % (len(only_ours), len(only_um), len(ours & um)))
    w("- byte-level emulation of unmunch: %d forms; equal to unmunch's set: **%s**"
      " (%d / %d forms differ)" % (len(emu), emu == um, len(emu - um), len(um - emu)))
    bad_chars = [l for l in um_lines if any("\udc80" <= c <= "\udcff" for c in l)]
    w("- unmunch lines that are not valid %s: %d" % (enc, len(bad_chars)))

    # Which forms do the disagreements explain?
    lost = collections.defaultdict(list)    # char ok, byte not -> only ours
    extra = collections.defaultdict(list)   # byte ok, char not -> only unmunch
    for stem, r, form, ok_c, ok_b in dis:
        (lost if ok_c else extra)[form].append((stem, r))
    unexplained_ours = {f for f in only_ours if f not in lost}
    unexplained_um = {f for f in only_um if f not in extra}
    w("- differences explained by per-char vs per-byte condition tests: "
      "%d of %d (only ours), %d of %d (only unmunch)"
      % (len(only_ours) - len(unexplained_ours), len(only_ours),
         len(only_um) - len(unexplained_um), len(only_um)))
    if unexplained_ours or unexplained_um:
        w("- UNEXPLAINED: %s %s" % (sorted(unexplained_ours)[:10],
                                     sorted(unexplained_um)[:10]))

    # Group differing forms into classes.
    classes: Dict[Tuple[str, str], List[Tuple[str, str, hx.Affix]]] = collections.defaultdict(list)
    for side, table, diff in (("only ours", lost, only_ours), ("only unmunch", extra, only_um)):
        for form in sorted(diff):
            stem, r = table[form][0]
            classes[(side, explain(r, stem, enc))].append((stem, form, r))
    w("\n## Classes of differences\n")
    w("| side | forms | cause | examples (stem -> form, rule line) |")
    w("|---|---|---|---|")
    for (side, why), items in sorted(classes.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        ex = "; ".join("%s -> %s (`%s %s %s %s %s`, l.%d)"
                       % (s, f, r.kind, r.flag, r.strip or "0", r.append or "0",
                          r.cond_text, r.line)
                       for s, f, r in items[:args.samples])
        w("| %s | %d | %s | %s |" % (side, len(items), why, ex))

    if args.hunspell_oracle:
        spell = hunspell_oracle(args.aff, args.dic)
        w("\n## libhunspell oracle (Hunspell_spell)\n")
        if spell is None:
            w("libhunspell-1.7.so.0 not found; skipped")
        else:
            t0 = time.perf_counter()
            rej_ours = [f for f in sorted(ours) if not spell(f, enc)]
            acc_um = [f for f in sorted(only_um) if spell(f, enc)]
            w("- our forms rejected by libhunspell: %d of %d %s"
              % (len(rej_ours), len(ours), rej_ours[:10]))
            w("- unmunch-only forms accepted by libhunspell: %d of %d %s"
              % (len(acc_um), len(only_um), acc_um[:10]))
            w("- oracle time %.1f s" % (time.perf_counter() - t0))

    w("\nemulation time %.1f s" % t_emu)
    report = "\n".join(out) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
    with open(args.report, "w", encoding="utf-8") as fh:
        fh.write(report)
    print(report)
    return 0 if emu == um and not unexplained_ours and not unexplained_um else 2


if __name__ == "__main__":
    sys.exit(main())
