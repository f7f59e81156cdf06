"""What the tests expect of the Content-Security-Policy and Permissions-Policy headers."""

from __future__ import annotations

# Directives whose sources are fixed, whatever a deployment adds for images.
FIXED_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Sources that would let injected markup run code or style itself.
UNSAFE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:"}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def csp_parse(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        if words := part.split():
            directives[words[0].lower()] = words[1:]
    return directives


def csp_problems(header: str | None) -> list[str]:
    """Why `header` is not the site's policy (empty when it is)."""
    if not header:
        return ["no Content-Security-Policy header"]
    directives = csp_parse(header)
    problems = [
        f"{name} is {directives.get(name)}, expected {expected}"
        for name, expected in FIXED_DIRECTIVES.items()
        if directives.get(name) != expected
    ]
    images = directives.get("img-src", [])
    if "'self'" not in images or UNSAFE_SOURCES & set(images):
        problems.append(f"img-src is {images}")
    for name in ("script-src-elem", "script-src-attr", "style-src-elem", "style-src-attr"):
        if name in directives:
            problems.append(f"{name} overrides script-src/style-src: {directives[name]}")
    return problems


def permissions_problems(header: str | None) -> list[str]:
    if not header:
        return ["no Permissions-Policy header"]
    pairs = (item.partition("=") for item in header.split(","))
    features = {name.strip(): allowed.strip() for name, _, allowed in pairs}
    return [f"{name} not denied" for name in DENIED_FEATURES if features.get(name) != "()"]


def header_problems(headers: dict[str, str]) -> list[str]:
    """`headers` as a case-insensitive mapping (Django's response.headers) or lower-cased keys."""
    lowered = {key.lower(): value for key, value in headers.items()}
    return csp_problems(lowered.get("content-security-policy")) + permissions_problems(
        lowered.get("permissions-policy")
    )
