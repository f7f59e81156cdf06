"""Translation parity, names: a name written in Latin script in the source (a capitalised word
the word list does not know: "Modi", "Wuhan") that the translation has neither in Latin
letters nor in its own script (compared by the search app's phonetic keys, loosely: "Lancet"
and लैन्सेट differ by a letter; a short name also as spelled letter by letter: Uno ↔ यूएनओ).
Words run together from common ones ("AutoFill") are translated, not transliterated, and a
capital at the start of a sentence makes no name ("Unvisited"), unless the word is capitalised
elsewhere in the story too."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from patrika import languages
from patrika.search.analysis.phonetic import indic_key, latin_key

from ..base import WARNING, Document, Finding, PairRule, Text
from ..languages import get as get_language
from ..words import is_rare_name, sentences, words
from .parity_numbers import _language_name


class NamesRule(PairRule):
    id = "parity-names"
    level = WARNING

    def check_pair(self, source: Text, target: Text, document: Document) -> Iterable[Finding]:
        keys = _keys(target)
        latin = {w.text.casefold() for block in target.blocks for w in words(block.plain)}
        latin |= {w.text.casefold() for w in words(target.title)}
        seen: set[str] = set()
        inside = _inside_sentences(source)
        for block in source.blocks:
            starts = {s.start for s in sentences(block.plain, get_language(source.language))}
            for word in words(block.plain):
                name = word.text
                if name.casefold() in seen or not is_rare_name(name):
                    continue
                if word.start in starts and name not in inside:
                    continue
                seen.add(name.casefold())
                if name.casefold() in latin or _sounds_present(latin_key(name), keys):
                    continue
                if _spelled_present(name, target, keys):
                    continue
                yield self.finding(
                    source,
                    _("The name “%(name)s” is not in the %(language)s version")
                    % {"name": name, "language": _language_name(target.language)},
                    block=block,
                    start=word.start,
                    end=word.end,
                )


def _inside_sentences(text: Text) -> set[str]:
    """Capitalised words of `text` that stand somewhere other than at a sentence's start."""
    found: set[str] = set()
    for block in text.blocks:
        starts = {s.start for s in sentences(block.plain, get_language(text.language))}
        found |= {w.text for w in words(block.plain) if w.start not in starts}
    return found


def _spelled_present(name: str, target: Text, keys: set[str]) -> bool:
    letters = get_language(target.language).letter_names
    scheme = languages.get(target.language).transliteration_scheme
    if not letters or not scheme or len(name) > 5:
        return False
    spelled = "".join(letters.get(char, "") for char in name.casefold())
    return bool(spelled) and indic_key(spelled, scheme) in keys


def _keys(text: Text) -> set[str]:
    scheme = languages.get(text.language).transliteration_scheme
    found: set[str] = set()
    for block in [*text.blocks]:
        for word in words(block.plain):
            if word.text.isascii():
                found.add(latin_key(word.text))
            elif scheme:
                found.add(indic_key(word.text, scheme))
    return {key for key in found if key}


def _skeleton(key: str) -> str:
    return key[0] + "".join(c for c in key[1:] if c not in "aeiou") if key else key


def _sounds_present(key: str, keys: set[str]) -> bool:
    if not key or key in keys:
        return True
    mine = _skeleton(key)
    for other in keys:
        theirs = _skeleton(other)
        if len(mine) >= 3 and (
            theirs.startswith(mine) or (mine.startswith(theirs) and len(theirs) >= 3)
        ):
            return True
        if len(mine) >= 4 and _distance(mine, theirs) <= 1:
            return True
    return False


def _distance(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 1:
        return 2
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
