"""Path converters that refuse what cannot exist, so an impossible address is a 404 before any
view, query or date arithmetic runs. Importing this module registers them (every urls.py that
uses one imports it)."""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.urls import register_converter
from django.utils import timezone

from patrika.slugs import slug_is_valid

# The longest slug any model stores (Translation.slug): a longer one names nothing.
SLUG_MAX_LENGTH = 160
# Primary keys are BigAutoField: a larger number names no row (and overflows the database).
MAX_ID = 2**63 - 1
# One name in a path (ext4, APFS, NTFS) and a whole path: longer ones make the file system
# raise. Uploads are stored under names far shorter (ImageField keeps at most 100 characters).
MAX_FILE_NAME_BYTES = 255
MAX_FILE_PATH_BYTES = 1024


def parse_id(raw: object) -> int | None:
    """The row id a reader sent ("42"), or None when it cannot name a row. ASCII digits only:
    str.isdigit() also says yes to "²", which int() refuses."""
    text = str(raw)
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def year_is_valid(year: int) -> bool:
    """Whether the whole year exists as an aware datetime in the current time zone and in UTC
    (what the database compares with): year 1 east of UTC and 9999 west of it do not."""
    if not 1 <= year <= 9999:
        return False
    if not settings.USE_TZ:
        return True
    zone = timezone.get_current_timezone()
    try:
        datetime(year, 1, 1, tzinfo=zone).astimezone(UTC)
        datetime(year, 12, 31, 23, 59, 59, 999_999, tzinfo=zone).astimezone(UTC)
    except OverflowError:
        return False
    return True


class _Converter:
    regex = ""

    def check(self, value: int | str) -> bool:  # pragma: no cover - every subclass has one
        raise NotImplementedError

    def parse(self, value: str) -> int | str:
        return value

    def to_python(self, value: str) -> int | str:
        parsed = self.parse(value)
        if not self.check(parsed):
            raise ValueError(value)  # the pattern does not match: 404
        return parsed

    def to_url(self, value: int | str) -> str:
        if not self.check(value):
            raise ValueError(value)  # reverse() refuses to build the address
        return str(value)


class YearConverter(_Converter):
    regex = "[0-9]{1,4}"

    def parse(self, value: str) -> int:
        return int(value)

    def check(self, value: int | str) -> bool:
        return isinstance(value, int) and year_is_valid(value)


class MonthConverter(_Converter):
    regex = "[0-9]{1,2}"

    def parse(self, value: str) -> int:
        return int(value)

    def check(self, value: int | str) -> bool:
        return isinstance(value, int) and 1 <= value <= 12


class IdConverter(_Converter):
    regex = "[0-9]{1,19}"

    def parse(self, value: str) -> int:
        return parse_id(value) or 0

    def check(self, value: int | str) -> bool:
        return isinstance(value, int) and parse_id(value) == value


class SlugConverter(_Converter):
    """A slug as Patrika stores them (patrika.slugs): lowercase letters of any script with
    their marks, digits and single hyphens, NFC. NUL bytes, bidi controls, spaces and markup
    never get as far as a query."""

    regex = f"[^/]{{1,{SLUG_MAX_LENGTH}}}"

    def check(self, value: int | str) -> bool:
        return isinstance(value, str) and len(value) <= SLUG_MAX_LENGTH and slug_is_valid(value)


class FilePathConverter(_Converter):
    """A relative path the file system can look up (no NUL, no over-long name)."""

    regex = ".+"

    def check(self, value: int | str) -> bool:
        if not isinstance(value, str) or "\x00" in value:
            return False
        encoded = value.encode()
        return len(encoded) <= MAX_FILE_PATH_BYTES and all(
            len(part) <= MAX_FILE_NAME_BYTES for part in encoded.split(b"/")
        )


register_converter(YearConverter, "year")
register_converter(MonthConverter, "month")
register_converter(IdConverter, "id")
register_converter(SlugConverter, "uslug")
register_converter(FilePathConverter, "filepath")
