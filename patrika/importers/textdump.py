"""Plain-text bilingual dumps: one story per file, cleaned by general rules.

The rules, in order (each is a small function below, so a new dump shape is a new rule):

1. Boilerplate lines ("Leave a Comment", "Read more: …") are dropped. The phrases and shapes
   are the linter's (`patrika.editorial.lint.phrases`, one definition for both) plus
   `settings.PATRIKA_IMPORT_BOILERPLATE_EXTRA`; matching ignores case, spacing and decoration
   ("*", "»", ":"). Lines that only say where the other language is ("Scroll down for Hindi",
   "नीचे हिंदी में पढ़ें") are dropped by their shape (`pointers.is_language_pointer`), in any
   phrasing.
2. Keyword stuffing (a phrase repeated on one line, "X/X/X", or a short line that appears more
   than once) becomes one tag and leaves the text. "Tags: a, b" lines become tags too.
3. "By Name" lines become authors; "Source: …" lines and trailing "Title – Publisher" lines
   become source attributions.
4. What is left is split into runs by script (Latin → en, Devanagari → hi, …): each language's
   first line is its title, short unpunctuated lines followed by a paragraph are headings.
   Text in a script none of the site's languages uses is refused (or, with `--language`,
   stored under that language).
5. Warnings, never edits, for what a rule cannot fix: the findings of the linter's rules in
   `WARNING_RULES` (a sentence or word cut off), so "truncated" has one definition.

Lines keep every character as written (only the spaces around a line go); comparisons fold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from patrika import languages
from patrika.editorial.lint import Document, Text, lint_document
from patrika.editorial.lint.phrases import DECOR as _DECOR
from patrika.editorial.lint.phrases import boilerplate_phrases, is_boilerplate, stuffed_phrase
from patrika.editorial.lint.phrases import ends_terminal as _ends_terminal
from patrika.editorial.lint.phrases import short_phrase as _short_phrase
from patrika.newsroom.services import SourceData

from .base import ItemError
from .htmlmd import escape_markdown
from .language import script_name
from .pointers import is_language_pointer

# The importer's warnings are the findings of these linter rules: one definition of each.
WARNING_RULES = ("truncation",)

_SOURCE_PREFIX = re.compile(
    r"^(?:sources?|via|courtesy|credits?|inputs? from|with inputs from|स्रोत|साभार)"
    r"\s*[:：\-–]\s*(.+)$",
    re.I,
)
_AUTHOR = re.compile(
    r"^(?:by|written by|reported by|लेखक|द्वारा|रिपोर्ट)\s*[:：\-–]?\s+(.{2,80})$", re.I
)
_TAGS = re.compile(r"^(?:tags?|keywords?|टैग|कीवर्ड)\s*[:：]\s*(.+)$", re.I)
_URL = re.compile(r"https?://\S+")
_SPLITTERS = (" – ", " — ", " - ", " | ")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "a", "an", "&", "de", "la", "to"}


@dataclass
class Line:
    text: str
    number: int
    blank_before: bool = True
    blank_after: bool = True
    # Boilerplate or stuffing kept in the text (parse_dump(keep_noise=True)).
    noise: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class ParsedTranslation:
    language: str
    title: str
    body: str
    headings: list[str] = field(default_factory=list)


@dataclass
class ParsedDump:
    translations: list[ParsedTranslation]
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    sources: list[SourceData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def original_language(self) -> str:
        return self.translations[0].language


def _publisher_like(text: str) -> bool:
    text = text.strip()
    words = text.split()
    if not (1 <= len(words) <= 6) or len(text) > 60 or _ends_terminal(text):
        return False
    if languages.detect_script_language(text) != "en":
        return len(words) <= 4
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def parse_source(text: str, *, strict: bool) -> SourceData | None:
    """ "Title – Publisher", "Publisher", a URL, or a mix. `strict`: only "Title – Publisher"."""
    url_match = _URL.search(text)
    url = url_match.group(0).rstrip(").,]>") if url_match else ""
    rest = _URL.sub("", text).strip(" ()[]<>|,-–—:")
    for splitter in _SPLITTERS:
        if splitter in rest:
            title, publisher = rest.rsplit(splitter, 1)
            if _publisher_like(publisher) and len(title.split()) >= 3:
                return SourceData(title=title.strip(), publisher=publisher.strip(), url=url)
    if strict:
        return SourceData(title=url, url=url) if url and not rest else None
    if not rest and url:
        return SourceData(title=url, url=url)
    if rest and _publisher_like(rest):
        return SourceData(title=rest, publisher=rest, url=url)
    return SourceData(title=rest[:300], url=url) if rest else None


def _read_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    blank = True
    # Only line breaks end a line: U+2028 and the like inside a line are text.
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        stripped = raw.strip()
        if not stripped:
            blank = True
            if lines:
                lines[-1].blank_after = True
            continue
        if lines and not blank:
            lines[-1].blank_after = False
        lines.append(Line(stripped, number, blank_before=blank))
        blank = False
    return lines


def parse_dump(
    text: str,
    *,
    boilerplate: Sequence[str] | None = None,
    keep_noise: bool = False,
    language: str = "",
) -> ParsedDump:
    """Turn a dump's text into translations, tags, authors and sources (no database).

    `keep_noise`: boilerplate and stuffed lines stay in the text, each as its own paragraph,
    where they were (the linter reads dumps this way, to point at them); they are still
    listed in `removed` and still become tags.
    `language`: a configured language to store text under when its script is that language's
    or one the site does not publish (otherwise such text is refused)."""
    phrases = boilerplate_phrases() if boilerplate is None else boilerplate
    parsed = ParsedDump(translations=[])
    lines = [line for line in _read_lines(text) if any(ch.isalnum() for ch in line.text)]

    def drop(line: Line) -> bool:
        """Whether `line` leaves the list: noise is kept, marked, when asked to."""
        parsed.removed.append(line.text)
        line.noise = keep_noise
        return not keep_noise

    def is_noise(line: Line) -> bool:
        return is_boilerplate(line.text, phrases) or is_language_pointer(line.text)

    lines = [line for line in lines if not (is_noise(line) and drop(line))]

    # Keyword stuffing and tag lines.
    tags: dict[str, str] = {}
    stuffed: dict[str, str] = {}
    text_lines = [line for line in lines if not line.noise]
    for line in text_lines:
        if phrase := stuffed_phrase(line.text):
            stuffed.setdefault(phrase.casefold(), phrase)
    repeats = Counter(line.text.casefold() for line in text_lines if _short_phrase(line.text))
    for line in text_lines:
        if repeats[line.text.casefold()] >= 2:
            stuffed.setdefault(line.text.casefold(), line.text)
    kept: list[Line] = []
    for line in lines:
        phrase = stuffed_phrase(line.text)
        folded = line.text.casefold()
        if line.noise:
            kept.append(line)
        elif (phrase and phrase.casefold() in stuffed) or folded in stuffed:
            key = phrase.casefold() if phrase else folded
            tags.setdefault(key, stuffed[key])
            if not drop(line):
                kept.append(line)
        elif match := _TAGS.match(line.text):
            for name in re.split(r"\s*[,|/;]\s*", match.group(1)):
                if name.strip(_DECOR):
                    tags.setdefault(name.strip(_DECOR).casefold(), name.strip(_DECOR))
            parsed.removed.append(line.text)
        else:
            kept.append(line)
    lines = kept
    parsed.tags = list(tags.values())

    # Authors and sources.
    kept = []
    for line in lines:
        author = None if line.noise else _AUTHOR.match(line.text)
        source = None if line.noise else _SOURCE_PREFIX.match(line.text)
        if author and _publisher_like(author.group(1).split("|")[0]):
            parsed.authors.append(author.group(1).split("|")[0].strip())
        elif source and (data := parse_source(source.group(1), strict=False)):
            parsed.sources.append(data)
        else:
            kept.append(line)
    lines = kept
    trailing: list[SourceData] = []
    last = len(lines) - 1
    while last >= 0 and len(trailing) < 3:
        if lines[last].noise:
            last -= 1
            continue
        data = parse_source(lines[last].text, strict=True)
        if data is None:
            break
        trailing.insert(0, data)
        del lines[last]
        last -= 1
    parsed.sources.extend(trailing)

    runs = _language_runs(lines, language=language)
    by_language: dict[str, list[Line]] = {}
    for language, run in runs:
        if language in by_language:
            parsed.warnings.append(
                f"{language} text found in more than one place (line {run[0].number}); joined"
            )
        by_language.setdefault(language, []).extend(run)
    if not any(not line.noise for run in by_language.values() for line in run):
        raise ItemError("no story text found")
    for language, run in by_language.items():
        if any(not line.noise for line in run):
            parsed.translations.append(_translation(language, run, parsed.warnings))
    parsed.warnings.extend(lint_warnings(parsed))
    return parsed


def lint_warnings(parsed: ParsedDump) -> list[str]:
    """The findings of `WARNING_RULES` on the parsed translations, as import warnings."""
    document = Document(
        texts=[Text(language=t.language, title=t.title, body=t.body) for t in parsed.translations],
        original_language=parsed.original_language,
    )
    return [
        f"{finding.language} paragraph {(finding.paragraph or 0) + 1}: {finding.message} "
        f"(“…{finding.excerpt}”); left as is"
        for finding in lint_document(document, only=WARNING_RULES)
    ]


def _language_runs(lines: list[Line], *, language: str) -> list[tuple[str, list[Line]]]:
    runs: list[tuple[str, list[Line]]] = []  # (script, lines)
    for line in lines:
        script = languages.dominant_script(line.text)
        if runs and (script is None or runs[-1][0] == script):
            runs[-1][1].append(line)
        else:
            runs.append((script or "Latn", [line]))
    # A single short line of another script inside a run (a quoted name) stays in that run.
    changed = True
    while changed:
        changed = False
        for i in range(1, len(runs) - 1):
            before, middle, after = runs[i - 1], runs[i], runs[i + 1]
            if before[0] == after[0] and len(middle[1]) == 1 and middle[1][0].words <= 12:
                runs[i - 1 : i + 2] = [(before[0], before[1] + middle[1] + after[1])]
                changed = True
                break
    return [(_run_language(script, run, language), run) for script, run in runs]


def _run_language(script: str, run: list[Line], forced: str) -> str:
    found = languages.language_for_script(script, prefer=forced or None) or forced
    if not found:
        raise ItemError(
            f"line {run[0].number}: text in {script_name(script)} script, which none of this "
            f"site's languages ({', '.join(languages.codes())}) uses; to import it anyway, "
            "name the language to store it under with --language"
        )
    return found


def _is_list_item(text: str) -> re.Match[str] | None:
    return re.match(r"^(?:[-*•●▪–]|(\d{1,2})[.)])\s+(.+)$", text)


def _is_heading(line: Line, following: Line | None, *, wrapped: bool) -> bool:
    if following is None or line.words > 12 or len(line.text) > 100:
        return False
    if wrapped and not (line.blank_before and line.blank_after):
        return False  # a line of a hard-wrapped paragraph
    if _is_list_item(line.text):
        return False
    stripped = line.text.rstrip("\"'”’)] ")
    if stripped.endswith("?"):
        if line.blank_after:
            return False
    elif _ends_terminal(line.text):
        return False
    # Followed by a paragraph: longer, and a sentence.
    return len(following.text) > len(line.text) and (
        _ends_terminal(following.text) or following.words > 12
    )


def _translation(language: str, run: list[Line], warnings: list[str]) -> ParsedTranslation:
    first = next(i for i, line in enumerate(run) if not line.noise)
    title_line, body_lines = run[first], run[:first] + run[first + 1 :]
    title = title_line.text.strip()
    if len(title) > 300:
        raise ItemError(f"line {title_line.number}: no {language} title (first line too long)")
    blocks: list[tuple[str, str]] = []  # (kind, markdown)
    headings: list[str] = []
    # Hard-wrapped text (every line short, paragraphs running over several lines): lines
    # without a blank between them belong to one paragraph whatever they end with.
    prose = [line for line in body_lines if not line.noise]
    wrapped = bool(prose) and max(len(line.text) for line in prose) <= 100
    wrapped = wrapped and any(not line.blank_after and len(line.text) >= 50 for line in prose[:-1])
    for index, line in enumerate(body_lines):
        if line.noise:
            blocks.append(("noise", escape_markdown(line.text)))
            continue
        following = next((later for later in body_lines[index + 1 :] if not later.noise), None)
        if wrapped and following is not None:
            # The next paragraph as a whole, not its first wrapped line.
            rest = []
            for later in body_lines[body_lines.index(following) :]:
                rest.append(later.text)
                if later.blank_after:
                    break
            following = Line(" ".join(rest), following.number)
        if item := _is_list_item(line.text):
            marker = f"{item.group(1)}." if item.group(1) else "-"
            blocks.append(("li", f"{marker} {escape_markdown(item.group(2))}"))
        elif _is_heading(line, following, wrapped=wrapped):
            headings.append(line.text)
            blocks.append(("h", f"## {escape_markdown(line.text)}"))
        elif (
            blocks
            and blocks[-1][0] == "p"
            and not line.blank_before
            and (
                wrapped
                or (
                    not _ends_terminal(body_lines[index - 1].text)
                    and len(body_lines[index - 1].text) >= 50
                )
            )
        ):
            # A hard-wrapped paragraph: join its lines again.
            blocks[-1] = ("p", f"{blocks[-1][1]} {escape_markdown(line.text)}")
        else:
            blocks.append(("p", escape_markdown(line.text)))
    parts: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        if i and not (kind == "li" and blocks[i - 1][0] == "li"):
            parts.append("\n")
        parts.append(text + "\n")
    return ParsedTranslation(language, title, "".join(parts), headings)
