"""Build the linter benchmark's second corpus (scripts/data/libreoffice-help-en-hi.tsv) from
Debian's LibreOffice help packages: the English and Hindi help pages hold the same paragraphs
under the same ids, so each translated paragraph is an English–Hindi pair, in page order.

    cd "$(mktemp -d)" && apt-get download libreoffice-help-en-us libreoffice-help-hi
    for f in *.deb; do dpkg-deb -x "$f" x; done
    .venv/bin/python scripts/build_lint_corpus.py x/usr/share/libreoffice/help

Only needed to refresh the extract: the generated file is committed, so the benchmark needs no
system package. Licence: MPL-2.0 (LibreOffice; see the file's first line).

Kept: prose paragraphs of whole sentences (closing punctuation in both languages, 5+ words),
really translated (mostly Devanagari letters in the Hindi), with the same figures on both sides
(a pair whose translator dropped a figure is a defect, not a clean story).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "libreoffice-help-en-hi.tsv"
PARAGRAPH = re.compile(r'<p id="(par_id\w+)" class="paragraph"[^>]*>(.*?)</p>', re.S)
TAG = re.compile(r"<[^>]+>")
HEADER = (
    "# LibreOffice 7.4 help (Debian packages libreoffice-help-en-us, libreoffice-help-hi), "
    "paragraphs translated in both; licence MPL-2.0 (The Document Foundation and "
    "contributors). page<TAB>English<TAB>Hindi"
)


def _paragraphs(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8", errors="ignore")
    return {
        pid: " ".join(html.unescape(TAG.sub("", body)).split())
        for pid, body in PARAGRAPH.findall(text)
    }


def _figures(text: str) -> list[str]:
    return sorted(re.findall(r"\d+", text))


def _keep(en: str, hi: str) -> bool:
    if en == hi or len(en.split()) < 5 or len(hi.split()) < 5:
        return False
    if not re.search(r"[.!?]$", en) or not re.search(r"[.।!?]$", hi):
        return False
    letters = [c for c in hi if c.isalpha()]
    devanagari = sum("\u0900" <= c <= "\u097f" for c in letters)
    if devanagari < 0.8 * len(letters):
        return False
    return _figures(en) == _figures(hi) and "\t" not in en + hi


def build(root: Path) -> list[tuple[str, str, str]]:
    rows = []
    for hi_page in sorted((root / "hi").rglob("*.html")):
        page = hi_page.relative_to(root / "hi")
        en_page = root / "en-US" / page
        if not en_page.exists():
            continue
        english = _paragraphs(en_page)
        for pid, hi in _paragraphs(hi_page).items():
            en = english.get(pid, "")
            if _keep(en, hi):
                rows.append((str(page.with_suffix("")), en, hi))
    return rows


if __name__ == "__main__":
    rows = build(Path(sys.argv[1]))
    OUT.write_text(HEADER + "\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{OUT.name}: {len(rows)} pairs, {OUT.stat().st_size:,} bytes")
