"""Defect benchmark for the newsroom linter: `make bench-lint`.

Clean bilingual stories are made of consecutive English–Hindi pairs of two public corpora, in
corpus order: TICO-19 (scripts/data/tico19-en-hi.tsv, CC0) and the LibreOffice help
(scripts/data/libreoffice-help-en-hi.tsv, MPL-2.0; scripts/build_lint_corpus.py). Story k takes
pairs 3k to 3k+3 (four pairs, the last shared with the next story), in two or three paragraphs
of one to three sentences. Copies get one seeded defect each, in English or Hindi (fixed seed);
a defect counts as found when the copy has a finding of the expected rule, in the seeded
translation, that the clean story does not have. Prints per kind of defect the recall, and per
rule the share of clean stories with any finding of that rule (false positives).

A cut word (in the second half of a paragraph's last sentence, the rest dropped) keeps at
least two letters of an English word of three or more, or at least one grapheme cluster (a
consonant with its conjuncts and signs, never split) of a Hindi word of two or more. A cut that
leaves the singular of an English plural ("mechanisms" → "mechanism") is a finished sentence,
not a defect, and is not seeded; every other cut is ("united" → "unit", "done" → "don").
"""

from __future__ import annotations

import os
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "patrika.settings")

import django  # noqa: E402

django.setup()

from patrika.editorial.lint import Document, Text, get_rules, lint_document  # noqa: E402

SEED = 20261125
DATA = [
    ROOT / "scripts" / "data" / name for name in ("tico19-en-hi.tsv", "libreoffice-help-en-hi.tsv")
]
END = {"en": ".", "hi": "।"}
BOILERPLATE = {
    "en": [
        "Scroll down to read this story in Hindi",
        "Click here to read the Hindi version",
        "Also Read: Schools reopen in three states",
        "Follow us on Twitter for the latest updates",
        "Leave a Reply",
        "Download our app for more news",
    ],
    "hi": [
        "हिंदी में पढ़ने के लिए नीचे स्क्रॉल करें",
        "यह खबर हिंदी में पढ़ने के लिए यहां क्लिक करें",
        "यह भी पढ़ें: तीन राज्यों में स्कूल फिर खुले",
        "हमें ट्विटर पर फॉलो करें",
        "ज़्यादा खबरों के लिए यहां क्लिक करें",
        "अंग्रेज़ी में पढ़ें",
    ],
}
Story = dict[str, list[list[str]]]  # language -> paragraphs -> sentences


# Paragraph shapes of a four-pair story: sentences per paragraph.
SHAPES = [(1, 1, 2), (1, 2, 1), (2, 1, 1), (2, 2), (1, 3), (3, 1)]


def load_pairs() -> list[tuple[str, str]]:
    pairs = []
    for path in DATA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                _doc, en, hi = line.split("\t")
                pairs.append((en, hi))
    return pairs


def build_stories(pairs: list[tuple[str, str]], rng: random.Random) -> list[Story]:
    stories = []
    for first in range(0, len(pairs) - 3, 3):
        chosen = pairs[first : first + 4]
        story: Story = {"en": [], "hi": []}
        start = 0
        for size in rng.choice(SHAPES):
            story["en"].append([en for en, _hi in chosen[start : start + size]])
            story["hi"].append([hi for _en, hi in chosen[start : start + size]])
            start += size
        stories.append(story)
    return stories


def document(story: Story) -> Document:
    titles = {"en": "Schools and the pandemic", "hi": "स्कूल और महामारी"}
    texts = [
        Text(language=lang, title=titles[lang], body="\n\n".join(" ".join(p) for p in paras))
        for lang, paras in story.items()
    ]
    return Document(texts=texts, original_language="en", sources=["TICO-19"])


def copy(story: Story) -> Story:
    return {lang: [list(p) for p in paras] for lang, paras in story.items()}


# A Devanagari grapheme cluster: a consonant with its conjuncts (virama + consonant) and signs,
# or an independent vowel with its signs; anything else is one character.
_CONSONANT = "[\u0915-\u0939\u0958-\u095f]\u093c?"
_SIGNS = "[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]*"
CLUSTER = re.compile(rf"(?:{_CONSONANT}(?:\u094d{_CONSONANT})*|.){_SIGNS}", re.S)
WORD = {"en": re.compile(r"[A-Za-z]{3,}"), "hi": re.compile(r"[\u0900-\u0963]+")}


def _units(word: str, lang: str) -> list[str]:
    return CLUSTER.findall(word) if lang == "hi" else list(word)


def cut_word(story: Story, lang: str, rng: random.Random) -> Story | None:
    """Cut a word in the second half of a paragraph's last sentence and drop what follows: a
    text cut off mid-word, closed with a full stop ("…the new rules would lead to cha.")."""
    story = copy(story)
    p = rng.randrange(len(story[lang]))
    sentence = story[lang][p][-1].rstrip()
    least = 2 if lang == "en" else 1
    candidates = [
        m
        for m in WORD[lang].finditer(sentence)
        if m.start() >= len(sentence) // 2 and len(_units(m.group(), lang)) > least
    ]
    if not candidates:
        return None
    match = rng.choice(candidates)
    word = match.group()
    units = _units(word, lang)
    cut = "".join(units[: rng.randint(least, len(units) - 1)])
    if lang == "en" and word in {cut + "s", cut + "es"} and match.end() >= len(sentence) - 1:
        return None  # the singular of the sentence's last word: the sentence is finished
    story[lang][p][-1] = sentence[: match.start()] + cut + END[lang]
    return story


def cut_sentence(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    p = rng.randrange(len(story[lang]))
    words = story[lang][p][-1].split()
    keep = rng.randint(max(3, round(len(words) * 0.4)), max(3, round(len(words) * 0.8)))
    if keep >= len(words):
        return None
    story[lang][p][-1] = " ".join(words[:keep]).rstrip(",;:")
    return story


def stuff(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    words = re.findall(r"[^\s,.;:()“”\"]+", story[lang][0][0])
    start = rng.randrange(max(1, len(words) - 3))
    phrase = " ".join(words[start : start + rng.randint(2, 3)])
    repeat = rng.randint(3, 8)
    style = rng.choice(["/", " | ", ", ", " ", "alone"])
    if style == "alone":
        for p in (1, 3):
            story[lang].insert(p, [phrase])
    else:
        story[lang].insert(rng.randint(1, 3), [style.join([phrase] * repeat)])
    return story


def boilerplate(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    line = rng.choice(BOILERPLATE[rng.choice(["en", "hi"])])
    story[lang].insert(rng.randint(0, 3), [line])
    return story


def _figure_sentences(story: Story, lang: str) -> list[tuple[int, int, re.Match[str]]]:
    found = []
    for p, paragraph in enumerate(story[lang]):
        for s, sentence in enumerate(paragraph):
            for match in re.finditer(r"\d+(?:[.,]\d+)?", sentence):
                found.append((p, s, match))
    return found


def change_number(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    figures = _figure_sentences(story, lang)
    if not figures:
        return None
    p, s, match = rng.choice(figures)
    sentence = story[lang][p][s]
    value = match.group()
    digits = [i for i, c in enumerate(value) if c.isdigit()]
    i = rng.choice(digits)
    new = value[:i] + str((int(value[i]) + rng.randint(1, 8)) % 10) + value[i + 1 :]
    story[lang][p][s] = sentence[: match.start()] + new + sentence[match.end() :]
    return story


def drop_number(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    candidates = [(p, s) for p, s, _m in _figure_sentences(story, lang) if len(story[lang][p]) > 1]
    if not candidates:
        return None
    p, s = rng.choice(candidates)
    del story[lang][p][s]
    return story


def drop_paragraph(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    del story[lang][rng.randrange(len(story[lang]))]
    return story


DEFECTS: list[tuple[str, str, Callable[[Story, str, random.Random], Story | None]]] = [
    ("cut a word", "truncation", cut_word),
    ("cut a sentence", "truncation", cut_sentence),
    ("stuff a phrase", "stuffing", stuff),
    ("add a boilerplate line", "boilerplate", boilerplate),
    ("change a number", "parity-numbers", change_number),
    ("drop a sentence with a number", "parity-numbers", drop_number),
    ("drop a paragraph", "parity-paragraphs", drop_paragraph),
]


def found(findings: list, rule: str, lang: str, clean: set) -> bool:
    return any(
        f.rule == rule and (f.language, f.paragraph, f.excerpt) not in clean
        for f in findings
        if f.language == lang or rule.startswith("parity")
    )


def _changed(story: Story, seeded: Story, lang: str) -> str:
    before = {s for p in story[lang] for s in p}
    return " | ".join(s for p in seeded[lang] for s in p if s not in before)


def main() -> None:
    """`--misses` also prints each missed defect and each false positive."""
    show = "--misses" in sys.argv[1:]
    rng = random.Random(SEED)
    stories = build_stories(load_pairs(), rng)
    false_positive: Counter[str] = Counter()
    recall: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for story in stories:
        clean_findings = lint_document(document(story))
        for rule in {f.rule for f in clean_findings}:
            false_positive[rule] += 1
        if show:
            for f in clean_findings:
                print(f"FALSE POSITIVE {f.rule} {f.language}: {f.excerpt}")
        clean = {(f.language, f.paragraph, f.excerpt) for f in clean_findings}
        for name, rule, seed in DEFECTS:
            for lang in ("en", "hi"):
                seeded = seed(story, lang, rng)
                if seeded is None:
                    continue
                hit = found(lint_document(document(seeded)), rule, lang, clean)
                recall[name, lang].append(hit)
                if show and not hit:
                    print(f"MISSED {name} {lang}: {_changed(story, seeded, lang)}")
    copies = sum(map(len, recall.values()))
    print(f"{len(stories)} clean stories, {copies} seeded copies\n")
    print("| defect seeded | rule | copies (en + hi) | recall | en | hi |")
    print("|---|---|---|---|---|---|")
    for name, rule, _seed in DEFECTS:
        en, hi = recall[name, "en"], recall[name, "hi"]
        both = en + hi
        print(
            f"| {name} | `{rule}` | {len(both)} ({len(en)} + {len(hi)}) | "
            f"{_share(both)} | {_share(en)} | {_share(hi)} |"
        )
    print("\n| rule | clean stories with a finding (false positives) |")
    print("|---|---|")
    for rule in get_rules():
        share = false_positive[rule.id] / len(stories)
        print(f"| `{rule.id}` | {false_positive[rule.id]} ({share:.1%}) |")


def _share(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):.3f}" if hits else "–"


if __name__ == "__main__":
    main()
