"""Build the linter's word lists (patrika/editorial/lint/data/*.words.gz) from Debian packages.

    apt-get install wamerican hunspell-hi dict-freedict-eng-hin
    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/build_lint_wordlists.py

(wordfreq's word frequencies decide the prefix lists; it is needed only here.)

Only needed when the lists are to be refreshed: the generated files are committed, so the
linter needs no system package at run time. Sources and licences: data/README.md.
"""

from __future__ import annotations

import bisect
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


def prefixes(words: set[str], language: str) -> set[str]:
    """Words far more often the start of a longer listed word than a word of their own: the
    longer words (plurals aside) are together at least ten times as frequent ("don": done,
    donate, donor; not "unit": united, unity), and not rare themselves."""
    from wordfreq import zipf_frequency

    ordered = sorted(words)
    frequency = {
        w: 10 ** zipf_frequency(w, language) if zipf_frequency(w, language) else 1.0
        for w in ordered
    }
    found = set()
    for word in ordered:
        i = bisect.bisect_right(ordered, word)
        longer = 0.0
        while i < len(ordered) and ordered[i].startswith(word):
            if ordered[i] not in (word + "s", word + "es"):
                longer += frequency[ordered[i]]
            i += 1
        if longer >= 10 * frequency[word] and longer >= 10**3.5:
            found.add(word)
    return found


def write(name: str, words: set[str]) -> None:
    data = "\n".join(sorted(words)).encode() + b"\n"
    # mtime=0: the same lists give the same bytes, so a rebuild shows no spurious change.
    (DATA / name).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{name}: {len(words):,} words, {(DATA / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    en, hi = english(), hindi()
    write("en.words.gz", en)
    write("hi.words.gz", hi)
    write("en.prefixes.gz", prefixes({w for w in en if w == w.lower()}, "en"))
    write("hi.prefixes.gz", prefixes(hi, "hi"))
