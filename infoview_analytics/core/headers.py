"""How people name the log's columns, in their own words and languages (data only).

The schema builds its header aliases from :data:`PHRASES`; the loader matches
headers against them (after :func:`~infoview_analytics.core.schema.normalize_header`,
which ignores case, accents, punctuation, emoji and units in parentheses), then
by fuzzy match for typos, then lets the column's content decide with the help of
:data:`HINTS`. ``docs/log-format.md`` lists every phrase by language.

A phrase belongs to one column only (a test checks). Words that say little on
their own ("Connection", "Via", "Thanks") are not phrases but hints: they name
a column only when the content agrees (names, dates, yes/no...).

Examples
--------
>>> from infoview_analytics.core import headers
>>> headers.PHRASES["referred_by"]["de"][:2]
('Empfohlen von', 'Vermittelt von')
>>> headers.LANGUAGES["pt"]
'Portuguese'
"""

from __future__ import annotations

__all__ = [
    "FILLER_WORDS",
    "GENERIC_HINTS",
    "HINTS",
    "LANGUAGES",
    "NOT_COLUMNS",
    "PHRASES",
    "YES_NO_SUFFIXES",
]

#: The languages phrases are listed in, in the order the documentation shows them.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
}

# fmt: off
#: Headers people write for each canonical column, by language. The template's
#: label and the column's own name are accepted as well.
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "contact": {
        "en": (
            "Name", "Contact Name", "Contact", "Person", "Full Name", "Interviewee",
            "Professional", "Who", "Contact Person", "Person's Name", "Name of Contact",
            "Who I Talked To", "Who I Spoke With", "Person Contacted", "Networking Contact",
        ),
        "es": (
            "Nombre", "Nombre completo", "Contacto", "Persona", "Nombre del contacto",
            "Entrevistado", "Entrevistada",
        ),
        "fr": (
            "Nom", "Nom complet", "Personne", "Nom du contact", "Interlocuteur",
            "Interlocutrice", "Prénom et nom",
        ),
        "de": (
            "Vollständiger Name", "Kontakt", "Ansprechpartner", "Ansprechpartnerin",
            "Kontaktperson", "Gesprächspartner", "Gesprächspartnerin",
        ),
        "pt": ("Nome", "Nome completo", "Contato", "Pessoa", "Nome do contato"),
    },
    "organization": {
        "en": (
            "Company", "Company Name", "Employer", "Organisation", "Org", "Firm",
            "Institution", "Workplace", "Organization Name", "Where They Work", "Works At",
            "Business", "Current Company", "Employer Name", "Place of Work",
        ),
        "es": (
            "Empresa", "Compañía", "Organización", "Institución", "Empleador",
            "Dónde trabaja", "Nombre de la empresa",
        ),
        "fr": ("Entreprise", "Société", "Organisme", "Employeur", "Nom de l'entreprise"),
        "de": ("Firma", "Unternehmen", "Arbeitgeber", "Betrieb", "Arbeitsstelle"),
        "pt": ("Organização", "Instituição", "Empregador", "Companhia", "Nome da empresa"),
    },
    "role": {
        "en": (
            "Title", "Position", "Job Title", "Role / Title", "Title / Role", "Occupation",
            "Job", "Job Role", "Their Role", "Current Role", "Position Title", "Designation",
        ),
        "es": ("Cargo", "Puesto", "Título", "Rol", "Ocupación", "Posición"),
        "fr": ("Poste", "Fonction", "Titre", "Intitulé du poste", "Métier"),
        "de": ("Rolle", "Stelle", "Berufsbezeichnung", "Jobtitel", "Funktion", "Beruf", "Titel"),
        "pt": ("Função", "Posição", "Ocupação", "Papel"),
    },
    "field": {
        "en": (
            "Industry", "Sector", "Interest Area", "Area", "Career Field", "Field of Interest",
            "Area of Interest", "Career Interest", "Career Path", "Domain",
        ),
        "es": ("Industria", "Campo", "Área de interés", "Rubro", "Ámbito"),
        "fr": ("Secteur", "Domaine", "Secteur d'activité", "Filière", "Industrie",
               "Domaine d'intérêt"),
        "de": ("Branche", "Bereich", "Fachgebiet", "Interessengebiet", "Sektor", "Berufsfeld"),
        "pt": ("Setor", "Área de interesse", "Ramo"),
    },
    "location": {
        "en": ("City", "Place", "Region", "Country", "Based In", "Where", "Office Location",
               "City / Country", "Town"),
        "es": ("Ubicación", "Ciudad", "País", "Lugar", "Localidad"),
        "fr": ("Lieu", "Ville", "Pays", "Localisation"),
        "de": ("Ort", "Stadt", "Land", "Standort", "Wohnort"),
        "pt": ("Localização", "Cidade", "Local", "Região"),
    },
    "seniority": {
        "en": ("Level", "Career Stage", "Seniority Level", "Experience Level", "Rank"),
        "es": ("Nivel", "Antigüedad", "Nivel de experiencia"),
        "fr": ("Niveau", "Ancienneté", "Niveau d'expérience", "Séniorité"),
        "de": ("Karrierestufe", "Erfahrungsstufe", "Hierarchiestufe", "Seniorität"),
        "pt": ("Senioridade", "Nível de senioridade"),
    },
    "org_type": {
        "en": (
            "Organization Type", "Organisation Type", "Company Type", "Org Type", "Sector Type",
            "Type of Organization", "Employer Type", "Kind of Organization",
        ),
        "es": ("Tipo de organización", "Tipo de empresa", "Tipo de entidad"),
        "fr": ("Type d'organisation", "Type d'entreprise", "Type de structure"),
        "de": ("Organisationstyp", "Unternehmensart", "Art der Organisation", "Unternehmenstyp"),
        "pt": ("Tipo de organização", "Tipo de instituição"),
    },
    "source": {
        "en": (
            "How Found", "Source", "Relationship Type", "Relationship", "Found Via",
            "Lead Source", "How I Found Them", "How I Know Them", "How We Met", "Found Through",
            "Where Found", "How Connected", "Connection Type",
        ),
        "es": ("Fuente", "Origen", "Cómo lo conocí", "Cómo la conocí", "Relación",
               "Cómo lo encontré", "Tipo de relación"),
        "fr": ("Provenance", "Origine", "Comment trouvé", "Type de relation",
               "Comment je l'ai connu"),
        "de": ("Quelle", "Herkunft", "Beziehung", "Wie gefunden", "Wie kennengelernt",
               "Kontaktquelle"),
        "pt": ("Fonte", "Origem", "Relação", "Como encontrei", "Como conheci",
               "Tipo de relação"),
    },
    "referred_by": {
        "en": (
            "Referred By", "Mutual Connection", "Introduced By", "Connected By", "Referral",
            "Referrer", "Introduction From", "Who Referred Me", "Who Referred", "Intro By",
            "Intro Via", "Introduced Via", "Intro From", "Referred Through", "Referral From",
            "Recommended By", "Mutual", "Mutual Contact", "Introducer", "Warm Intro From",
            "Who Introduced Us", "Suggested By", "Connector", "Referred Via",
        ),
        "es": ("Referido por", "Recomendado por", "Presentado por", "Contacto en común",
               "Quién me refirió", "Introducido por", "Recomendación de"),
        "fr": ("Recommandé par", "Présenté par", "Introduit par", "Référé par",
               "Contact commun", "Mis en relation par", "Par l'intermédiaire de"),
        "de": ("Empfohlen von", "Vermittelt von", "Vorgestellt von", "Gemeinsamer Kontakt",
               "Empfehlung von", "Über wen", "Kontakt über"),
        "pt": ("Indicado por", "Indicação de", "Apresentado por", "Contato em comum",
               "Quem indicou"),
    },
    "channel": {
        "en": (
            "Method", "Channel", "Outreach Method", "Contact Method", "Medium",
            "Outreach Channel", "How Contacted", "How I Reached Out", "Contacted Via",
            "Contacted Through", "Reached Out Via", "Platform", "Mode of Contact",
            "Outreach Type",
        ),
        "es": ("Canal", "Medio", "Método", "Método de contacto", "Vía de contacto"),
        "fr": ("Moyen de contact", "Méthode", "Mode de contact"),
        "de": ("Kanal", "Kontaktweg", "Kontaktart"),
        "pt": ("Meio", "Meio de contato", "Forma de contato"),
    },
    "requested_on": {
        "en": (
            "Date Contacted", "Outreach Date", "First Contact Date", "Contacted On",
            "Date Asked", "Request Date", "Requested On", "Date Reached Out", "Sent",
            "Date Sent", "Contacted", "Reached Out", "Date I Reached Out", "Emailed",
            "Messaged", "Date of Request", "Sent On", "First Contact", "Asked On",
            "Date Emailed", "Date Messaged", "Reached Out On", "Outreach", "Outreach Sent",
            "Initial Contact", "Initial Outreach", "Contact Date", "Date of First Contact",
            "Request Sent", "Asked", "Email Sent", "Message Sent", "Invite Sent",
            "Date of Outreach", "Date Requested", "When Contacted", "When I Reached Out",
            "Approached", "Date Approached", "Approached On", "Date Pinged", "Pinged On",
            "Date Written", "Wrote On",
        ),
        "es": (
            "Fecha de contacto", "Contactado", "Contactada", "Fecha de solicitud", "Enviado",
            "Fecha de envío", "Primer contacto", "Fecha del primer contacto", "Contactado el",
            "Solicitado el", "Escrito el",
        ),
        "fr": (
            "Date de contact", "Contacté le", "Contacté", "Contactée le", "Date de la demande",
            "Envoyé le", "Premier contact", "Date d'envoi", "Demandé le",
            "Date du premier contact", "Sollicité le",
        ),
        "de": (
            "Kontaktiert am", "Angeschrieben", "Angeschrieben am", "Kontaktdatum",
            "Anfragedatum", "Gesendet am", "Erstkontakt", "Datum der Anfrage", "Kontaktiert",
            "Angefragt am", "Anfrage gesendet", "Erster Kontakt",
        ),
        "pt": (
            "Data de contato", "Data de contacto", "Contatado", "Contatado em",
            "Contactado em", "Data da solicitação", "Enviado em", "Primeiro contato",
            "Data de envio", "Data do primeiro contato", "Data do pedido", "Pedido em",
        ),
    },
    "followed_up_on": {
        "en": (
            "Follow-Up Date", "Follow Up", "Followed Up", "Followed Up On", "Bumped On",
            "Bump Date", "Follow-up Sent", "Date Followed Up", "Bumped", "Bump",
            "Reminder Sent", "Nudged", "Nudged On", "Second Email",
        ),
        "es": ("Fecha de seguimiento", "Seguimiento", "Recordatorio enviado",
               "Seguimiento enviado"),
        "fr": ("Date de relance", "Relance", "Relancé le", "Date de suivi"),
        "de": ("Nachgefasst am", "Nachfassen", "Erinnerung gesendet", "Nachgehakt",
               "Follow-up am"),
        "pt": ("Data de acompanhamento", "Acompanhamento", "Follow-up em", "Lembrete enviado"),
    },
    "responded_on": {
        "en": (
            "Response Date", "Date Responded", "Replied On", "Reply Date", "Responded On",
            "Replied", "Heard Back", "Response", "Responded", "Answer", "Answered", "Reply",
            "Date Replied", "Heard Back On", "Date of Response", "Response Received",
            "Reply Received", "Got a Reply", "Answered On", "Date Answered", "Did They Reply",
            "Did They Respond",
        ),
        "es": ("Respuesta", "Respondió", "Fecha de respuesta", "Respondido", "Contestó",
               "Respondió el"),
        "fr": ("Réponse", "Répondu", "Date de réponse", "Répondu le", "A répondu"),
        "de": ("Antwort", "Geantwortet", "Antwortdatum", "Rückmeldung", "Geantwortet am",
               "Antwort erhalten"),
        "pt": ("Resposta", "Respondeu", "Data de resposta", "Respondido em", "Retorno"),
    },
    "status": {
        "en": ("Status", "Response Status", "Stage", "State", "Outcome", "Current Status",
               "Result", "Progress", "Pipeline Stage"),
        "es": ("Estado", "Situación", "Etapa", "Resultado"),
        "fr": ("Statut", "État", "Étape", "Résultat", "Avancement"),
        "de": ("Stand", "Zustand", "Phase", "Ergebnis", "Stadium"),
        "pt": ("Situação", "Estágio", "Fase", "Andamento"),
    },
    "interview_on": {
        "en": (
            "Meeting Date", "Coffee Chat Date", "Interview Date", "Date of Interview",
            "Date of Meeting", "Call Date", "Chat Date", "Interviewed On", "Meeting",
            "Interview", "Call", "Coffee Chat", "Met On", "Date Met", "Meeting On", "Chat",
            "Conversation Date", "Date of Call", "Informational Interview", "Scheduled For",
            "Meeting Scheduled", "Interview Scheduled", "Spoke On", "Met", "Interviewed",
        ),
        "es": ("Fecha de reunión", "Reunión", "Entrevista", "Fecha de entrevista",
               "Fecha de la llamada", "Llamada", "Café"),
        "fr": ("Date de rencontre", "Rencontre", "Entretien", "Date de l'entretien",
               "Rendez-vous", "Date du rendez-vous", "Appel", "Rencontré le"),
        "de": ("Treffen", "Gespräch", "Gesprächstermin", "Termin", "Interviewdatum",
               "Datum des Gesprächs", "Getroffen am", "Gesprochen am"),
        "pt": ("Data da reunião", "Reunião", "Data da entrevista", "Conversa", "Encontro",
               "Data do encontro", "Ligação"),
    },
    "format": {
        "en": ("Meeting Format", "Meeting Type", "Interview Format", "Mode", "Format",
               "Type of Meeting", "Meeting Mode", "Call Type"),
        "es": ("Formato", "Tipo de reunión", "Modalidad"),
        "fr": ("Type de rencontre", "Modalité", "Type d'entretien"),
        "de": ("Gesprächsform", "Art des Treffens", "Terminart"),
        "pt": ("Modalidade", "Tipo de reunião"),
    },
    "minutes_planned": {
        "en": ("Minutes Planned", "Planned Minutes", "Time Requested", "Length Requested",
               "Duration", "Planned Duration", "Minutes Requested", "Time Asked For"),
        "es": ("Duración prevista", "Minutos previstos", "Duración", "Tiempo solicitado"),
        "fr": ("Durée prévue", "Minutes prévues", "Durée", "Durée demandée"),
        "de": ("Geplante Dauer", "Dauer", "Geplante Minuten"),
        "pt": ("Duração prevista", "Duração", "Tempo solicitado"),
    },
    "minutes_actual": {
        "en": ("Minutes Actual", "Actual Minutes", "Actual Duration", "Length", "Time Spent",
               "Actual Length", "How Long", "Minutes Spent", "Call Length",
               "Meeting Length"),
        "es": ("Duración real", "Minutos reales", "Tiempo real"),
        "fr": ("Durée réelle", "Minutes réelles"),
        "de": ("Tatsächliche Dauer", "Tatsächliche Minuten", "Gesprächsdauer"),
        "pt": ("Duração real", "Minutos reais"),
    },
    "questions_prepared": {
        "en": ("Questions Prepared", "Questions", "Number of Questions", "# Questions",
               "Prepared Questions"),
        "es": ("Preguntas preparadas", "Preguntas", "Número de preguntas"),
        "fr": ("Questions préparées", "Nombre de questions"),
        "de": ("Vorbereitete Fragen", "Fragen", "Anzahl Fragen"),
        "pt": ("Perguntas preparadas", "Perguntas", "Número de perguntas"),
    },
    "thanked_on": {
        "en": (
            "Thank-you Sent", "Thank You Sent", "Thank You Date", "Thanked On",
            "Thank-you Date", "TY Sent", "Thank-you Note", "Thank You Email", "Thanked",
            "Thank You Note Sent", "Date Thanked", "Thank-you", "Sent Thank You",
            "Thank You Card", "Thanks Sent", "Sent Thanks", "Thanks Note",
            "Thank-you Email", "Thank-you Card Sent",
        ),
        "es": ("Agradecimiento enviado", "Gracias enviado", "Gracias enviadas",
               "Fecha de agradecimiento", "Agradecimiento", "Agradecido el"),
        "fr": ("Merci envoyé", "Remerciement envoyé", "Remerciements", "Date de remerciement",
               "Remercié le", "Mot de remerciement"),
        "de": ("Danke gesendet", "Dankeschön gesendet", "Bedankt am", "Dankesnachricht",
               "Dankeschön"),
        "pt": ("Agradecimento enviado", "Obrigado enviado", "Data do agradecimento",
               "Agradecimento", "Agradeci em"),
    },
    "referrals_given": {
        "en": ("Referrals Given", "Referrals", "Names Given", "Additional Contacts",
               "New Contacts", "Referrals Made", "Number of Referrals", "# Referrals",
               "New Names", "People Suggested"),
        "es": ("Referencias dadas", "Contactos sugeridos", "Nuevos contactos",
               "Número de referidos"),
        "fr": ("Contacts suggérés", "Nouveaux contacts", "Nombre de recommandations"),
        "de": ("Empfehlungen", "Neue Kontakte", "Anzahl Empfehlungen", "Vorgeschlagene Kontakte"),
        "pt": ("Indicações", "Novos contatos", "Contatos sugeridos", "Número de indicações"),
    },
    "next_step": {
        "en": ("Next Action", "Next Steps", "Next Step", "To Do", "Action", "Action Items",
               "Follow-up Action", "Next", "What's Next"),
        "es": ("Próximo paso", "Próximos pasos", "Siguiente paso", "Pendiente", "Acción"),
        "fr": ("Prochaine étape", "Prochaines étapes", "Action à faire", "À faire"),
        "de": ("Nächster Schritt", "Nächste Schritte", "Aufgabe", "Als Nächstes"),
        "pt": ("Próximo passo", "Próximos passos", "Próxima ação", "Pendência"),
    },
    "last_contact_on": {
        "en": ("Last Contact", "Last Contacted", "Last Contact Date", "Last Touch",
               "Last Touchpoint", "Last Spoke", "Last in Touch", "Date of Last Contact",
               "Most Recent Contact", "Last Interaction"),
        "es": ("Último contacto", "Fecha del último contacto"),
        "fr": ("Dernier contact", "Date du dernier contact"),
        "de": ("Letzter Kontakt", "Zuletzt kontaktiert"),
        "pt": ("Último contato", "Data do último contato"),
    },
    "notes": {
        "en": (
            "Notes", "Insights", "Comments", "Key Takeaways", "What Was Discussed", "Summary",
            "Note", "Comment", "Takeaways", "Remarks", "Learnings", "Discussion",
            "What I Learned", "Conversation Notes", "Meeting Notes", "Thoughts",
        ),
        "es": ("Notas", "Comentarios", "Observaciones", "Resumen", "Aprendizajes"),
        "fr": ("Remarques", "Commentaires", "Observations", "Résumé", "Compte rendu"),
        "de": ("Notizen", "Bemerkungen", "Kommentare", "Anmerkungen", "Zusammenfassung",
               "Erkenntnisse"),
        "pt": ("Observações", "Resumo", "Anotações", "Aprendizados"),
    },
    "email": {
        "en": ("Email", "E-mail", "Email Address", "Mail", "Email ID", "Contact Email",
               "Work Email"),
        "es": ("Correo", "Correo electrónico", "Dirección de correo"),
        "fr": ("Courriel", "Adresse e-mail", "Adresse mail"),
        "de": ("E-Mail-Adresse", "Mailadresse"),
        "pt": ("Endereço de e-mail", "Correio eletrônico"),
    },
    "phone": {
        "en": ("Phone", "Phone Number", "Mobile", "Tel", "Telephone", "Cell", "Cell Phone",
               "Mobile Number", "Contact Number"),
        "es": ("Teléfono", "Celular", "Móvil", "Número de teléfono"),
        "fr": ("Portable", "Numéro de téléphone"),
        "de": ("Telefon", "Handy", "Telefonnummer", "Mobilnummer"),
        "pt": ("Telefone", "Número de telefone"),
    },
    "linkedin_url": {
        "en": ("LinkedIn URL", "LinkedIn", "LinkedIn Profile", "Profile URL", "URL",
               "LinkedIn Link", "Profile", "Link", "LinkedIn Profile URL",
               "Profile Link"),
        "es": ("Perfil de LinkedIn", "Enlace", "Perfil"),
        "fr": ("Profil LinkedIn", "Lien", "Profil"),
        "de": ("LinkedIn-Profil",),
        "pt": ("Perfil do LinkedIn", "Link do perfil"),
    },
    "owner": {
        "en": ("Owner", "Student", "Student Name", "Job Seeker", "Mentee", "Advisee",
               "Logged By"),
        "es": ("Estudiante", "Alumno", "Alumna", "Responsable"),
        "fr": ("Étudiant", "Étudiante", "Propriétaire"),
        "de": ("Studentin", "Studierende", "Verantwortlich", "Inhaber"),
        "pt": ("Estudante", "Aluno", "Aluna", "Responsável"),
    },
}
# fmt: on

# fmt: off
#: Word beginnings that hint at a column when the header is no phrase of it. A hint
#: alone decides nothing: the column's content must agree (dates or yes/no for a date
#: column, names for ``referred_by``, known values for a category column). Matched
#: against the header's words after folding (lower case, no accents).
HINTS: dict[str, tuple[str, ...]] = {
    "requested_on": (
        "contact", "reach", "outreach", "emailed", "messag", "sent", "ask", "request",
        "kontakt", "anschreib", "angeschrieben", "anfrag", "envi", "envoy", "contat",
        "solicit", "demand", "pedido", "initial", "invit", "wrote", "approach", "ping",
    ),
    "followed_up_on": (
        "follow", "bump", "nudge", "remind", "relanc", "seguim", "recordat", "nachfass",
        "nachgehak", "erinner", "acompanh", "lembret",
    ),
    "responded_on": (
        "repl", "respon", "answer", "heard", "antwort", "geantwort", "ruckmeld", "repon",
        "respuest", "respond", "contest", "resposta", "retorno",
    ),
    "interview_on": (
        "meet", "interview", "call", "chat", "coffee", "spoke", "talk", "met", "entrevist",
        "reuni", "llamad", "cafe", "rencontr", "entretien", "rendez", "appel", "treff",
        "gesprach", "termin", "getroffen", "convers", "encontr", "ligac",
    ),
    "thanked_on": (
        "thank", "ty", "gracias", "agradec", "merci", "remerci", "danke", "bedank",
        "obrigad", "agradeci",
    ),
    "referred_by": (
        "referr", "refer", "intro", "connect", "mutual", "via", "recommend", "recomend",
        "empfohl", "empfehl", "vermittel", "vorgestellt", "indicad", "indica", "referid",
        "present", "commun", "comun", "gemeinsam", "through",
    ),
    "source": (
        "source", "found", "origin", "fuente", "origen", "quelle", "herkunft", "fonte",
        "origem", "provenance", "relation", "relacion", "beziehung", "how",
    ),
    "channel": ("channel", "method", "medium", "canal", "kanal", "meio", "moyen", "via", "how"),
    "status": ("status", "stage", "estado", "statut", "etat", "situac"),
    "phone": ("phone", "tel", "mobil", "cell", "handy", "movil", "celular", "portable", "fone"),
}
# fmt: on

#: Hint words that say something was sent, not what: a header hinting at another date
#: column too ("Thanks sent", "Follow-up email sent") is that column's.
GENERIC_HINTS: tuple[str, ...] = ("sent", "envi", "envoy")

#: Headers that look like a column but are not it: kept as the user's own column,
#: with the reason shown by ``infoview validate``.
NOT_COLUMNS: dict[str, str] = {
    "Connected On": "LinkedIn's date you connected, not the date you asked",
    "Connected": "LinkedIn's date you connected, not the date you asked",
    "Created time": "when the row was made (Notion), not when you asked",
    "Created": "when the row was made, not when you asked",
    "Created At": "when the row was made, not when you asked",
    "Created By": "who made the row, not who referred you",
    "Last edited time": "when the row was last changed (Notion)",
    "Last Edited": "when the row was last changed",
    "Last Modified": "when the row was last changed",
    "Date Added": "when the row was made, not when you asked",
    "Timestamp": "when a form was filled in, not when you asked",
}

# fmt: off
#: Words at the start of a header that say nothing about the column ("My notes",
#: "Mi empresa", "Mon poste"): dropped when the whole header is no phrase.
FILLER_WORDS: tuple[str, ...] = (
    "my", "the", "your", "their", "our", "mi", "mis", "su", "sus", "el", "la", "los", "las",
    "mon", "ma", "mes", "le", "les", "mein", "meine", "meinen", "der", "die", "das", "meu",
    "minha", "o", "os", "as",
)
# fmt: on

# fmt: off
#: Question marks people put after a yes/no header ("Replied Y/N"): dropped before matching.
YES_NO_SUFFIXES: tuple[str, ...] = (
    "y/n", "yes/no", "s/n", "si/no", "sí/no", "o/n", "oui/non", "j/n", "ja/nein", "sim/não",
    "sim/nao",
)
# fmt: on
