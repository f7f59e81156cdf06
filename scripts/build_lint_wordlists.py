"""Build the linter's word lists (patrika/editorial/lint/data/*.words.gz) from Debian packages.

    apt-get install wamerican hunspell-hi dict-freedict-eng-hin
    .venv/bin/python scripts/build_lint_wordlists.py

Only needed when the lists are to be refreshed: the generated files are committed, so the
linter needs no system package at run time. Sources and licences: data/README.md.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "patrika" / "editorial" / "lint" / "data"
DEVANAGARI_WORD = re.compile(r"[\u0900-\u097f]+")


def _hunspell_words(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8", errors="ignore").splitlines()[1:]
    return {line.split("/", 1)[0].strip() for line in lines if line.strip()}


def english() -> set[str]:
    # SCOWL size 50 (wamerican), inflected forms included. hunspell-en-us's .dic is left out:
    # it lists fragments such as "cha" that a truncated "change" leaves behind.
    words = set(Path("/usr/share/dict/american-english").read_text().split())
    # Case kept: "putin" is no English word, "Putin" is a name (the parity rules tell them apart).
    return {w for w in words if w.isalpha() and w.isascii() and "'" not in w and len(w) > 1}


def _letters(word: str) -> bool:
    return all(unicodedata.category(char)[0] in "LM" for char in word)


def hindi() -> set[str]:
    words = _hunspell_words(Path("/usr/share/hunspell/hi_IN.dic"))
    raw = gzip.decompress(Path("/usr/share/dictd/freedict-eng-hin.dict.dz").read_bytes())
    words |= set(DEVANAGARI_WORD.findall(raw.decode("utf-8", errors="ignore")))
    words = {unicodedata.normalize("NFC", w) for w in words}
    # Dictionary noise: fragments that start with a vowel sign, or carry digits.
    return {w for w in words if len(w) > 1 and unicodedata.category(w[0]) == "Lo" and _letters(w)}


def write(name: str, words: set[str]) -> None:
    data = "\n".join(sorted(words)).encode() + b"\n"
    # mtime=0: the same lists give the same bytes, so a rebuild shows no spurious change.
    (DATA / name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{name}: {len(words):,} words, {(DATA / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    write("en.words.gz", english())
    write("hi.words.gz", hindi())
