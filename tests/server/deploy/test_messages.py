"""The portal's words for guests: every message in every language with the blanks English has, the
plural rule and dates as the app writes them."""
import datetime as dt
import string
import unittest

from server.deploy import messages
from server.web import LANGUAGES


def blanks(template):
    return sorted(name for _, name, _, _ in string.Formatter().parse(template) if name)


class MessagesTest(unittest.TestCase):
    def test_every_message_in_every_language_with_the_same_blanks(self):
        for message_id, forms in messages._TEXTS.items():
            self.assertEqual(set(forms), set(LANGUAGES), message_id)
            english = forms["en"]
            for lang, template in forms.items():
                with self.subTest(message_id=message_id, lang=lang):
                    self.assertEqual(type(template), type(english))
                    pairs = zip(template, english) if isinstance(template, tuple) else [(template, english)]
                    for text, source in pairs:
                        self.assertEqual(blanks(text), blanks(source))
                        self.assertEqual(text, text.strip())

    def test_french_puts_a_no_break_space_before_colon_and_semicolon(self):
        for message_id, forms in messages._TEXTS.items():
            texts = forms["fr"] if isinstance(forms["fr"], tuple) else (forms["fr"],)
            for text in texts:
                for i, c in enumerate(text):
                    if c in ":;?!" and not (c == ":" and text[i + 1:i + 2].isdigit()):
                        self.assertIn(text[i - 1], "\u00a0\u202f", f"{message_id}: {text!r}")

    def test_plural_one_and_other(self):
        for lang in ("en", "nl", "de"):
            self.assertEqual([messages.plural_one(n, lang) for n in (0, 1, 2)], [False, True, False])
        self.assertEqual([messages.plural_one(n, "fr") for n in (0, 1, 2)], [True, True, False])
        self.assertEqual(messages.text("TOO_MANY_ATTEMPTS", "en", n=1),
                         "Too many attempts. Try again in 1 minute or ask the front desk.")
        self.assertIn("in 5 minutes", messages.text("TOO_MANY_ATTEMPTS", "en", n=5))
        self.assertIn("in 1 Minute erneut", messages.text("TOO_MANY_ATTEMPTS", "de", n=1))
        self.assertIn("over 2 minuten", messages.text("TOO_MANY_ATTEMPTS", "nl", n=2))
        self.assertIn("dans 0 minute ou", messages.text("TOO_MANY_ATTEMPTS", "fr", n=0))

    def test_dates_as_the_app_writes_them(self):
        day = dt.date(2026, 12, 3)
        self.assertEqual(messages.format_day(day, "en"), "3 Dec 2026")
        self.assertEqual(messages.format_day(day, "nl"), "3 dec. 2026")
        self.assertEqual(messages.format_day(day, "de"), "3. Dez. 2026")
        self.assertEqual(messages.format_day(day, "fr"), "3 déc. 2026")
        self.assertEqual(messages.format_day(dt.date(2026, 3, 1), "de"), "1. März 2026")
        self.assertEqual(messages.text("STAY_ENDED", "fr", date=dt.date(2026, 8, 15)),
                         "Votre séjour s’est terminé le 15 août 2026. La recharge sur la chambre a fermé à 23:59 "
                         "ce jour-là.")

    def test_fields_by_their_names_on_the_screen(self):
        self.assertEqual(messages.text("TOO_LONG", "nl", field="room", n=10), "Kamernummer: maximaal 10 tekens.")
        self.assertEqual(messages.text("TOO_LONG", "fr", field="surname", n=50), "Nom\u00a0: 50 caractères au plus.")
        self.assertEqual(messages.text("INVALID_TYPE", "en", field="other"), "other: give it as text.")


if __name__ == "__main__":
    unittest.main()
