"""The hotel's guest list CSV: good exports load; broken ones are refused with line and column named."""
import datetime as dt
import os
import tempfile
import unittest

from server.deploy.guest_list import GuestList, GuestListError, Stay, fold, parse

HEADER = "room,surname,bookingReference,arrival,departure\n"


class ParseTest(unittest.TestCase):
    def test_a_good_export(self):
        stays = parse("\ufeff" + HEADER + "12,Jansen,R-1,2026-11-20,2026-11-22\n\n"
                      '214,"de Vries, J.",R-2,2026-11-21,2026-11-21\n')
        self.assertEqual([s.room for s in stays], ["12", "214"])
        self.assertEqual(stays[1].surname, "de Vries, J.")
        self.assertEqual(stays[0].departure, dt.date(2026, 11, 22))

    def test_columns_in_any_order_with_extra_ones(self):
        stays = parse("arrival,departure,room,notes,surname,bookingReference\n"
                      "2026-11-20,2026-11-22,12,late,Jansen,R-1\n")
        self.assertEqual(stays[0].booking_reference, "R-1")

    def test_broken_exports(self):
        cases = [
            ("room,surname,arrival,departure\n", "line 1: the header lacks the column(s) bookingReference"),
            (HEADER + "12,,R-1,2026-11-20,2026-11-22\n", "line 2, surname: is empty"),
            (HEADER + "12,Jansen,,2026-11-20,2026-11-22\n", "line 2, bookingReference: is empty"),
            (HEADER + "12,Jansen,R-1,20-11-2026,2026-11-22\n", "line 2, arrival: '20-11-2026' is not a date"),
            (HEADER + "12,Jansen,R-1,2026-11-22,2026-11-20\n", "line 2, departure: 2026-11-20 is before arrival"),
            (HEADER + "12," + "x" * 51 + ",R-1,2026-11-20,2026-11-22\n", "line 2, surname: must be at most 50"),
            (HEADER + "12,Jansen,R-" + "9" * 49 + ",2026-11-20,2026-11-22\n", "line 2, bookingReference: must be"),
            (HEADER + "12345678901,Jansen,R-1,2026-11-20,2026-11-22\n", "line 2, room: must be at most 10"),
            (HEADER + "12,Jansen,R-1,2026-11-20,2026-11-22,extra\n", "line 2: more fields than the header"),
            (HEADER + "12,Jansen,R-1,2026-11-20,2026-11-22\n13,Bakker,r 1,2026-11-20,2026-11-22\n",
             "line 3, bookingReference: 'r 1' is also on line 2"),
            (HEADER + '12,"Jansen,R-1,2026-11-20,2026-11-22\n', "line"),
        ]
        for text, expected in cases:
            with self.assertRaises(GuestListError, msg=text) as ctx:
                parse(text)
            self.assertIn(expected, str(ctx.exception))

    def test_fifty_characters_are_allowed(self):
        stays = parse(HEADER + "12," + "x" * 50 + ",R-" + "9" * 47 + ",2026-11-20,2026-11-22\n")
        self.assertEqual(len(stays[0].surname), 50)

    def test_fold_ignores_case_accents_and_spacing(self):
        self.assertEqual(fold(" De  Vries "), fold("de vries"))
        self.assertEqual(fold("Müller"), fold("MULLER"))
        self.assertEqual(fold("DZ-2026 0412"), fold("dz20260412"))


class WindowTest(unittest.TestCase):
    def test_from_arrival_midnight_to_departure_last_millisecond_local(self):
        stay = Stay("12", "Jansen", "R-1", dt.date(2026, 3, 28), dt.date(2026, 3, 29))  # EU summer time starts 29th
        start, end = stay.window("Europe/Amsterdam")
        self.assertEqual(dt.datetime.fromtimestamp(start, dt.timezone.utc),
                         dt.datetime(2026, 3, 27, 23, 0, tzinfo=dt.timezone.utc))
        self.assertEqual(dt.datetime.fromtimestamp(end, dt.timezone.utc),
                         dt.datetime(2026, 3, 29, 21, 59, 59, 999000, tzinfo=dt.timezone.utc))


class FileTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.tmp.name, "guests.csv")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, text, encoding="utf-8"):
        with open(self.path, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        st = os.stat(self.path)
        os.utime(self.path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a visibly newer file

    def test_lookup_and_reload_keeps_the_last_good_list(self):
        self.write(HEADER + "12,Jansen,R-1,2026-11-20,2026-11-22\n")
        guests = GuestList(self.path)
        self.assertEqual(len(guests.find("12", "JANSEN")), 1)
        self.assertEqual(len(guests.find(booking_reference="r-1")), 1)
        self.assertEqual(guests.find("13", "Jansen"), [])
        self.assertEqual(guests.find("12", ""), [])
        self.write(HEADER + "12,Jansen,R-1,2026-11-20,2026-11-22\n13,Bakker,R-2,2026-11-20,2026-11-22\n")
        self.assertEqual(len(guests.find("13", "bakker")), 1, "a new export is picked up")
        self.write(HEADER + "12,Jansen,R-1,not a date,2026-11-22\n")
        with self.assertLogs("serve", "ERROR"):
            self.assertEqual(len(guests.find("13", "bakker")), 1, "a broken export does not empty the list")

    def test_windows_1252_export(self):
        self.write(HEADER + "7,Müller,R-7,2026-11-20,2026-11-22\n", encoding="cp1252")
        self.assertEqual(GuestList(self.path).find("7", "muller")[0].surname, "Müller")

    def test_missing_file(self):
        with self.assertRaises(GuestListError):
            GuestList(os.path.join(self.tmp.name, "none.csv"))


if __name__ == "__main__":
    unittest.main()
