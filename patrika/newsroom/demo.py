"""Demo content: the sample story, cleaned up, plus generated bilingual stories (fixed seed).

Loading is idempotent: each demo story carries an `import_source` key and is updated in place.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from . import services
from .models import Author, Image, Story, StoryStatus
from .services import SourceData, StoryData, TagData, TranslationData

CONTENT_DIR = Path(__file__).parent / "demo_content"
SAMPLE_KEY = "demo:putin-modi-talks"

SECTIONS = {
    "world": {"en": "World", "hi": "विश्व"},
    "india": {"en": "India", "hi": "भारत"},
    "business": {"en": "Business", "hi": "व्यापार"},
    "sports": {"en": "Sports", "hi": "खेल"},
    "technology": {"en": "Technology", "hi": "तकनीक"},
}


@dataclass(frozen=True)
class Topic:
    section: str
    en_title: str
    hi_title: str
    en_lead: str
    hi_lead: str
    tag: str
    hi_tag: str


TOPICS = [
    Topic(
        "india",
        "Monsoon reaches {city} ahead of schedule",
        "{hcity} में मानसून समय से पहले पहुंचा",
        "The monsoon arrived in {city} days earlier than forecast, bringing relief from the heat.",
        "{hcity} में मानसून अनुमान से कुछ दिन पहले पहुंच गया, जिससे गर्मी से राहत मिली।",
        "Monsoon",
        "मानसून",
    ),
    Topic(
        "business",
        "Markets rise as {city} exporters report strong orders",
        "{hcity} के निर्यातकों के मजबूत ऑर्डर से बाजार में तेजी",
        "Shares closed higher after exporters in {city} reported a rise in new orders.",
        "{hcity} के निर्यातकों द्वारा नए ऑर्डर में बढ़ोतरी की खबर के बाद शेयर बाजार तेजी के साथ बंद हुआ।",
        "Markets",
        "बाज़ार",
    ),
    Topic(
        "sports",
        "{city} wins the state cricket final in a last-over finish",
        "{hcity} ने आखिरी ओवर में राज्य क्रिकेट फाइनल जीता",
        "A last-over boundary gave {city} the state title in front of a full stadium.",
        "भरे हुए स्टेडियम के सामने आखिरी ओवर की बाउंड्री ने {hcity} को राज्य खिताब दिलाया।",
        "Cricket",
        "क्रिकेट",
    ),
    Topic(
        "technology",
        "{city} schools get new digital classrooms",
        "{hcity} के स्कूलों में नई डिजिटल कक्षाएं",
        "More than two hundred schools in {city} will open digital classrooms this term.",
        "{hcity} के दो सौ से अधिक स्कूलों में इस सत्र से डिजिटल कक्षाएं शुरू होंगी।",
        "Education",
        "शिक्षा",
    ),
    Topic(
        "world",
        "India and {country} sign agreement on renewable energy",
        "भारत और {hcountry} के बीच नवीकरणीय ऊर्जा पर समझौता",
        "India and {country} signed an agreement to work together on solar and wind power.",
        "भारत और {hcountry} ने सौर और पवन ऊर्जा पर मिलकर काम करने के लिए समझौते पर हस्ताक्षर किए।",
        "Diplomacy",
        "कूटनीति",
    ),
]
CITIES = [
    ("Delhi", "दिल्ली"),
    ("Mumbai", "मुंबई"),
    ("Lucknow", "लखनऊ"),
    ("Jaipur", "जयपुर"),
    ("Patna", "पटना"),
    ("Bhopal", "भोपाल"),
    ("Kolkata", "कोलकाता"),
    ("Chennai", "चेन्नई"),
]
COUNTRIES = [
    ("Japan", "जापान"),
    ("France", "फ्रांस"),
    ("Brazil", "ब्राज़ील"),
    ("Kenya", "केन्या"),
    ("Australia", "ऑस्ट्रेलिया"),
    ("Germany", "जर्मनी"),
]
EN_PARAGRAPHS = [
    "Officials said the work would be completed in phases over the coming months.",
    "Residents welcomed the news, though some asked for more details on the timeline.",
    "Experts said the decision could set an example for other states.",
    "The government said it would review progress every quarter and publish the results.",
    "Local traders said they expected the change to help small businesses.",
]
HI_PARAGRAPHS = [
    "अधिकारियों ने बताया कि काम आने वाले महीनों में चरणबद्ध तरीके से पूरा किया जाएगा।",
    "निवासियों ने इस खबर का स्वागत किया, हालांकि कुछ लोगों ने समय-सीमा पर अधिक जानकारी मांगी।",
    "विशेषज्ञों का कहना है कि यह फैसला दूसरे राज्यों के लिए मिसाल बन सकता है।",
    "सरकार ने कहा कि वह हर तिमाही प्रगति की समीक्षा करेगी और नतीजे प्रकाशित करेगी।",
    "स्थानीय व्यापारियों ने कहा कि इस बदलाव से छोटे कारोबारों को मदद मिलेगी।",
]


def _sample_image() -> Image:
    """A generated lead picture (no downloads): the two flags' colours as a banner."""
    existing = Image.objects.filter(file__contains="putin-modi-talks").first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (1600, 900), "white")
    draw = ImageDraw.Draw(canvas)
    for i, colour in enumerate(["#ff9933", "#ffffff", "#138808"]):
        draw.rectangle([0, i * 300, 800, (i + 1) * 300], fill=colour)
    for i, colour in enumerate(["#ffffff", "#0039a6", "#d52b1e"]):
        draw.rectangle([800, i * 300, 1600, (i + 1) * 300], fill=colour)
    draw.ellipse([340, 390, 460, 510], outline="#000080", width=8)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85)
    return services.image_create(
        content=buffer.getvalue(), filename="putin-modi-talks.jpg", credit="Patrika graphic"
    )


# A generated lead picture per section (no downloads), and what it shows in each language.
PICTURES: dict[str, tuple[str, dict[str, str]]] = {
    "world": ("#1f5f8b", {"en": "A globe on a blue background", "hi": "नीली पृष्ठभूमि पर एक ग्लोब"}),
    "india": (
        "#ff9933",
        {"en": "Saffron, white and green bands", "hi": "केसरिया, सफ़ेद और हरी पट्टियां"},
    ),
    "business": ("#23403a", {"en": "A bar chart that rises", "hi": "ऊपर चढ़ता हुआ बार चार्ट"}),
    "sports": (
        "#2e7d32",
        {"en": "A red cricket ball on green grass", "hi": "हरी घास पर लाल क्रिकेट गेंद"},
    ),
    "technology": (
        "#37474f",
        {"en": "A screen with lines of text", "hi": "पाठ की पंक्तियों वाली एक स्क्रीन"},
    ),
}


def _section_picture(section: str) -> Image:
    existing = Image.objects.filter(file__contains=f"demo-{section}").first()
    if existing:
        return existing
    colour, _alt = PICTURES[section]
    canvas = PILImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(canvas)
    if section == "world":
        draw.ellipse([400, 140, 800, 540], fill="#4caf50", outline="#ffffff", width=10)
    elif section == "india":
        draw.rectangle([0, 225, 1200, 450], fill="#ffffff")
        draw.rectangle([0, 450, 1200, 675], fill="#138808")
    elif section == "business":
        for i, height in enumerate([120, 220, 300, 420, 520]):
            draw.rectangle([160 + i * 180, 600 - height, 280 + i * 180, 600], fill="#e0b84c")
    elif section == "sports":
        draw.ellipse([450, 190, 750, 490], fill="#b71c1c")
        draw.arc([450, 190, 750, 490], 60, 120, fill="#ffffff", width=6)
    else:
        draw.rectangle([250, 120, 950, 540], fill="#eceff1")
        for i in range(6):
            draw.rectangle([310, 170 + i * 60, 890 - (i % 3) * 120, 195 + i * 60], fill="#90a4ae")
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=80)
    return services.image_create(
        content=buffer.getvalue(), filename=f"demo-{section}.jpg", credit="Patrika graphic"
    )


def sample_story_data() -> StoryData:
    sections = {
        slug: services.section_get_or_create(slug=slug, names=names)
        for slug, names in SECTIONS.items()
    }
    return StoryData(
        original_language="en",
        status=StoryStatus.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=3),
        section=sections["world"],
        tags=[TagData("Putin and Modi Talks", {"hi": "पुतिन-मोदी वार्ता"})],
        authors=["Patrika Desk"],
        sources=[
            SourceData(
                title="Putin–Modi Talks: Russian President Dials PM, Shares Insights on "
                "Alaska Meet With Donald Trump",
                publisher="The Times of India",
            )
        ],
        featured_image=_sample_image(),
        import_source=SAMPLE_KEY,
        translations=[
            TranslationData(
                language="en",
                title="Putin–Modi Talks: Strengthening India–Russia Ties After Alaska Summit",
                summary="Vladimir Putin called Narendra Modi after the Alaska Summit: defence, "
                "energy, Ukraine and a trade that crossed $65 billion in 2024.",
                body=(CONTENT_DIR / "putin-modi-talks.en.md").read_text(encoding="utf-8"),
                image_alt="The Indian and Russian flags side by side",
                image_caption="India and Russia have been partners for decades.",
            ),
            TranslationData(
                language="hi",
                title="पुतिन–मोदी वार्ता: अलास्का शिखर सम्मेलन के बाद भारत–रूस संबंधों को नई मजबूती",
                summary="अलास्का शिखर सम्मेलन के बाद पुतिन ने मोदी से फोन पर बात की: रक्षा, ऊर्जा, "
                "यूक्रेन और 2024 में 65 अरब डॉलर पार कर चुका व्यापार।",
                body=(CONTENT_DIR / "putin-modi-talks.hi.md").read_text(encoding="utf-8"),
                image_alt="भारत और रूस के झंडे एक साथ",
                image_caption="भारत और रूस दशकों से साझेदार रहे हैं।",
            ),
        ],
    )


def generated_story_data(index: int, rng: random.Random) -> StoryData:
    topic = TOPICS[index % len(TOPICS)]
    city, hcity = rng.choice(CITIES)
    country, hcountry = rng.choice(COUNTRIES)
    fill = {"city": city, "hcity": hcity, "country": country, "hcountry": hcountry}
    picks = rng.sample(range(len(EN_PARAGRAPHS)), 3)
    en_body = "\n\n".join([topic.en_lead.format(**fill), *(EN_PARAGRAPHS[i] for i in picks)])
    hi_body = "\n\n".join([topic.hi_lead.format(**fill), *(HI_PARAGRAPHS[i] for i in picks)])
    names = SECTIONS[topic.section]
    return StoryData(
        original_language=rng.choice(["en", "hi"]),
        status=StoryStatus.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=6 + index * 9, minutes=rng.randrange(60)),
        section=services.section_get_or_create(slug=topic.section, names=names),
        tags=[TagData(topic.tag, {"hi": topic.hi_tag}), TagData(city, {"hi": hcity})],
        authors=[rng.choice(["Asha Verma", "Rahul Singh", "Meera Iyer"])],
        featured_image=_section_picture(topic.section),
        import_source=f"demo:generated:{index}",
        translations=[
            TranslationData(
                language="en",
                title=f"{topic.en_title.format(**fill)} ({index + 1})",
                summary=topic.en_lead.format(**fill),
                body=en_body,
                image_alt=PICTURES[topic.section][1]["en"],
            ),
            TranslationData(
                language="hi",
                title=f"{topic.hi_title.format(**fill)} ({index + 1})",
                summary=topic.hi_lead.format(**fill),
                body=hi_body,
                image_alt=PICTURES[topic.section][1]["hi"],
            ),
        ],
    )


def _demo_author_emails() -> None:
    # Private addresses so that comment notifications show on the demo's console.
    Author.objects.filter(name="Patrika Desk", email="").update(email="desk@patrika.local")


def _upsert(data: StoryData) -> bool:
    existing = Story.objects.filter(import_source=data.import_source).first()
    services.story_save(data=data, story=existing)
    return existing is None


@transaction.atomic
def load_demo(*, generated: int = 40, seed: int = 2026) -> tuple[int, int]:
    """Load the sample and `generated` stories; returns (created, updated)."""
    rng = random.Random(seed)
    created = updated = 0
    items = [sample_story_data()] + [generated_story_data(i, rng) for i in range(generated)]
    for data in items:
        if _upsert(data):
            created += 1
        else:
            updated += 1
    _demo_author_emails()
    return created, updated
