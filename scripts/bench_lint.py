"""Defect benchmark for the newsroom linter: `make bench-lint`.

Clean bilingual stories are assembled (fixed seed) from English–Hindi sentence pairs of TICO-19
(scripts/data/tico19-en-hi.tsv, CC0): each story takes six pairs in corpus order, three
paragraphs of two sentences. Copies get one seeded defect each; a defect counts as found when
the copy has a finding of the expected rule, in the seeded translation, that the clean story
does not have. Prints per kind of defect the recall, and per rule the share of clean stories
with any finding of that rule (false positives).
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

STORIES = 300
SEED = 20261125
DATA = ROOT / "scripts" / "data" / "tico19-en-hi.tsv"
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


def load_pairs() -> list[tuple[str, str]]:
    pairs = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _doc, en, hi = line.split("\t")
            pairs.append((en, hi))
    return pairs


def build_stories(pairs: list[tuple[str, str]], rng: random.Random) -> list[Story]:
    stories = []
    for _ in range(STORIES):
        chosen = sorted(rng.sample(range(len(pairs)), 6))
        story: Story = {"en": [], "hi": []}
        for p in range(3):
            story["en"].append([pairs[i][0] for i in chosen[2 * p : 2 * p + 2]])
            story["hi"].append([pairs[i][1] for i in chosen[2 * p : 2 * p + 2]])
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


def cut_word(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    p = rng.randrange(3)
    sentence = story[lang][p][-1].rstrip()
    match = re.search(r"(\w{5,})\W*$", sentence)
    if not match:
        return None
    word = match.group(1)
    keep = rng.randint(max(2, round(len(word) * 0.4)), round(len(word) * 0.8))
    story[lang][p][-1] = sentence[: match.start(1)] + word[:keep] + END[lang]
    return story


def cut_sentence(story: Story, lang: str, rng: random.Random) -> Story | None:
    story = copy(story)
    p = rng.randrange(3)
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
    del story[lang][rng.randrange(3)]
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


def main() -> None:
    rng = random.Random(SEED)
    stories = build_stories(load_pairs(), rng)
    false_positive: Counter[str] = Counter()
    recall: dict[str, list[bool]] = defaultdict(list)
    for story in stories:
        clean_findings = lint_document(document(story))
        for rule in {f.rule for f in clean_findings}:
            false_positive[rule] += 1
        clean = {(f.language, f.paragraph, f.excerpt) for f in clean_findings}
        for name, rule, seed in DEFECTS:
            lang = rng.choice(["en", "hi"])
            seeded = seed(story, lang, rng)
            if seeded is not None:
                recall[name].append(found(lint_document(document(seeded)), rule, lang, clean))
    print(f"{len(stories)} clean stories, {sum(map(len, recall.values()))} seeded copies\n")
    print("| defect seeded | rule | copies | recall |")
    print("|---|---|---|---|")
    for name, rule, _seed in DEFECTS:
        hits = recall[name]
        print(f"| {name} | `{rule}` | {len(hits)} | {sum(hits) / len(hits):.3f} |")
    print("\n| rule | clean stories with a finding (false positives) |")
    print("|---|---|")
    for rule in get_rules():
        share = false_positive[rule.id] / len(stories)
        print(f"| `{rule.id}` | {false_positive[rule.id]} ({share:.1%}) |")


if __name__ == "__main__":
    main()
