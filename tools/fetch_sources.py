#!/usr/bin/env python3
"""Fetch the raw lexical sources for the Kazakh lexicon (stdlib only).

Sources
-------
* Debian package ``hunspell-kk``: fetched with ``apt-get download``, unpacked
  with ``dpkg-deb -x`` (or a pure-Python ar+tar reader when ``dpkg-deb`` is
  missing).  ``kk_KZ.dic``, ``kk_KZ.aff`` and the Debian copyright file are
  copied byte for byte to the destination (``hunspell_kk_copyright``).
* PyPI package ``g2p-kz``: fetched with ``pip download --no-deps``.  Its
  ``rightreading`` list (``kzphoneme/data/rightreading.kz`` in 0.0.4, located
  by searching the archive) is written to ``g2p_kz_rightreading.txt``, one entry
  per line, entries byte-exact and in the package's order (only the CRLF line
  ends are written as LF).  The package's licence statements go to
  ``g2p_kz_LICENSE.txt`` (the 0.0.4 sdist ships no licence file, so that file
  quotes the licence fields of PKG-INFO and the README's licence section).

``SOURCES.json`` records package versions, the sha256 of each downloaded
artefact and of each written file.  Versions are pinned by default so that a
re-run yields identical files; files whose content is unchanged are not
rewritten.  Any failure ends the program with one line on stderr and exit 1.

Usage: python tools/fetch_sources.py [--dest build/sources] [--latest]
       [--no-dpkg-deb]
"""

import argparse
import bz2
import email.message
import email.parser
import gzip
import hashlib
import io
import json
import lzma
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from typing import Dict, List, Optional, Tuple

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DEST = os.path.join(REPO_ROOT, "build", "sources")

HUNSPELL_PKG = "hunspell-kk"
HUNSPELL_VERSION = "1.1-3"
HUNSPELL_FILES = {
    # destination name: path inside the .deb
    "kk_KZ.dic": "usr/share/hunspell/kk_KZ.dic",
    "kk_KZ.aff": "usr/share/hunspell/kk_KZ.aff",
    "hunspell_kk_copyright": "usr/share/doc/hunspell-kk/copyright",
}

G2P_PKG = "g2p-kz"
G2P_VERSION = "0.0.4"
RIGHTREADING_OUT = "g2p_kz_rightreading.txt"
G2P_LICENSE_OUT = "g2p_kz_LICENSE.txt"

LICENSE_NAME_RE = re.compile(r"^(licen[cs]e|copying|notice)(\.[a-z]+)?$", re.I)


class FetchError(Exception):
    """A failure reported to the user as one line."""


# --------------------------------------------------------------------------
# helpers


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_if_changed(path: str, data: bytes) -> bool:
    """Write atomically; leave the file untouched when content is equal."""
    try:
        with open(path, "rb") as fh:
            if fh.read() == data:
                return False
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return True


def run(cmd: List[str], cwd: Optional[str] = None, what: str = "") -> str:
    """Run a command; on failure raise FetchError with its last stderr line."""
    try:
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=False)
    except FileNotFoundError:
        raise FetchError("%s: command not found: %s" % (what or cmd[0], cmd[0]))
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        # pick the most telling line (apt/pip put the reason on an E:/ERROR: line)
        tell = [l for l in err if l.startswith(("E:", "ERROR:", "error:"))]
        last = (tell or err or ["(no message)"])[-1].strip()
        raise FetchError("%s failed (exit %d): %s"
                         % (what or " ".join(cmd), proc.returncode, last))
    return proc.stdout.decode("utf-8", "replace")


# --------------------------------------------------------------------------
# .deb handling (pure-Python fallback for dpkg-deb)


def _ar_members(data: bytes) -> Dict[str, bytes]:
    if not data.startswith(b"!<arch>\n"):
        raise FetchError("not a Debian archive (bad ar magic)")
    pos, members = 8, {}
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        pos += 60
        members[name] = data[pos:pos + size]
        pos += size + (size & 1)
    return members


def _decompress(name: str, blob: bytes) -> bytes:
    if name.endswith(".xz"):
        return lzma.decompress(blob)
    if name.endswith(".gz"):
        return gzip.decompress(blob)
    if name.endswith(".bz2"):
        return bz2.decompress(blob)
    if name.endswith(".tar"):
        return blob
    raise FetchError("unsupported compression in .deb member %s "
                     "(install dpkg-deb)" % name)


def _deb_tar(members: Dict[str, bytes], prefix: str) -> tarfile.TarFile:
    for name, blob in members.items():
        if name.startswith(prefix + ".tar"):
            return tarfile.open(fileobj=io.BytesIO(_decompress(name, blob)))
    raise FetchError("no %s.tar* member in .deb" % prefix)


def deb_read_files_pure(deb_path: str, wanted: List[str]) -> Tuple[Dict[str, bytes], str]:
    with open(deb_path, "rb") as fh:
        members = _ar_members(fh.read())
    out = {}
    with _deb_tar(members, "data") as tar:
        for info in tar.getmembers():
            name = posixpath.normpath(info.name.lstrip("./"))
            if name in wanted and info.isfile():
                out[name] = tar.extractfile(info).read()
    version = ""
    with _deb_tar(members, "control") as tar:
        for info in tar.getmembers():
            if posixpath.basename(info.name) == "control" and info.isfile():
                text = tar.extractfile(info).read().decode("utf-8")
                m = re.search(r"^Version:\s*(\S+)", text, re.M)
                version = m.group(1) if m else ""
    return out, version


def deb_read_files(deb_path: str, wanted: List[str], workdir: str,
                   use_dpkg: bool) -> Tuple[Dict[str, bytes], str]:
    if use_dpkg and shutil.which("dpkg-deb"):
        root = os.path.join(workdir, "root")
        run(["dpkg-deb", "-x", deb_path, root], what="dpkg-deb -x")
        version = run(["dpkg-deb", "-f", deb_path, "Version"],
                      what="dpkg-deb -f").strip()
        out = {}
        for rel in wanted:
            p = os.path.join(root, rel)
            if os.path.isfile(p):
                with open(p, "rb") as fh:
                    out[rel] = fh.read()
        return out, version
    return deb_read_files_pure(deb_path, wanted)


def fetch_hunspell(dest: str, pinned: bool, use_dpkg: bool) -> dict:
    spec = HUNSPELL_PKG + ("=" + HUNSPELL_VERSION if pinned else "")
    with tempfile.TemporaryDirectory(prefix="fetch-hunspell-") as tmp:
        # let apt's unprivileged _apt user write here (avoids the sandbox warning)
        os.chmod(tmp, 0o755)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            try:
                import pwd
                os.chown(tmp, pwd.getpwnam("_apt").pw_uid, -1)
            except (KeyError, ImportError, OSError):
                pass
        run(["apt-get", "download", "-q", spec], cwd=tmp,
            what="apt-get download " + spec)
        debs = sorted(f for f in os.listdir(tmp) if f.endswith(".deb"))
        if len(debs) != 1:
            raise FetchError("apt-get download %s produced %d .deb files"
                             % (spec, len(debs)))
        deb_path = os.path.join(tmp, debs[0])
        files, version = deb_read_files(deb_path, list(HUNSPELL_FILES.values()),
                                        tmp, use_dpkg)
        if not version:
            raise FetchError("could not read the Version of %s" % debs[0])
        record = {
            "name": HUNSPELL_PKG,
            "registry": "debian (apt-get download)",
            "version": version,
            "artifact": debs[0],
            "artifact_sha256": sha256_file(deb_path),
            "files": {},
        }
        for out_name, rel in HUNSPELL_FILES.items():
            if rel not in files:
                raise FetchError("%s has no %s" % (debs[0], rel))
            data = files[rel]
            write_if_changed(os.path.join(dest, out_name), data)
            record["files"][out_name] = {
                "from": rel, "bytes": len(data), "sha256": sha256_bytes(data)}
    return record


# --------------------------------------------------------------------------
# PyPI package


class _Archive:
    """Uniform read access to a wheel (zip) or an sdist (tar.*)."""

    def __init__(self, path: str):
        self.path = path
        if path.endswith((".whl", ".zip")):
            self._zip = zipfile.ZipFile(path)
            self._tar = None
            self.names = sorted(n for n in self._zip.namelist() if not n.endswith("/"))
        else:
            self._zip = None
            self._tar = tarfile.open(path)
            self.names = sorted(m.name for m in self._tar.getmembers() if m.isfile())

    def read(self, name: str) -> bytes:
        if self._zip is not None:
            return self._zip.read(name)
        return self._tar.extractfile(name).read()

    def close(self):
        (self._zip or self._tar).close()


def _metadata(arc: _Archive) -> Tuple[str, email.message.Message]:
    cands = [n for n in arc.names
             if posixpath.basename(n) in ("METADATA", "PKG-INFO")]
    # prefer the top-level PKG-INFO / the .dist-info METADATA (shortest path)
    cands.sort(key=lambda n: (n.count("/"), n))
    if not cands:
        raise FetchError("no METADATA/PKG-INFO in %s" % os.path.basename(arc.path))
    text = arc.read(cands[0]).decode("utf-8", "replace")
    return cands[0], email.parser.Parser().parsestr(text)


def _find_rightreading(arc: _Archive) -> str:
    data_hits = [n for n in arc.names
                 if posixpath.basename(n).split(".")[0].lower() == "rightreading"
                 and not n.endswith(".py")]
    if len(data_hits) == 1:
        return data_hits[0]
    if len(data_hits) > 1:
        raise FetchError("several rightreading files: %s" % ", ".join(data_hits))
    raise FetchError("no rightreading data file in %s (members: %s)"
                     % (os.path.basename(arc.path), ", ".join(arc.names)))


def _rightreading_entries(raw: bytes) -> List[bytes]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    lines = raw.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [l[:-1] if l.endswith(b"\r") else l for l in lines]


def _readme_license_section(text: str) -> Optional[str]:
    m = re.search(r"^(#+)\s*Licen[cs]e\b.*$", text, re.M | re.I)
    if not m:
        return None
    level = len(m.group(1))
    rest = text[m.end():]
    nxt = re.search(r"^#{1,%d}\s" % level, rest, re.M)
    body = rest[:nxt.start()] if nxt else rest
    return (m.group(0) + body).strip("\n") + "\n"


def _license_text(arc: _Archive, meta_name: str, meta) -> Tuple[bytes, List[str]]:
    files = [n for n in arc.names if LICENSE_NAME_RE.match(posixpath.basename(n))]
    if files:
        files.sort(key=lambda n: (n.count("/"), n))
        chunks = []
        for n in files:
            chunks.append(arc.read(n))
        return b"\n".join(chunks), files
    # No licence file shipped: quote what the package itself states.
    out = ["# %s %s ships no licence file; these are the licence statements"
           % (meta.get("Name"), meta.get("Version")),
           "# found in the package, quoted verbatim.", ""]
    srcs = [meta_name]
    out.append("## %s" % meta_name)
    out.append("License: %s" % meta.get("License", "(absent)"))
    for c in meta.get_all("Classifier") or []:
        if c.startswith("License ::"):
            out.append("Classifier: %s" % c)
    readmes = [n for n in arc.names
               if posixpath.basename(n).lower().startswith("readme")]
    readmes.sort(key=lambda n: (n.count("/"), n))
    for n in readmes[:1]:
        sec = _readme_license_section(arc.read(n).decode("utf-8", "replace"))
        if sec:
            out += ["", "## %s (licence section)" % n, sec.rstrip("\n")]
            srcs.append(n)
    return ("\n".join(out) + "\n").encode("utf-8"), srcs


def fetch_g2p(dest: str, pinned: bool) -> dict:
    spec = G2P_PKG + ("==" + G2P_VERSION if pinned else "")
    with tempfile.TemporaryDirectory(prefix="fetch-g2p-") as tmp:
        run([sys.executable, "-m", "pip", "download", "--no-deps",
             "--disable-pip-version-check", "-q", spec, "-d", tmp],
            what="pip download " + spec)
        arts = sorted(f for f in os.listdir(tmp)
                      if f.endswith((".whl", ".tar.gz", ".zip", ".tar.bz2")))
        if len(arts) != 1:
            raise FetchError("pip download %s produced %d artefacts" % (spec, len(arts)))
        art_path = os.path.join(tmp, arts[0])
        arc = _Archive(art_path)
        try:
            meta_name, meta = _metadata(arc)
            member = _find_rightreading(arc)
            raw = arc.read(member)
            entries = _rightreading_entries(raw)
            rr = b"".join(e + b"\n" for e in entries)
            lic, lic_srcs = _license_text(arc, meta_name, meta)
        finally:
            arc.close()
        write_if_changed(os.path.join(dest, RIGHTREADING_OUT), rr)
        write_if_changed(os.path.join(dest, G2P_LICENSE_OUT), lic)
        return {
            "name": G2P_PKG,
            "registry": "pypi (pip download --no-deps)",
            "version": meta.get("Version"),
            "license_metadata": {
                "License": meta.get("License"),
                "classifiers": [c for c in (meta.get_all("Classifier") or [])
                                if c.startswith("License ::")],
            },
            "artifact": arts[0],
            "artifact_sha256": sha256_file(art_path),
            "files": {
                RIGHTREADING_OUT: {
                    "from": member,
                    "member_sha256": sha256_bytes(raw),
                    "entries": len(entries),
                    "bytes": len(rr),
                    "sha256": sha256_bytes(rr),
                    "note": "entries byte-exact, in package order; CRLF written as LF",
                },
                G2P_LICENSE_OUT: {
                    "from": lic_srcs,
                    "bytes": len(lic),
                    "sha256": sha256_bytes(lic),
                },
            },
        }


# --------------------------------------------------------------------------


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dest", default=DEFAULT_DEST,
                    help="output directory (default: <repo>/build/sources)")
    ap.add_argument("--latest", action="store_true",
                    help="take the newest versions instead of the pinned ones "
                         "(%s=%s, %s==%s)" % (HUNSPELL_PKG, HUNSPELL_VERSION,
                                              G2P_PKG, G2P_VERSION))
    ap.add_argument("--no-dpkg-deb", action="store_true",
                    help="unpack the .deb with the pure-Python reader")
    args = ap.parse_args(argv)
    dest = os.path.abspath(args.dest)
    try:
        os.makedirs(dest, exist_ok=True)
        sources = {
            "hunspell-kk": fetch_hunspell(dest, not args.latest, not args.no_dpkg_deb),
            "g2p-kz": fetch_g2p(dest, not args.latest),
        }
        text = json.dumps({"sources": sources}, indent=2, ensure_ascii=False,
                          sort_keys=True) + "\n"
        write_if_changed(os.path.join(dest, "SOURCES.json"), text.encode("utf-8"))
    except FetchError as exc:
        print("fetch_sources: error: %s" % exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print("fetch_sources: error: %s" % exc, file=sys.stderr)
        return 1
    for pkg in sources.values():
        print("%s %s -> %s" % (pkg["name"], pkg["version"],
                               ", ".join(sorted(pkg["files"]))))
    print("wrote %s" % os.path.join(dest, "SOURCES.json"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
