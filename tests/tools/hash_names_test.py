#!/usr/bin/env python3
"""Tests tools/hash_names.py and the service worker's list after it, as the build runs them on dist/:
the wasm's two parts and every script and stylesheet the page loads get content-hashed names, the
references follow, and the worker precaches those names with digests of the files as served."""
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TOOLS = os.path.join(REPO, "tools")
PAGE = """<!doctype html><link rel="manifest" href="manifest.webmanifest"><link rel="stylesheet" href="shell.css">
<script src="boot.js"></script><script src="http_bridge.js" defer></script><script src="evcharge.js" defer></script>"""


def run(tool, *args):
    return subprocess.run([sys.executable, os.path.join(TOOLS, tool), *args], capture_output=True, text=True)


BOOT = "var evShell={code:{url:'evcharge.deferred.wasm',fontsUrl:'evcharge.fonts.ttc'}};"


class HashNamesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="hash-names-")
        self.dist = self.tmp.name
        files = {"index.html": PAGE, "shell.css": "body{margin:0}", "boot.js": BOOT,
                 "http_bridge.js": "function f(){}", "evcharge.js": 'var w="evcharge.wasm";',
                 "evcharge.wasm": "\0asm", "evcharge.deferred.wasm": "\0asm\1", "evcharge.fonts.ttc": "ttcf", "manifest.webmanifest": "{}", "qr_worker.js": "1;",
                 "sw.js": "const BUILD = { version: 'dev', files: {} };\n"}
        for name, text in files.items():
            with open(os.path.join(self.dist, name), "w") as fh:
                fh.write(text)

    def tearDown(self):
        self.tmp.cleanup()

    def read(self, name):
        with open(os.path.join(self.dist, name)) as fh:
            return fh.read()

    def named(self, pattern):
        found = [n for n in os.listdir(self.dist) if re.fullmatch(pattern, n)]
        self.assertEqual(len(found), 1, (pattern, os.listdir(self.dist)))
        return found[0]

    def test_names_follow_the_content_and_every_reference_follows_the_names(self):
        self.assertEqual(run("hash_names.py", self.dist).returncode, 0)
        wasm = self.named(r"evcharge\.[0-9a-f]{16}\.wasm")
        loader = self.named(r"evcharge\.[0-9a-f]{16}\.js")
        self.assertEqual(self.read(loader), f'var w="{wasm}";')
        self.assertIn(hashlib.sha256(self.read(loader).encode()).hexdigest()[:16], loader)
        deferred = self.named(r"evcharge\.deferred\.[0-9a-f]{16}\.wasm")
        fonts = self.named(r"evcharge\.fonts\.[0-9a-f]{16}\.ttc")
        self.assertEqual(self.read(self.named(r"boot\.[0-9a-f]{16}\.js")),
                         BOOT.replace("evcharge.deferred.wasm", deferred).replace("evcharge.fonts.ttc", fonts))
        page = self.read("index.html")
        for stem, ext in (("shell", "css"), ("boot", "js"), ("http_bridge", "js"), ("evcharge", "js")):
            name = self.named(stem + r"\.[0-9a-f]{16}\." + ext)
            self.assertIn(f'"{name}"', page)
        self.assertIn('href="manifest.webmanifest"', page)
        for kept in ("index.html", "sw.js", "manifest.webmanifest", "qr_worker.js"):
            self.assertTrue(os.path.isfile(os.path.join(self.dist, kept)), kept)

    def test_the_service_worker_precaches_the_hashed_files_as_served(self):
        run("hash_names.py", self.dist)
        self.assertEqual(run("make_service_worker.py", self.dist).returncode, 0)
        worker = self.read("sw.js")
        wasm = self.named(r"evcharge\.[0-9a-f]{16}\.wasm")
        with open(os.path.join(self.dist, wasm), "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()[:16]
        self.assertIn(f"'{wasm}': '{digest}'", worker)
        self.assertRegex(worker, r"'evcharge\.deferred\.[0-9a-f]{16}\.wasm': '[0-9a-f]{16}'")
        self.assertRegex(worker, r"'evcharge\.fonts\.[0-9a-f]{16}\.ttc': '[0-9a-f]{16}'")
        self.assertNotIn("'evcharge.js'", worker)

    def test_a_page_script_that_does_not_name_the_second_part_stops_the_build(self):
        with open(os.path.join(self.dist, "boot.js"), "w") as fh:
            fh.write("var evShell={};")
        result = run("hash_names.py", self.dist)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("does not name evcharge.deferred.wasm", result.stderr)
        for kept in ("evcharge.wasm", "evcharge.deferred.wasm"):
            self.assertTrue(os.path.isfile(os.path.join(self.dist, kept)), kept)

    def test_a_page_script_that_does_not_name_the_fonts_stops_the_build(self):
        with open(os.path.join(self.dist, "boot.js"), "w") as fh:
            fh.write("var evShell={code:{url:'evcharge.deferred.wasm'}};")
        result = run("hash_names.py", self.dist)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("does not name evcharge.fonts.ttc", result.stderr)
        for kept in ("evcharge.wasm", "evcharge.deferred.wasm", "evcharge.fonts.ttc"):
            self.assertTrue(os.path.isfile(os.path.join(self.dist, kept)), kept)

    def test_a_loader_that_does_not_name_the_wasm_stops_the_build(self):
        with open(os.path.join(self.dist, "evcharge.js"), "w") as fh:
            fh.write("var w='other.wasm';")
        result = run("hash_names.py", self.dist)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("does not name evcharge.wasm", result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.dist, "evcharge.wasm")))


if __name__ == "__main__":
    unittest.main()
