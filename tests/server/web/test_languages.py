"""Which language an answer is written in: the app's own choice, else Accept-Language among the offered."""
import unittest

from server.web import accept_language, choose_language


class LanguagesTest(unittest.TestCase):
    def test_accept_language_by_weight(self):
        self.assertEqual(accept_language("de-DE,de;q=0.9,en;q=0.8"), ["de-DE", "de", "en"])
        self.assertEqual(accept_language("en;q=0.2, fr , nl;q=0.5"), ["fr", "nl", "en"])
        self.assertEqual(accept_language("fr;q=0, de;q=bad, *"), ["*"])
        self.assertEqual(accept_language(None), [])

    def test_choose_language(self):
        self.assertEqual(choose_language(["en", "nl"], "nl"), "nl")
        self.assertEqual(choose_language(["nl", "en"], None, "de-DE,en;q=0.5"), "en")
        self.assertEqual(choose_language(["nl", "en"], None, "de-DE"), "nl")  # the deployment's first
        self.assertEqual(choose_language(["en", "fr"], "xx", "fr-BE"), "fr")
        self.assertEqual(choose_language(["en", "de"], "DE-at"), "de")
        self.assertEqual(choose_language(["en"], 7, None), "en")  # not a string: ignored
        self.assertEqual(choose_language([], None, None), "en")
        self.assertEqual(choose_language(["xx", "de"], None, None), "de")



if __name__ == "__main__":
    unittest.main()
