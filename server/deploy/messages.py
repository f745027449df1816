"""What the hotel portal says to a guest, in the app's languages (en, nl, de, fr; the same words and
address as the app's string table: Dutch "je", German "Sie", French "vous"; which language a request
gets is web.choose_language's). Codes and fields stay English; only `message` is for people."""
import datetime as dt


# CLDR's abbreviated months as a date is written in each language (core/text/locale_format.cpp).
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}

NBSP = "\u00a0"

# message id -> language -> text; a pair is (one, other) for a count, chosen by plural().
_TEXTS = {
    "REQUIRED": {
        "en": "Give the room number and surname, or the booking reference.",
        "nl": "Vul het kamernummer en de achternaam in, of het boekingsnummer.",
        "de": "Geben Sie Zimmernummer und Nachnamen ein, oder die Buchungsnummer.",
        "fr": "Indiquez le numéro de chambre et le nom, ou le numéro de réservation.",
    },
    "NOT_FOUND": {
        "en": "No stay matches these details. Check the room number and the surname as on the booking, "
              "or use the booking reference.",
        "nl": "Geen verblijf gevonden met deze gegevens. Controleer het kamernummer en de achternaam zoals op de "
              "boeking, of gebruik het boekingsnummer.",
        "de": "Kein Aufenthalt passt zu diesen Angaben. Prüfen Sie Zimmernummer und Nachnamen wie in der "
              "Buchung, oder nutzen Sie die Buchungsnummer.",
        "fr": "Aucun séjour ne correspond à ces informations. Vérifiez le numéro de chambre et le nom comme sur "
              "la réservation, ou utilisez le numéro de réservation.",
    },
    "TOO_MANY_ATTEMPTS": {
        "en": ("Too many attempts. Try again in {n} minute or ask the front desk.",
               "Too many attempts. Try again in {n} minutes or ask the front desk."),
        "nl": ("Te veel pogingen. Probeer het over {n} minuut opnieuw of vraag het aan de receptie.",
               "Te veel pogingen. Probeer het over {n} minuten opnieuw of vraag het aan de receptie."),
        "de": ("Zu viele Versuche. Versuchen Sie es in {n} Minute erneut oder fragen Sie an der Rezeption.",
               "Zu viele Versuche. Versuchen Sie es in {n} Minuten erneut oder fragen Sie an der Rezeption."),
        "fr": ("Trop de tentatives. Réessayez dans {n} minute ou adressez-vous à la réception.",
               "Trop de tentatives. Réessayez dans {n} minutes ou adressez-vous à la réception."),
    },
    "STAY_NOT_STARTED": {
        "en": "Your stay starts on {date}. Charging on your room opens at 00:00 that day.",
        "nl": "Je verblijf begint op {date}. Laden op je kamer kan vanaf 00:00 die dag.",
        "de": "Ihr Aufenthalt beginnt am {date}. Laden aufs Zimmer ist ab 00:00 Uhr an diesem Tag möglich.",
        "fr": "Votre séjour commence le {date}. La recharge sur votre chambre ouvre à 00:00 ce jour-là.",
    },
    "STAY_ENDED": {
        "en": "Your stay ended on {date}. Charging on the room closed at 23:59 that day.",
        "nl": "Je verblijf eindigde op {date}. Laden op de kamer kon tot 23:59 die dag.",
        "de": "Ihr Aufenthalt endete am {date}. Laden aufs Zimmer war bis 23:59 Uhr an diesem Tag möglich.",
        "fr": "Votre séjour s’est terminé le {date}. La recharge sur la chambre a fermé à 23:59 ce jour-là.",
    },
    "STAY_CLOSED": {
        "en": "Your stay ended on {date}; charging on the room is closed.",
        "nl": "Je verblijf eindigde op {date}; laden op de kamer is gesloten.",
        "de": "Ihr Aufenthalt endete am {date}; Laden aufs Zimmer ist nicht mehr möglich.",
        "fr": f"Votre séjour s’est terminé le {{date}}{NBSP}; la recharge sur la chambre est fermée.",
    },
    "INVALID_TYPE": {
        "en": "{field}: give it as text.",
        "nl": "{field}: vul dit als tekst in.",
        "de": "{field}: bitte als Text angeben.",
        "fr": f"{{field}}{NBSP}: à saisir sous forme de texte.",
    },
    "TOO_LONG": {
        "en": "{field}: at most {n} characters.",
        "nl": "{field}: maximaal {n} tekens.",
        "de": "{field}: höchstens {n} Zeichen.",
        "fr": f"{{field}}{NBSP}: {{n}} caractères au plus.",
    },
    "INVALID_CHARACTERS": {
        "en": "{field}: contains characters that cannot be typed.",
        "nl": "{field}: bevat tekens die niet getypt kunnen worden.",
        "de": "{field}: enthält Zeichen, die sich nicht tippen lassen.",
        "fr": f"{{field}}{NBSP}: contient des caractères qui ne se tapent pas.",
    },
}

# the request's fields by the names the check-in screen gives them
_FIELDS = {
    "room": {"en": "Room number", "nl": "Kamernummer", "de": "Zimmernummer", "fr": "Numéro de chambre"},
    "surname": {"en": "Surname", "nl": "Achternaam", "de": "Nachname", "fr": "Nom"},
    "bookingReference": {"en": "Booking reference", "nl": "Boekingsnummer", "de": "Buchungsnummer",
                         "fr": "Numéro de réservation"},
}


def plural_one(n, lang):
    """CLDR's cardinal rule for whole counts: one is 1; in French 0 and 1."""
    return n in (0, 1) if lang == "fr" else n == 1


def format_day(day, lang):
    """A calendar day as the app writes it: "22 Nov 2026", "22 nov. 2026", "22. Nov. 2026"."""
    months = _MONTHS.get(lang, _MONTHS["en"])
    return f"{day.day}{'.' if lang == 'de' else ''} {months[day.month - 1]} {day.year}"


def text(message_id, lang, n=None, date=None, field=None):
    """The message in `lang` (English when `lang` has no text of its own), its blanks filled."""
    forms = _TEXTS[message_id]
    template = forms.get(lang) or forms["en"]
    if isinstance(template, tuple):
        template = template[0] if plural_one(n, lang) else template[1]
    values = {}
    if n is not None:
        values["n"] = n
    if date is not None:
        values["date"] = format_day(date, lang) if isinstance(date, dt.date) else date
    if field is not None:
        names = _FIELDS.get(field, {})
        values["field"] = names.get(lang) or names.get("en") or field
    return template.format(**values)
