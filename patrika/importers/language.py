"""Which configured language an imported text is in: its script and what the source declares.

The script of the letters decides between scripts; the source's own declaration (an HTML
page's `lang`, WordPress's `<language>`) decides between languages sharing a script (Marathi
and Hindi are both Devanagari). Text in a language the site does not publish is refused with
a message that says so, unless the user named the language to store it under (`--language`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError

from patrika import languages

from .base import ItemError

# Language tags that name no language.
_NO_LANGUAGE = {"und", "mul", "zxx", "mis", "x", "i"}


@dataclass
class Decision:
    language: str
    warnings: list[str] = field(default_factory=list)


def declared_language(tag: str) -> str:
    """The language code of a declared tag ("hi-IN", "en_US", "bn") or "" when it names no
    language anyone knows."""
    code = tag.strip().replace("_", "-").split("-")[0].lower()
    if not code or code in _NO_LANGUAGE or not code.isalpha():
        return ""
    if code in languages.KNOWN or languages.script_of_language(code):
        return code
    return ""


def language_name(code: str) -> str:
    try:
        return Locale("en").languages.get(code) or code
    except UnknownLocaleError:  # pragma: no cover - "en" is always there
        return code


def script_name(script: str) -> str:
    return Locale("en").scripts.get(script) or script


def _configured() -> str:
    return ", ".join(languages.codes())


def language_decide(*, text: str, declared: str = "", forced: str = "", what: str) -> Decision:
    """The configured language to store `text` under (`what` names it in messages: "the
    page", "line 12"); ItemError when it is in a language the site does not publish."""
    if forced:
        return Decision(forced)
    script = languages.dominant_script(text)
    decision = Decision("")
    code = declared_language(declared)
    if code:
        written_in = languages.script_of_language(code)
        if script is None or written_in is None or written_in == script:
            if code in languages.codes():
                return Decision(code)
            raise ItemError(
                f"{what} is in {language_name(code)} (declared {declared.strip()!r}), which is "
                f"not one of this site's languages ({_configured()}); to import it anyway, name "
                "the language to store it under with --language"
            )
        decision.warnings.append(
            f"{what} declares {declared.strip()!r} but is written in "
            f"{script_name(script)} script; went by the script"
        )
    if script is None:
        decision.language = languages.codes()[0]
        return decision
    found = languages.language_for_script(script)
    if found is None:
        raise ItemError(
            f"{what} is written in {script_name(script)} script, which none of this site's "
            f"languages ({_configured()}) uses; to import it anyway, name the language to "
            "store it under with --language"
        )
    decision.language = found
    return decision
