"""Why a charger action was refused (409), in the words a kiosk visitor reads under "The charger did not
do that", in each of the app's languages (the same address as the app's string table: Dutch "je",
German "Sie", French "vous"). The request's `lang`, else its Accept-Language, picks the language."""

_TEXTS = {
    "OUT_OF_ORDER": {
        "en": "The charge point is out of order.",
        "nl": "Het laadpunt is defect.",
        "de": "Der Ladepunkt ist außer Betrieb.",
        "fr": "Le point de charge est hors service.",
    },
    "CAR_ALREADY_IN": {
        "en": "A car is already plugged in here.",
        "nl": "Hier is al een auto aangesloten.",
        "de": "Hier ist schon ein Auto angeschlossen.",
        "fr": "Une voiture est déjà branchée ici.",
    },
    "NO_CAR": {
        "en": "No car is plugged in here.",
        "nl": "Hier is geen auto aangesloten.",
        "de": "Hier ist kein Auto angeschlossen.",
        "fr": "Aucune voiture n’est branchée ici.",
    },
    "ALREADY_ENDING": {
        "en": "The session here is already ending.",
        "nl": "De laadsessie hier wordt al beëindigd.",
        "de": "Der Ladevorgang hier wird schon beendet.",
        "fr": "La session de recharge ici est déjà en train de se terminer.",
    },
    "NOT_CHARGING": {
        "en": "No car is charging here.",
        "nl": "Hier laadt geen auto.",
        "de": "Hier lädt kein Auto.",
        "fr": "Aucune voiture ne se recharge ici.",
    },
    "ALREADY_CHARGING": {
        "en": "A car is already charging here.",
        "nl": "Hier laadt al een auto.",
        "de": "Hier lädt schon ein Auto.",
        "fr": "Une voiture se recharge déjà ici.",
    },
    "SESSION_ON_IT": {
        "en": "A session is already on this charge point.",
        "nl": "Op dit laadpunt loopt al een laadsessie.",
        "de": "An diesem Ladepunkt läuft schon ein Ladevorgang.",
        "fr": "Une session de recharge est déjà en cours sur ce point de charge.",
    },
}


class Refused(Exception):
    """An action the charger's state does not allow; `reason` is a key of the texts above."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def text(reason, lang):
    forms = _TEXTS[reason]
    return forms.get(lang) or forms["en"]
