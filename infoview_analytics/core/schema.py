"""The interview log's canonical format: columns, types, categories and aliases.

This module is the single source of truth for the log format. The loader maps
user headers and values onto it, the template writes it, and
``docs/log-format.md`` documents it (a test checks the document lists every
column, alias and category value defined here).

Examples
--------
>>> from infoview_analytics.core import schema
>>> schema.COLUMNS[:3]
('contact', 'organization', 'role')
>>> schema.CATEGORIES["channel"]
('email', 'linkedin', 'phone', 'in_person', 'other')
>>> schema.normalize_header("  Company Name: ")
'companyname'
>>> schema.HEADER_ALIASES["companyname"]
'organization'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from . import headers

__all__ = [
    "CATEGORIES",
    "CATEGORY_COLUMNS",
    "COLUMNS",
    "DATE_COLUMNS",
    "DEFAULT_DAYFIRST",
    "FIELDS",
    "HEADER_ALIASES",
    "INTEGER_COLUMNS",
    "TEXT_COLUMNS",
    "VALUE_SYNONYMS",
    "WARM_SOURCES",
    "YES_NO_MARKS",
    "YES_NO_VALUES",
    "Column",
    "header_words",
    "normalize_header",
    "normalize_value",
]

Kind = Literal["text", "date", "integer", "category"]

#: Day/month order used for a date column in which every value is ambiguous
#: (e.g. only "03/04/2026"). Month first, as US Excel and Google Sheets write.
DEFAULT_DAYFIRST = False


@dataclass(frozen=True)
class Column:
    """One canonical column of the log.

    Attributes
    ----------
    name : str
        Canonical name, as it appears in the loaded DataFrame.
    kind : {"text", "date", "integer", "category"}
        Type of the values.
    label : str
        Friendly header used by the template.
    meaning : str
        One sentence for the documentation and the template's About sheet.
    aliases : tuple of str
        Headers people use for this column, as written, in every language
        (``core.headers.PHRASES``; matched after :func:`normalize_header`).
    """

    name: str
    kind: Kind
    label: str
    meaning: str
    aliases: tuple[str, ...] = ()


def _column(name: str, kind: Kind, label: str, meaning: str) -> Column:
    """A column whose aliases are its phrases in every language (core/headers.py)."""
    phrases = tuple(p for words in headers.PHRASES[name].values() for p in words)
    return Column(name, kind, label, meaning, phrases)


FIELDS: tuple[Column, ...] = (
    _column("contact", "text", "Contact", "The person's name. The only required column."),
    _column("organization", "text", "Organization", "Where the person works."),
    _column("role", "text", "Role", "The person's job title or role."),
    _column(
        "field",
        "text",
        "Field",
        "The field, industry or interest area you are exploring through this person.",
    ),
    _column("location", "text", "Location", "City, region or country where the person works."),
    _column("seniority", "category", "Seniority", "How senior the person is."),
    _column(
        "org_type",
        "category",
        "Organization type",
        "What kind of organization the person works in.",
    ),
    _column("source", "category", "How found", "How you found this person."),
    _column(
        "referred_by",
        "text",
        "Referred by",
        "Name of the person who introduced you; matches another row's contact when "
        "that person is in the log.",
    ),
    _column("channel", "category", "Channel", "How you asked for the conversation."),
    _column(
        "requested_on",
        "date",
        "Date asked",
        "When you first asked this person for a conversation.",
    ),
    _column("followed_up_on", "date", "Follow-up date", "When you sent your (last) follow-up."),
    _column("responded_on", "date", "Response date", "When the person answered (yes or no)."),
    _column(
        "status",
        "category",
        "Status",
        "Where this request stands. Derived from the dates when left blank.",
    ),
    _column(
        "interview_on",
        "date",
        "Interview date",
        "When the conversation took (or will take) place.",
    ),
    _column("format", "category", "Format", "How the conversation took place."),
    _column(
        "minutes_planned",
        "integer",
        "Minutes planned",
        "How long you asked for, in minutes (15-30 is the usual ask).",
    ),
    _column(
        "minutes_actual",
        "integer",
        "Minutes actual",
        "How long the conversation actually lasted, in minutes.",
    ),
    _column(
        "questions_prepared",
        "integer",
        "Questions prepared",
        "How many questions you prepared (5-7 strong ones is the guidance).",
    ),
    _column(
        "thanked_on",
        "date",
        "Thank-you sent",
        "When you sent your thank-you note (within 24 hours is the guidance).",
    ),
    _column(
        "referrals_given",
        "integer",
        "Referrals given",
        "How many other people this person suggested you talk to.",
    ),
    _column("next_step", "text", "Next step", "What you plan to do next with this person."),
    _column(
        "last_contact_on",
        "date",
        "Last contact",
        "When you were last in touch (for keeping in touch after the interview).",
    ),
    _column("notes", "text", "Notes", "What was discussed, insights, anything else."),
    _column("email", "text", "Email", "The person's email address."),
    _column("phone", "text", "Phone", "The person's phone number."),
    _column("linkedin_url", "text", "LinkedIn URL", "Link to the person's LinkedIn profile."),
    _column(
        "owner",
        "text",
        "Owner",
        "Whose log this row belongs to (a student in a cohort). Filled from the file name "
        "by load_logs when absent.",
    ),
)

#: Canonical column names, in the documented order.
COLUMNS: tuple[str, ...] = tuple(c.name for c in FIELDS)
TEXT_COLUMNS: tuple[str, ...] = tuple(c.name for c in FIELDS if c.kind == "text")
DATE_COLUMNS: tuple[str, ...] = tuple(c.name for c in FIELDS if c.kind == "date")
INTEGER_COLUMNS: tuple[str, ...] = tuple(c.name for c in FIELDS if c.kind == "integer")
CATEGORY_COLUMNS: tuple[str, ...] = tuple(c.name for c in FIELDS if c.kind == "category")

#: Allowed values of each category column, in display order.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "seniority": ("student", "entry", "mid", "senior", "executive"),
    "org_type": (
        "corporate",
        "startup",
        "nonprofit",
        "government",
        "academia",
        "self_employed",
        "other",
    ),
    "source": (
        "existing_contact",
        "referral",
        "alumni",
        "linkedin_search",
        "group",
        "event",
        "company_page",
        "professor",
        "cold",
        "other",
    ),
    "channel": ("email", "linkedin", "phone", "in_person", "other"),
    "status": (
        "prospect",
        "awaiting",
        "replied",
        "scheduled",
        "interviewed",
        "declined",
        "no_response",
        "cancelled",
    ),
    "format": ("in_person", "phone", "video", "coffee", "other"),
}

#: Sources that make a request *warm*: the person already knows you, or someone
#: (or a shared school) connects you. A row with a ``referred_by`` name is warm
#: whatever its source.
WARM_SOURCES: frozenset[str] = frozenset({"existing_contact", "referral", "alumni", "professor"})

#: Answers that mean yes (True) or no (False), as :func:`normalize_value` leaves them,
#: in the five languages of the header phrases; ticks and crosses in ``YES_NO_MARKS``.
YES_NO_VALUES: dict[str, bool] = {
    **dict.fromkeys(("yes", "y", "true", "checked", "done", "x", "si", "oui", "ja", "sim"), True),
    **dict.fromkeys(("no", "n", "false", "unchecked", "not yet", "non", "nein", "nao"), False),
}
YES_NO_MARKS: dict[str, bool] = {
    **dict.fromkeys(("✓", "✔", "✔️", "☑", "☑️", "✅", "🗸"), True),
    **dict.fromkeys(("✗", "✘", "❌", "☐", "⬜"), False),
}

_RAW_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "channel": {
        "email": ("e-mail", "mail", "emailed", "gmail", "outlook", "email message"),
        "linkedin": (
            "li",
            "linked in",
            "linkedin msg",
            "linkedin message",
            "linkedin dm",
            "inmail",
            "linkedin inmail",
            "linkedin connection",
            "linkedin request",
        ),
        "phone": (
            "phone call",
            "call",
            "called",
            "telephone",
            "tel",
            "text",
            "sms",
            "text message",
        ),
        "in_person": (
            "in person",
            "in-person",
            "face to face",
            "f2f",
            "coffee",
            "event",
            "met in person",
            "at an event",
        ),
        "other": ("other", "slack", "whatsapp", "twitter", "x", "discord", "form"),
    },
    "source": {
        "existing_contact": (
            "existing contact",
            "friend",
            "family",
            "classmate",
            "coworker",
            "co-worker",
            "colleague",
            "former colleague",
            "neighbour",
            "neighbor",
            "personal",
            "known",
            "network",
            "personal network",
            "existing",
        ),
        "referral": (
            "referred",
            "referral",
            "introduction",
            "intro",
            "introduced",
            "mutual connection",
            "warm intro",
        ),
        "alumni": (
            "alumni",
            "alum",
            "alumnus",
            "alumna",
            "alumni network",
            "alumni list",
            "school",
        ),
        "linkedin_search": ("linkedin", "linkedin search", "li search", "linked in"),
        "group": (
            "group",
            "industry group",
            "professional association",
            "association",
            "meetup",
            "community",
            "club",
        ),
        "event": ("event", "conference", "career fair", "job fair", "networking event", "webinar"),
        "company_page": (
            "company page",
            "company website",
            "website",
            "team page",
            "company site",
        ),
        "professor": ("professor", "prof", "teacher", "lecturer", "advisor", "adviser", "faculty"),
        "cold": ("cold", "cold outreach", "cold email", "cold message", "stranger", "none"),
        "other": ("other",),
    },
    "status": {
        "prospect": (
            "not contacted",
            "to contact",
            "prospect",
            "not started",
            "todo",
            "to do",
            "identified",
            "planned",
        ),
        "awaiting": (
            "outreach sent",
            "sent",
            "bumped",
            "waiting",
            "awaiting",
            "awaiting reply",
            "pending",
            "asked",
            "contacted",
            "follow-up due",
            "follow up due",
            "followed up",
            "requested",
        ),
        "replied": ("replied", "responded", "answered", "accepted", "in touch", "response"),
        "scheduled": ("scheduled", "booked", "meeting set", "confirmed", "upcoming"),
        "interviewed": (
            "completed",
            "complete",
            "done",
            "interviewed",
            "met",
            "converted",
            "had call",
            "talked",
            "held",
        ),
        "declined": ("declined", "rejected", "said no", "not interested", "refused"),
        "no_response": (
            "no response",
            "no reply",
            "dead",
            "dormant",
            "ghosted",
            "gave up",
            "no answer",
            "unresponsive",
        ),
        "cancelled": ("cancelled", "canceled", "called off", "postponed indefinitely"),
    },
    "format": {
        "in_person": ("in person", "in-person", "face to face", "f2f", "office visit", "lunch"),
        "phone": ("phone", "call", "phone call", "telephone"),
        "video": ("video", "zoom", "teams", "google meet", "meet", "video call", "skype", "webex"),
        "coffee": ("coffee", "coffee chat", "coffee meeting"),
        "other": ("other",),
    },
    "seniority": {
        "student": ("student", "intern", "graduate student", "phd student"),
        "entry": ("entry", "entry level", "junior", "associate", "jr", "graduate", "early career"),
        "mid": ("mid", "mid level", "mid-level", "intermediate", "experienced", "manager"),
        "senior": ("senior", "sr", "lead", "principal", "staff", "senior manager", "director"),
        "executive": (
            "executive",
            "exec",
            "c-level",
            "c-suite",
            "vp",
            "vice president",
            "ceo",
            "founder",
            "partner",
            "head",
        ),
    },
    "org_type": {
        "corporate": (
            "corporate",
            "corporation",
            "company",
            "enterprise",
            "large company",
            "private",
        ),
        "startup": ("startup", "start-up", "scale-up", "scaleup"),
        "nonprofit": ("nonprofit", "non-profit", "ngo", "charity", "not for profit", "npo"),
        "government": ("government", "public sector", "gov", "public", "agency", "civil service"),
        "academia": (
            "academia",
            "academic",
            "university",
            "college",
            "research institute",
            "school",
        ),
        "self_employed": (
            "self employed",
            "self-employed",
            "freelance",
            "freelancer",
            "consultant",
        ),
        "other": ("other",),
    },
}


def header_words(text: object) -> tuple[str, ...]:
    """The words of a header, folded for matching.

    Case (``str.casefold``: ß is ss), accents, punctuation and emoji are
    dropped; so are units and remarks in brackets (``Date (GMT)``, ``Minutes
    [min]``) unless nothing else is left; ``#`` reads as "number".

    Examples
    --------
    >>> header_words("✉️ Date I reached out (GMT):")
    ('date', 'i', 'reached', 'out')
    >>> header_words("Straße")
    ('strasse',)
    >>> header_words("(GMT)")
    ('gmt',)
    """
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    unbracketed = _fold(_BRACKETS.sub(" ", s))
    s = unbracketed if re.search(r"[a-z0-9]", unbracketed) else _fold(s)
    return tuple(re.findall(r"[a-z0-9]+", s.replace("#", " number ")))


_BRACKETS = re.compile(r"[(\[{][^()\[\]{}]*[)\]}]")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def normalize_header(text: object) -> str:
    """Reduce a header to the key used for alias matching: its words, joined.

    Case, accents, spacing, punctuation, emoji, trailing colons and question
    marks, and units in brackets are ignored (see :func:`header_words`).

    Parameters
    ----------
    text : object
        A header cell as read from the file.

    Returns
    -------
    str
        Lower-case ASCII letters and digits only.

    Examples
    --------
    >>> normalize_header("Date Contacted:")
    'datecontacted'
    >>> normalize_header("E-mail")
    'email'
    >>> normalize_header("Replied? ✓")
    'replied'
    >>> normalize_header("Réponse (oui/non)")
    'reponse'
    """
    return "".join(header_words(text))


def normalize_value(text: object) -> str:
    """Reduce a category value to the key used for synonym matching.

    Examples
    --------
    >>> normalize_value("  LinkedIn   Msg ")
    'linkedin msg'
    >>> normalize_value("In-Person")
    'in person'
    >>> normalize_value("no_response")
    'no response'
    """
    s = unicodedata.normalize("NFKD", str(text))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def _build_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for col in FIELDS:
        for alias in (col.name, col.label, *col.aliases):
            aliases.setdefault(normalize_header(alias), col.name)
    return aliases


def _build_synonyms() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for column, allowed in CATEGORIES.items():
        mapping: dict[str, str] = {}
        for value in allowed:
            mapping[normalize_value(value)] = value
        for value, words in _RAW_SYNONYMS.get(column, {}).items():
            for word in words:
                mapping.setdefault(normalize_value(word), value)
        table[column] = mapping
    return table


#: Normalised header -> canonical column.
HEADER_ALIASES: dict[str, str] = _build_aliases()

#: For each category column: normalised value -> canonical value.
VALUE_SYNONYMS: dict[str, dict[str, str]] = _build_synonyms()
