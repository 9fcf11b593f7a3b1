"""One node per real organization: the keys that say two spellings name the same one.

A name's key is what is left when case, accents, spacing, punctuation and a trailing legal
form are taken away: "Acme, Inc.", "ACME inc" and "Acme Inc" all become ``acme``, while
"Acme Bank" stays ``acme bank`` (a bank is not a legal form). A web domain or a LinkedIn
company page is a stronger key than any name: two companies may share a name, never a
domain. Keys are scoped by kind (a company and a school may share a name).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit

KINDS = ("company", "school")

# Legal forms, as tokens once dots are gone ("S.A." is "sa", "S. A." is "s a"); several may
# trail one name ("Pty Ltd", "GmbH & Co. KG").
LEGAL_FORMS = frozenset(
    """
    inc incorporated corp corporation co company ltd limited llc llp lp plc
    gmbh mbh ag kg ohg ug ev sa sas sasu sarl srl spa sl slu bv nv vof
    ab oy oyj as asa aps pty pte kk sdn bhd
    """.split()
)
# Legal forms written as two tokens after the dots are gone ("S. A.", "B. V.").
LEGAL_PAIRS = frozenset({("s", "a"), ("b", "v"), ("n", "v"), ("s", "l"), ("s", "p", "a")})
# What may join a legal form to the name ("Acme & Co.", "Acme and Company").
JOINERS = frozenset({"and", "&"})

_DOTS = re.compile(r"[.']")  # "S.A." -> "SA", "McDonald's" -> "McDonalds"
_NOT_WORD = re.compile(r"[^\w&]+")  # any other punctuation separates words
_LINKEDIN_PATH = re.compile(r"^/company/(?P<slug>[\w-]{1,100})/?", re.I)
# A profile's slug: letters (any script), digits, dashes; LinkedIn allows 3-100.
_PROFILE_SLUG = re.compile(r"^[\w-]{1,100}$")
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def tokens(name: str) -> list[str]:
    """The name's words: accents and case folded, punctuation gone, "&" a word of its own."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = _DOTS.sub("", folded).replace("&", " & ")
    return [word for word in _NOT_WORD.sub(" ", folded).replace("_", " ").split() if word]


def name_key(name: str) -> str:
    """The name without case, accents, punctuation and trailing legal forms; never empty
    for a name with a word in it (a name that is only a legal form, "Company", keeps it)."""
    words = tokens(name)
    while len(words) > 1:
        pair = next(
            (n for n in (3, 2) if len(words) > n and tuple(words[-n:]) in LEGAL_PAIRS), None
        )
        if pair:
            del words[-pair:]
        elif words[-1] in LEGAL_FORMS or words[-1] in JOINERS:
            words.pop()
        else:
            break
    return " ".join(words).replace("&", "and")


def domain_key(value: str) -> str | None:
    """``acme.com`` from "acme.com", "https://www.Acme.com/about" or "www.acme.com:443";
    None when it is not a domain name."""
    text = value.strip().lower()
    host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    host = host.removeprefix("www.")
    return host if _DOMAIN.match(host) else None


def _linkedin_path(url: str) -> str | None:
    """The path of a linkedin.com URL (any scheme or none, ``www.`` or a country subdomain
    such as ``de.``), or None for another host."""
    text = url.strip()
    try:
        parts = urlsplit(text if "//" in text else "//" + text)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # a malformed port or IPv6 literal: not a LinkedIn URL
        return None
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return None
    return parts.path


def linkedin_key(url: str) -> str | None:
    """The company page's slug ("acme-inc") from a LinkedIn company URL, or None."""
    match = _LINKEDIN_PATH.match(_linkedin_path(url) or "")
    return match["slug"].lower() if match else None


def profile_key(url: str) -> str | None:
    """A person's LinkedIn profile as one key, ``in/ana-costa-1a2b3c``, whatever the scheme,
    ``www.`` or country subdomain (``de.linkedin.com``), trailing slash, query string,
    fragment, percent-encoding or case; the old public profiles (``/pub/ana-costa/1/2b/3c``)
    keep their path. None when it is not a profile URL."""
    path = unquote(_linkedin_path(url) or "").casefold()
    words = [word for word in path.split("/") if word]
    if len(words) >= 2 and words[0] == "in" and _PROFILE_SLUG.match(words[1]):
        return f"in/{words[1]}"
    if 2 <= len(words) <= 5 and words[0] == "pub" and all(map(_PROFILE_SLUG.match, words[1:])):
        return "/".join(words)
    return None


def profile_url(key: str) -> str:
    """The canonical URL of a profile key."""
    return f"https://www.linkedin.com/{quote(key)}"


def keys(kind: str, *, name: str, domain: str | None = None, linkedin: str | None = None):
    """The organization's lookup keys, strongest first: LinkedIn page, domain, name."""
    found = []
    if linkedin:
        found.append(f"{kind}:linkedin:{linkedin}")
    if domain:
        found.append(f"{kind}:domain:{domain}")
    found.append(f"{kind}:name:{name_key(name)}")
    return found


def search_words(text: str) -> list[str]:
    """The words a typeahead query looks for (folded like names, legal forms kept)."""
    return [word for word in tokens(text) if word != "&"]
