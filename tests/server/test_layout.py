"""The server's package layout (server/__init__.py): imports between the parts point only the ways its
docstring allows, go through what a package offers in its __all__, and no package shadows the standard
library. Reads the source with ast; nothing is imported."""
import ast
import re
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "server"
ARROW = re.compile(r"^\s*([a-z_]+)\s+->\s+(.+?)\s*$")


def parse(path, text=None):
    return ast.parse(path.read_text(encoding="utf-8") if text is None else text, filename=str(path))


def allowed_arrows(doc):
    """{part: set of parts it may import} from the docstring's `part -> a, b` lines."""
    arrows = {}
    for line in doc.splitlines():
        match = ARROW.match(line)
        if match:
            targets = match.group(2)
            arrows[match.group(1)] = set() if targets == "nothing" else {t.strip() for t in targets.split(",")}
    return arrows


def module_name(path):
    """server/sim/store.py -> server.sim.store; server/web/__init__.py -> server.web."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def part_of(module):
    """The part a module of the server belongs to: server.sim.clock -> sim, server.app -> app, server -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(path, text=None):
    """(line, absolute module, names) for every import in the file (or in text, as if it were that file);
    names is None for `import x`."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(parse(path, text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            yield node.lineno, module, [a.name for a in node.names]


def exported(package_dir):
    """The names in a package's __all__ (None when it has none)."""
    for node in parse(package_dir / "__init__.py").body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    return None


def packages():
    return sorted(p for p in SERVER.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def violations(sources, arrows, offered):
    """What is wrong with the imports of these (path, text or None to read the file) sources, one line
    each; empty when the layout holds."""
    found = []
    for path, text in sources:
        inside = path.is_relative_to(SERVER)
        source_part = part_of(module_name(path)) if inside else None
        for line, module, names in imports(path, text):
            if module != "server" and not module.startswith("server."):
                continue
            where = f"{path.relative_to(REPO)}:{line}"
            targets = [(f"server.{n}", None) for n in names if n in offered or n == "app"] \
                if module == "server" and names else [(module, names)]
            if module == "server" and names and len(targets) != len(names):
                found.append(f"{where}: imports {names} from server itself, which offers nothing")
            for target, target_names in targets:
                target_part = part_of(target)
                if inside and target_part == source_part:
                    continue  # siblings inside one package
                if inside and target_part not in arrows.get(source_part, set()):
                    found.append(f"{where}: {source_part or 'server'} may not import from {target_part or 'server'}")
                    continue
                if target_part == "app":
                    continue  # app.py is the top, a module rather than a package: serve.py imports from it
                if target != f"server.{target_part}":
                    found.append(f"{where}: imports {target}; import from the package server.{target_part}")
                    continue
                for name in target_names or ():
                    if name not in offered[target_part]:
                        found.append(f"{where}: {name} is not in server.{target_part}.__all__")
    return found


class LayoutTest(unittest.TestCase):
    def setUp(self):
        self.doc = ast.get_docstring(parse(SERVER / "__init__.py"))
        self.arrows = allowed_arrows(self.doc or "")
        self.offered = {p.name: exported(p) for p in packages()}

    def test_every_part_has_its_arrows_written_down(self):
        parts = {p.name for p in packages()} | {"app"}
        self.assertEqual(set(self.arrows), parts, "server/__init__.py lists `part -> ...` for every package")
        for part, targets in self.arrows.items():
            self.assertLessEqual(targets, parts, f"{part} -> unknown parts")

    def test_the_arrows_point_one_way(self):
        def reaches(start, goal, seen=()):
            return any(t == goal or (t not in seen and reaches(t, goal, seen + (t,))) for t in self.arrows[start])
        for part in self.arrows:
            self.assertFalse(reaches(part, part), f"{part} can reach itself through the arrows")

    def test_every_package_says_what_it_offers(self):
        for package in packages():
            tree = parse(package / "__init__.py")
            self.assertTrue(ast.get_docstring(tree), f"{package.name}/__init__.py has a docstring")
            offered = self.offered[package.name]
            self.assertTrue(offered, f"{package.name}/__init__.py lists what it offers in __all__")
            bound = {a.asname or a.name for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names}
            self.assertLessEqual(offered, bound, f"{package.name}.__all__ names only what its __init__ imports")

    def test_no_package_shadows_the_standard_library(self):
        for package in packages():
            self.assertNotIn(package.name, sys.stdlib_module_names, f"server/{package.name} shadows the stdlib")

    def test_the_top_package_imports_nothing(self):
        self.assertEqual(list(imports(SERVER / "__init__.py")), [])

    def test_imports_follow_the_layout(self):
        files = sorted(SERVER.rglob("*.py")) + [REPO / "serve.py"] + sorted((REPO / "tools").glob("*.py"))
        self.assertGreater(len(files), 40)
        self.assertEqual(violations([(f, None) for f in files], self.arrows, self.offered), [])

    def test_the_check_catches_what_breaks_the_layout(self):
        """The check itself, on imports written as if they were in these files."""
        cases = [
            (SERVER / "web" / "wrong.py", "from ..sim import Store\n", "web may not import from sim"),
            (SERVER / "pricing" / "wrong.py", "def f():\n    import server.sim.store\n",
             "pricing may not import from sim"),
            (SERVER / "sim" / "wrong.py", "from ..pricing.tariff_calc import price_ocpi\n",
             "imports server.pricing.tariff_calc; import from the package server.pricing"),
            (SERVER / "proxy" / "wrong.py", "from ..web import HTTPServer\n",
             "HTTPServer is not in server.web.__all__"),
            (SERVER / "deploy" / "wrong.py", "from .. import sim\n", "deploy may not import from sim"),
            (REPO / "tools" / "wrong.py", "from server.sim.bnetza import compact\n",
             "imports server.sim.bnetza; import from the package server.sim"),
        ]
        for path, text, expected in cases:
            found = violations([(path, text)], self.arrows, self.offered)
            self.assertEqual(len(found), 1, (path, found))
            self.assertIn(expected, found[0])
        self.assertEqual(violations([(SERVER / "sim" / "fine.py", "from ..web import Response\nfrom .clock import "
                                      "iso_utc\n")], self.arrows, self.offered), [])


if __name__ == "__main__":
    unittest.main()
