"""The headline is the <title> less the site's name and the date, as the page's own metadata
shows them; anything else in the title stays."""

from __future__ import annotations

from datetime import date

import pytest

from patrika.importers.pagemeta import PageFacts, headline_from

DW = PageFacts(site_names=["DW.COM", "dw"], dates={date(2020, 1, 19)})
BHASKAR = PageFacts(site_names=["Dainik Bhaskar", "bhaskar"], dates={date(2024, 3, 12)})
BLOG = PageFacts(site_names=["Mountain Diaries", "mountaindiaries"], dates={date(2024, 1, 21)})
BARE = PageFacts(site_names=["ukbdnews"])


@pytest.mark.parametrize(
    ("title", "facts", "headline"),
    [
        ("Coal exit agreed | DW | 19.01.2020", DW, "Coal exit agreed"),
        ("Coal exit agreed | DW | 2020-01-19", DW, "Coal exit agreed"),
        ("Coal exit agreed | DW | January 19, 2020", DW, "Coal exit agreed"),
        ("Coal exit agreed – DW – 19 Jan 2020 10:15", DW, "Coal exit agreed"),
        ("DW | Coal exit agreed", DW, "Coal exit agreed"),
        ("Coal exit agreed | DW.COM", DW, "Coal exit agreed"),
        ("गेहूं के दाम बढ़े | 12 मार्च 2024 | Dainik Bhaskar", BHASKAR, "गेहूं के दाम बढ़े"),
        ("गेहूं के दाम बढ़े - दैनिक भास्कर", BHASKAR, "गेहूं के दाम बढ़े - दैनिक भास्कर"),
        ("Budget raises spending | UKBDNEWS", BARE, "Budget raises spending"),
        ("Ladakh in Winter | What Nobody Tells You – Mountain Diaries", BLOG,
         "Ladakh in Winter | What Nobody Tells You"),
        # Kept: a date that is not the page's, a year in the headline, a colon, no metadata.
        ("Coal exit agreed | DW | 18.01.2020", DW, "Coal exit agreed | DW | 18.01.2020"),
        ("Partition | 1947 | Remembered", DW, "Partition | 1947 | Remembered"),
        ("Putin–Modi Talks: Ties After Alaska", DW, "Putin–Modi Talks: Ties After Alaska"),
        ("Coal exit agreed | DW | 19.01.2020", PageFacts(), "Coal exit agreed | DW | 19.01.2020"),
        # Never empty: a title that is only the site's name stays.
        ("DW", DW, "DW"),
    ],
)  # fmt: skip
def test_headline(title: str, facts: PageFacts, headline: str) -> None:
    assert headline_from(title, facts) == headline
