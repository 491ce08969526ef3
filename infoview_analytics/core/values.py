"""Values as people write them: yes/no answers, ticks, answer words and the flag columns.

The data the loader reads answer cells with, kept apart from ``schema`` (which
holds the columns and the category synonyms), and documented in
``docs/log-format.md`` (generated from these tables).

* **Flag columns.** A date column can hold a yes/no answer instead of a date
  ("Thank-you sent: Yes"). Each date column has a boolean companion,
  :data:`DATE_FLAGS` (``thanked_on`` -> ``thanked``): True when the event
  happened, with or without a date; the date column keeps the date when there
  is one (``datetime64[ns]``, NaT otherwise). "No" and blank are both the
  absence of the event (in a "Replied?" column "No" means no answer yet).
* **Answer words** (:data:`YES_WORDS`, :data:`NO_WORDS`, per language), the
  words that mean "it happened" in one date column (:data:`DONE_WORDS`) and
  the words naming an event, which tell whose date a date in free text is
  (:data:`EVENT_WORDS`: the 4/2 of "yes - call on 4/2" is the interview's).
* :data:`STATUS_EVENTS`: the events a status implies (``declined`` implies
  that the person answered).

Examples
--------
>>> DATE_FLAGS["thanked_on"]
'thanked'
>>> answer_key("Sí") in YES, answer_key("✓") in YES, answer_key("NEIN") in NO
(True, True, True)
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from .schema import normalize_value

__all__ = [
    "DATE_FLAGS",
    "DONE_WORDS",
    "EVENT_STATUS",
    "EVENT_WORDS",
    "FLAG_COLUMNS",
    "FOLLOWED_UP_STATUSES",
    "HINTED_STATUSES",
    "NO",
    "NO_WORDS",
    "STATUS_EVENTS",
    "STATUS_PROGRESS",
    "STATUS_WORDS",
    "SYMBOLS",
    "YES",
    "YES_WORDS",
    "answer_key",
    "undated_yes",
]

#: Date column -> its flag column: True when the event happened, dated or not.
DATE_FLAGS: dict[str, str] = {
    "requested_on": "requested",
    "followed_up_on": "followed_up",
    "responded_on": "responded",
    "interview_on": "interviewed",
    "thanked_on": "thanked",
    "last_contact_on": "kept_in_touch",
}
#: The flag columns, in the order of their date columns.
FLAG_COLUMNS: tuple[str, ...] = tuple(DATE_FLAGS.values())

#: Ticks and crosses, read as a yes or a no when they are all a cell holds
#: (beside a word they are decoration: "✅ Met" is "Met").
SYMBOLS: dict[str, str] = {
    **dict.fromkeys("✓✔✅☑☒🗹🗸", "yes"),
    **dict.fromkeys("✗✘❌❎☐✖🗷", "no"),
}

#: Yes, by language (matched after :func:`answer_key`: case and accents ignored).
YES_WORDS: dict[str, tuple[str, ...]] = {
    "English": (
        "yes",
        "y",
        "yeah",
        "yep",
        "yup",
        "ok",
        "true",
        "checked",
        "x",
        "✓",
        "✔",
        "✅",
        "☑",
    ),
    "Spanish": ("sí", "si", "s", "verdadero"),
    "French": ("oui", "vrai"),
    "German": ("ja", "j", "wahr"),
    "Portuguese": ("sim", "verdadeiro"),
    "Italian": ("sì", "vero"),
    "Dutch": ("ja", "waar"),
}

#: No, or not yet, by language. In a date column "no" is the absence of the event.
NO_WORDS: dict[str, tuple[str, ...]] = {
    "English": (
        "no",
        "n",
        "nope",
        "not",
        "false",
        "unchecked",
        "not yet",
        "none",
        "n/a",
        "na",
        "-",
        "✗",
        "❌",
        "☐",
    ),
    "Spanish": ("no", "falso", "todavía no", "aún no", "ninguno"),
    "French": ("non", "faux", "pas encore", "aucun"),
    "German": ("nein", "falsch", "noch nicht", "keine"),
    "Portuguese": ("não", "nao", "falso", "ainda não", "nenhum"),
    "Italian": ("no", "falso", "non ancora"),
    "Dutch": ("nee", "onwaar", "nog niet"),
}

#: Words meaning "it happened" in one date column (beside the yes words).
DONE_WORDS: dict[str, tuple[str, ...]] = {
    "requested_on": (
        "sent",
        "asked",
        "done",
        "enviado",
        "envoyé",
        "gesendet",
        "contacted",
        "requested",
    ),
    "followed_up_on": ("sent", "done", "bumped", "followed up", "nudged", "chased", "reminded"),
    "responded_on": ("replied", "responded", "answered", "heard back", "got a reply", "respondió"),
    "interview_on": (
        "done",
        "completed",
        "complete",
        "held",
        "met",
        "had call",
        "talked",
        "hecho",
        "fait",
        "erledigt",
        "feito",
    ),
    "thanked_on": (
        "sent",
        "done",
        "thanked",
        "emailed",
        "mailed",
        "enviado",
        "envoyé",
        "gesendet",
        "hecho",
        "fait",
        "erledigt",
        "feito",
    ),
    "last_contact_on": ("done", "in touch", "kept in touch"),
}

#: Statuses saying the one follow-up went out ("Bumped", "Followed up"): still
#: awaiting a reply, and the follow-up is done (the ``followed_up`` flag, undated), so
#: 3B7 does not ask for another. "Follow-up due" says the opposite and is not here.
FOLLOWED_UP_STATUSES: tuple[str, ...] = (
    "bumped",
    "followed up",
    "follow-up sent",
    "follow up sent",
    "nudged",
    "chased",
    "reminded",
    "reminder sent",
    "relancé",
    "relancée",
    "nachgefasst",
    "erinnert",
    "seguimiento enviado",
    "recordatorio enviado",
    "lembrete enviado",
    "acompanhamento enviado",
)

#: Words naming an event: a date written after one of them is that event's date.
EVENT_WORDS: dict[str, tuple[str, ...]] = {
    "requested_on": ("asked", "contacted", "emailed", "messaged", "reached out", "requested"),
    "followed_up_on": ("bumped", "followed up", "follow up", "nudged", "chased", "reminded"),
    "responded_on": ("replied", "responded", "answered", "heard back", "reply", "response"),
    "interview_on": (
        "call",
        "called",
        "meeting",
        "meet",
        "met",
        "coffee",
        "chat",
        "interview",
        "interviewed",
        "zoom",
        "talked",
        "spoke",
        "scheduled",
        "booked",
        "llamada",
        "reunión",
        "appel",
        "rendez vous",
        "termin",
        "gespräch",
        "reunião",
    ),
    "thanked_on": ("thanked", "thank you", "thank you sent", "ty sent", "ty"),
}

#: Status words beyond ``schema.VALUE_SYNONYMS["status"]``: phrases of free text
#: ("no reply yet" is still waiting, not given up) and other languages.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "awaiting": (
        "no reply yet",
        "no response yet",
        "no answer yet",
        "not replied yet",
        "waiting for reply",
        "esperando",
        "pendiente",
        "en attente",
        "wartend",
        "ausstehend",
        "aguardando",
        "pendente",
        # a follow-up went out, no reply yet (FOLLOWED_UP_STATUSES)
        "follow-up sent",
        "follow up sent",
        "reminder sent",
        "relancé",
        "relancée",
        "nachgefasst",
        "erinnert",
        "seguimiento enviado",
        "recordatorio enviado",
        "lembrete enviado",
        "acompanhamento enviado",
    ),
    "replied": (
        "respondió",
        "contestó",
        "respondido",
        "contestado",
        "répondu",
        "a répondu",
        "geantwortet",
        "hat geantwortet",
        "respondeu",
    ),
    "scheduled": ("agendado", "programado", "prévu", "geplant", "call booked"),
    # "done" in each language, also with the meeting named ("Reunión hecha" is a
    # meeting held, not one to come)
    "interviewed": (
        "entrevistado",
        "realizado",
        "realizada",
        "hecho",
        "hecha",
        "reunión hecha",
        "reunión realizada",
        "entrevista hecha",
        "entrevista realizada",
        "terminé",
        "fait",
        "faite",
        "entretien fait",
        "entretien réalisé",
        "rencontré",
        "rencontrée",
        "erledigt",
        "getroffen",
        "gespräch geführt",
        "termin erledigt",
        "concluído",
        "feito",
        "feita",
        "reunião feita",
        "reunião realizada",
        "entrevista feita",
    ),
    "declined": (
        "rechazó",
        "rechazada",
        "declinó",
        "dijo que no",
        "a refusé",
        "refusée",
        "hat abgesagt",
        "não aceitou",
        "recusada",
        "rechazado",
        "refusé",
        "abgelehnt",
        "abgesagt",
        "recusado",
        "recusou",
    ),
    "no_response": ("sin respuesta", "pas de réponse", "keine antwort", "sem resposta"),
    "cancelled": ("cancelado", "annulé", "storniert", "cancelada"),
}

#: The events a status implies: a date column reads the status word as yes
#: when its event is listed ("declined" in a "Replied?" column is an answer).
STATUS_EVENTS: dict[str, tuple[str, ...]] = {
    "prospect": (),
    "awaiting": ("requested_on",),
    "no_response": ("requested_on",),
    "replied": ("requested_on", "responded_on"),
    "declined": ("requested_on", "responded_on"),
    "scheduled": ("requested_on", "responded_on"),
    "cancelled": ("requested_on", "responded_on"),
    "interviewed": ("requested_on", "responded_on", "interview_on"),
}

#: The status an event implies when a status column names only the event.
EVENT_STATUS: dict[str, str] = {
    "requested_on": "awaiting",
    "followed_up_on": "awaiting",
    "responded_on": "replied",
    "interview_on": "scheduled",
    "thanked_on": "interviewed",
}

#: Statuses a word in a date column passes on to a blank status: more than its flag
#: says ("declined, busy" under Replied? is an answer, and a refusal).
HINTED_STATUSES = frozenset({"declined", "cancelled", "no_response", "scheduled", "interviewed"})

#: How far along a request a status is; a blank status takes the furthest of
#: what its dates say and what the words of its other cells say.
STATUS_PROGRESS: tuple[str, ...] = (
    "prospect",
    "awaiting",
    "no_response",
    "replied",
    "declined",
    "scheduled",
    "cancelled",
    "interviewed",
)


def answer_key(text: object) -> str:
    """An answer as matched: a lone tick or cross as ``yes``/``no``, else ``normalize_value``.

    Examples
    --------
    >>> answer_key(" ✔ "), answer_key("Não"), answer_key("✅ Met"), answer_key("N/A")
    ('yes', 'nao', 'met', 'n a')
    """
    s = unicodedata.normalize("NFC", str(text)).strip().replace("\ufe0f", "")
    if s in SYMBOLS:
        return SYMBOLS[s]
    if s and not s.strip("-–—"):
        return "-"
    return normalize_value(s)


def _keys(words: dict[str, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(answer_key(w) for group in words.values() for w in group)


#: The keys of the yes and no words.
YES: frozenset[str] = _keys(YES_WORDS)
NO: frozenset[str] = _keys(NO_WORDS)


def undated_yes(frame: pd.DataFrame, column: str) -> np.ndarray:
    """Rows whose flag says the event of the date ``column`` happened but the date is unknown.

    A frame without the flag column (one made by hand) has no such rows.

    Examples
    --------
    >>> frame = pd.DataFrame({"thanked_on": pd.to_datetime(["2026-03-02", None, None]),
    ...                       "thanked": [True, True, False]})
    >>> undated_yes(frame, "thanked_on").tolist()
    [False, True, False]
    """
    flag = DATE_FLAGS[column]
    if flag not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    said = frame[flag].fillna(False).to_numpy(dtype=bool)
    return said & frame[column].isna().to_numpy()
