"""A seeded bilingual corpus for the quality set: the hand-written anchors plus generated
stories that share their words (monsoon in many cities, trade talks with many countries,
cricket finals, elections...), a few in one language only.

`load_corpus()` writes it through the newsroom services and rebuilds the index; it returns
{story id: story key}. Generated stories have keys "gen-N" and are never expected answers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from patrika.newsroom import services
from patrika.newsroom.models import Section, StoryStatus
from patrika.newsroom.services import StoryData, TranslationData
from patrika.search.services import search_rebuild

from .anchors import ANCHORS

SEED = 2026
GENERATED = 180

SECTIONS = {
    "world": {"en": "World", "hi": "विश्व"},
    "india": {"en": "India", "hi": "भारत"},
    "business": {"en": "Business", "hi": "व्यापार"},
    "sports": {"en": "Sports", "hi": "खेल"},
    "technology": {"en": "Technology", "hi": "तकनीक"},
}
CITIES = [
    ("Delhi", "दिल्ली"),
    ("Mumbai", "मुंबई"),
    ("Lucknow", "लखनऊ"),
    ("Jaipur", "जयपुर"),
    ("Patna", "पटना"),
    ("Bhopal", "भोपाल"),
    ("Kolkata", "कोलकाता"),
    ("Chennai", "चेन्नई"),
    ("Pune", "पुणे"),
    ("Indore", "इंदौर"),
]
COUNTRIES = [
    ("Japan", "जापान"),
    ("France", "फ्रांस"),
    ("Russia", "रूस"),
    ("Nepal", "नेपाल"),
    ("Brazil", "ब्राज़ील"),
    ("Germany", "जर्मनी"),
]
# (section, en title, hi title, en lead, hi lead)
TEMPLATES = [
    (
        "india",
        "Monsoon reaches {city} ahead of schedule",
        "{hcity} में मानसून समय से पहले पहुंचा",
        "The monsoon arrived in {city} days earlier than forecast, bringing relief from the heat.",
        "{hcity} में मानसून अनुमान से कुछ दिन पहले पहुंच गया, जिससे गर्मी से राहत मिली।",
    ),
    (
        "india",
        "Heavy rain lashes {city}, schools closed",
        "{hcity} में भारी बारिश, स्कूल बंद",
        "Heavy rain lashed {city} overnight and the district closed schools for a day.",
        "{hcity} में रात भर भारी बारिश हुई और जिले ने एक दिन के लिए स्कूल बंद कर दिए।",
    ),
    (
        "business",
        "Markets rise as {city} exporters report strong orders",
        "{hcity} के निर्यातकों के मजबूत ऑर्डर से बाजार में तेजी",
        "Shares closed higher after exporters in {city} reported a rise in new orders.",
        "{hcity} के निर्यातकों द्वारा नए ऑर्डर में बढ़ोतरी की खबर के बाद शेयर बाजार तेजी के साथ बंद हुआ।",
    ),
    (
        "sports",
        "{city} wins the state cricket final in a last-over finish",
        "{hcity} ने आखिरी ओवर में राज्य क्रिकेट फाइनल जीता",
        "A last-over boundary gave {city} the state title in front of a full stadium.",
        "भरे हुए स्टेडियम के सामने आखिरी ओवर की बाउंड्री ने {hcity} को राज्य खिताब दिलाया।",
    ),
    (
        "technology",
        "{city} schools get new digital classrooms",
        "{hcity} के स्कूलों में नई डिजिटल कक्षाएं",
        "More than two hundred schools in {city} will open digital classrooms this term.",
        "{hcity} के दो सौ से अधिक स्कूलों में इस सत्र से डिजिटल कक्षाएं शुरू होंगी।",
    ),
    (
        "world",
        "India and {country} sign agreement on renewable energy",
        "भारत और {hcountry} के बीच नवीकरणीय ऊर्जा पर समझौता",
        "India and {country} signed an agreement to work together on solar and wind power.",
        "भारत और {hcountry} ने सौर और पवन ऊर्जा पर मिलकर काम करने के लिए समझौते पर हस्ताक्षर किए।",
    ),
    (
        "business",
        "Trade talks between India and {country} resume",
        "भारत और {hcountry} के बीच व्यापार वार्ता फिर शुरू",
        "Officials from India and {country} resumed talks on a trade agreement this week.",
        "भारत और {hcountry} के अधिकारियों ने इस सप्ताह व्यापार समझौते पर बातचीत फिर शुरू की।",
    ),
    (
        "india",
        "Voters queue early in {city} civic election",
        "{hcity} नगर निगम चुनाव में सुबह से लंबी कतारें",
        "Voters in {city} queued from early morning to elect a new municipal council.",
        "{hcity} में नई नगर परिषद चुनने के लिए मतदाता सुबह से कतारों में लगे।",
    ),
    (
        "india",
        "Hospitals in {city} on alert for seasonal fever",
        "{hcity} के अस्पतालों में मौसमी बुखार को लेकर अलर्ट",
        "Hospitals in {city} added beds as cases of seasonal fever rose after the rain.",
        "बारिश के बाद मौसमी बुखार के मामले बढ़ने पर {hcity} के अस्पतालों ने बिस्तर बढ़ाए।",
    ),
    (
        "india",
        "Metro work in {city} to finish by next year",
        "{hcity} में मेट्रो का काम अगले साल तक पूरा होगा",
        "The second metro line in {city} will open next year, the city corporation said.",
        "नगर निगम ने कहा कि {hcity} में दूसरी मेट्रो लाइन अगले साल खुलेगी।",
    ),
    (
        "business",
        "Farmers in {city} district get new cold storage",
        "{hcity} जिले के किसानों को नया शीत भंडार",
        "Farmers near {city} can now store vegetables in a new cold storage unit.",
        "{hcity} के पास के किसान अब नए शीत भंडार में सब्जियां रख सकेंगे।",
    ),
    (
        "world",
        "Prime Minister to meet {country} leaders at summit",
        "शिखर सम्मेलन में प्रधानमंत्री {hcountry} के नेताओं से मिलेंगे",
        "The Prime Minister will meet leaders from {country} at the summit next week.",
        "प्रधानमंत्री अगले सप्ताह शिखर सम्मेलन में {hcountry} के नेताओं से मिलेंगे।",
    ),
]
EN_PARAGRAPHS = [
    "Officials said the work would be completed in phases over the coming months.",
    "Residents welcomed the news, though some asked for more details on the timeline.",
    "Experts said the decision could set an example for other states.",
    "The government said it would review progress every quarter and publish the results.",
    "Local traders said they expected the change to help small businesses.",
    "The district administration set up a control room and a helpline.",
    "Opposition leaders asked for a debate on the issue in the assembly.",
]
HI_PARAGRAPHS = [
    "अधिकारियों ने बताया कि काम आने वाले महीनों में चरणबद्ध तरीके से पूरा किया जाएगा।",
    "निवासियों ने इस खबर का स्वागत किया, हालांकि कुछ लोगों ने समय-सीमा पर अधिक जानकारी मांगी।",
    "विशेषज्ञों का कहना है कि यह फैसला दूसरे राज्यों के लिए मिसाल बन सकता है।",
    "सरकार ने कहा कि वह हर तिमाही प्रगति की समीक्षा करेगी और नतीजे प्रकाशित करेगी।",
    "स्थानीय व्यापारियों ने कहा कि इस बदलाव से छोटे कारोबारों को मदद मिलेगी।",
    "जिला प्रशासन ने एक नियंत्रण कक्ष और हेल्पलाइन शुरू की है।",
    "विपक्ष के नेताओं ने विधानसभा में इस मुद्दे पर बहस की मांग की।",
]


@dataclass(frozen=True)
class CorpusStory:
    key: str
    section: str
    en: tuple[str, str] | None  # (title, body)
    hi: tuple[str, str] | None


def corpus(*, seed: int = SEED, generated: int = GENERATED) -> list[CorpusStory]:
    rng = random.Random(seed)
    stories = [
        CorpusStory(key, section, (en_title, en_body), (hi_title, hi_body))
        for key, section, en_title, en_body, hi_title, hi_body in ANCHORS
    ]
    for n in range(generated):
        section, en_title, hi_title, en_lead, hi_lead = TEMPLATES[n % len(TEMPLATES)]
        city, hcity = rng.choice(CITIES)
        country, hcountry = rng.choice(COUNTRIES)
        fill = {"city": city, "hcity": hcity, "country": country, "hcountry": hcountry}
        picks = rng.sample(range(len(EN_PARAGRAPHS)), 3)
        en_body = " ".join([en_lead.format(**fill), *(EN_PARAGRAPHS[i] for i in picks)])
        hi_body = " ".join([hi_lead.format(**fill), *(HI_PARAGRAPHS[i] for i in picks)])
        which = rng.random()
        stories.append(
            CorpusStory(
                f"gen-{n}",
                section,
                None if which < 0.05 else (en_title.format(**fill), en_body),
                None if 0.05 <= which < 0.1 else (hi_title.format(**fill), hi_body),
            )
        )
    return stories


def load_corpus(*, seed: int = SEED, generated: int = GENERATED) -> dict[int, str]:
    """Write the corpus and rebuild the index; returns {story id: key}."""
    sections: dict[str, Section] = {
        slug: services.section_get_or_create(slug=slug, names=names)
        for slug, names in SECTIONS.items()
    }
    now = timezone.now()
    keys: dict[int, str] = {}
    for i, item in enumerate(corpus(seed=seed, generated=generated)):
        translations = []
        for language, text in (("en", item.en), ("hi", item.hi)):
            if text:
                translations.append(TranslationData(language=language, title=text[0], body=text[1]))
        story = services.story_save(
            data=StoryData(
                translations=translations,
                status=StoryStatus.PUBLISHED,
                published_at=now - timedelta(hours=i + 1),
                section=sections[item.section],
                import_source=f"quality:{item.key}",
            )
        )
        keys[story.pk] = item.key
    for _done in search_rebuild():
        pass
    return keys
