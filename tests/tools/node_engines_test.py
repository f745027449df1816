#!/usr/bin/env python3
"""Tests tools/check_node_engines.py: its reading of semver ranges (cases as npm's semver decides
them) and its verdict on an installed package tree."""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools'))
import check_node_engines as c  # noqa: E402


def ok(version, rng):
    return c.satisfies(c.parse_version(version), rng)


class Ranges(unittest.TestCase):
    def test_forms_npm_packages_use(self):
        cases = [
            ('>=18', '18.0.0', True), ('>=18', '17.9.1', False), ('>=18', '20.20.2', True),
            ('>=18.0.0', '18.20.4', True), ('>=20', '18.20.4', False), ('>=20', '20.0.0', True),
            ('^18 || >=20', '18.20.4', True), ('^18 || >=20', '19.9.0', False), ('^18 || >=20', '22.1.0', True),
            ('>=14.17', '14.16.9', False), ('>=14.17', '14.17.0', True), ('>= 16', '18.20.4', True),
            ('>=12.22.0 <13 || >=14.17', '12.22.5', True), ('>=12.22.0 <13 || >=14.17', '13.1.0', False),
            ('^14.18.0 || ^16.14.0 || >=18.0.0', '16.13.0', False), ('^14.18.0 || ^16.14.0 || >=18.0.0', '18.20.4', True),
            ('*', '18.20.4', True), ('', '18.20.4', True), ('18.x', '18.20.4', True), ('18.x', '20.0.0', False),
            ('~18.19', '18.20.4', False), ('~18.20', '18.20.4', True), ('~18', '18.20.4', True),
            ('^0.10', '0.10.48', True), ('^0.10', '0.12.0', False), ('^0.0.3', '0.0.4', False), ('^0', '0.12.0', True),
            ('>18', '18.20.4', False), ('>18', '19.0.0', True), ('>18.20.3', '18.20.4', True),
            ('<=18', '18.20.4', True), ('<=18', '19.0.0', False), ('<18', '18.0.0', False),
            ('16 - 18', '18.20.4', True), ('16 - 18.19', '18.20.4', False), ('16.0.0 - 18.20.4', '18.20.4', True),
            ('=18.20.4', '18.20.4', True), ('v18.20.4', '18.20.5', False),
            ('>=18.0.0-0', '18.0.0', True), ('<18.0.0-0', '18.0.0', False), ('<=18.0.0-rc.1', '18.0.0', False),
        ]
        for rng, version, want in cases:
            with self.subTest(range=rng, node=version):
                self.assertEqual(ok(version, rng), want)

    def test_forms_it_does_not_read_are_refused_not_passed(self):
        for rng in ('node >= 18', 'latest', '>=18.x.1', '18 -', 'lts/*'):
            with self.subTest(range=rng):
                self.assertRaises(c.RangeError, c.satisfies, (18, 20, 4), rng)


class InstalledTree(unittest.TestCase):
    def tree(self, packages):
        root = tempfile.mkdtemp(prefix='engines-test-')
        self.addCleanup(shutil.rmtree, root)
        lock = {'lockfileVersion': 3, 'packages': {'': {'name': 'x'}}}
        for path, (version, engines) in packages.items():
            lock['packages'][path] = {'version': version}
            os.makedirs(os.path.join(root, path))
            with open(os.path.join(root, path, 'package.json'), 'w') as f:
                json.dump({'version': version, **({'engines': engines} if engines is not None else {})}, f)
        with open(os.path.join(root, 'package-lock.json'), 'w') as f:
            json.dump(lock, f)
        return root

    def test_names_each_package_that_wants_another_node(self):
        root = self.tree({
            'node_modules/playwright-core': ('1.65.1', {'node': '>=20'}),
            'node_modules/a/node_modules/b': ('1.0.0', {'node': '>=16'}),
            'node_modules/c': ('2.0.0', None),
            'node_modules/d': ('3.0.0', {'npm': '>=9'}),
        })
        unmet, unread = c.check(root, (18, 20, 4))
        self.assertEqual(unread, [])
        self.assertEqual(len(unmet), 1)
        self.assertIn('node_modules/playwright-core 1.65.1', unmet[0])
        self.assertEqual(c.check(root, (20, 20, 2)), ([], []))

    def test_a_range_it_cannot_read_is_reported(self):
        root = self.tree({'node_modules/odd': ('1.0.0', {'node': 'node >= 18'})})
        unmet, unread = c.check(root, (20, 0, 0))
        self.assertEqual(unmet, [])
        self.assertEqual(len(unread), 1)
        self.assertIn("node_modules/odd 1.0.0: engines.node 'node >= 18'", unread[0])

    def test_this_repository_accepts_node_18_and_20(self):
        # The pins in package-lock.json (engines as the lock records them where not installed).
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
        for version in ((18, 20, 4), (20, 20, 2)):
            with self.subTest(node=version):
                self.assertEqual(c.check(root, version), ([], []))


if __name__ == '__main__':
    unittest.main()
