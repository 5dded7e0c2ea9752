#!/usr/bin/env python3
"""Tests of scripts/notebooks.py's cell rules (stdlib unittest): python3 scripts/test_notebooks.py"""
import sys, unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebooks import check_cells, parse, statements  # noqa: E402


class Statements(unittest.TestCase):

    def test_counts_what_jshell_runs_as_separate_statements(self):
        cases = {
            'import a.*;\nSystem.out.println("x;y");': 2,
            '%jars ../target/x.jar\nimport a.*;': 2,
            'for (int i = 0; i < 3; i++) { a(); b(); }': 1,
            'for (var c : m.entrySet()) {\n  x(c);\n  y(c);\n}\nSystem.out.println("done");': 2,
            'int[] a = {1, 2};': 1,
            'if (a) { b(); } else { c(); }': 1,
            'if (a) b(); else c();': 1,
            'try { a(); } catch (Exception e) { b(); } finally { c(); }': 1,
            'do { a(); } while (x);': 1,
            'list.forEach(e -> { a(e); b(e); });': 1,
            'var r = new Runnable() { public void run() { a(); } };': 1,
            'void show() { a(); }\nshow();': 2,
            'record P(int x) { }\nvar p = new P(1);': 2,
            'var x = switch (y) { case 1 -> 2; default -> 3; };': 1,
            'x // a ; in a comment': 1,
            '/* a; b; */ a();': 1,
            'String s = """\n  a; "b"; }\n  """;': 1,
            "char c = ';';": 1,
            'String s = "a\\"; b";': 1,
            '"bare expression"': 1,
            'a();\n// only a comment': 1,
            '': 0,
        }
        for code, expected in cases.items():
            with self.subTest(code=code):
                self.assertEqual(expected, statements(code))


class CellRules(unittest.TestCase):
    SRC = Path("99-test.jsh")

    def test_a_long_cell_is_refused_but_the_parameters_cell_may_be_long(self):
        cells = parse("// %% tags=parameters\nint a = 1;\nint b = 2;\nint c = 3;\n"
                      "// %%\nimport x.*;\nint d = 4;\n"
                      "// %%\nimport y.*;\nint e = 5;\nint f = 6;\n")
        problems = check_cells(self.SRC, cells)
        self.assertEqual(1, len(problems), problems)
        self.assertIn("cell 3 holds 3 statements, at most 2", problems[0])

    def test_a_magic_line_has_its_cell_to_itself(self):
        cells = parse("// %% tags=parameters\nint a = 1;\n// %%\n%jars x.jar\nimport x.*;\n// %%\n%jars y.jar\n")
        self.assertEqual(["99-test.jsh: cell 2 mixes a magic line with code (rapaio refuses such a cell)"],
                         check_cells(self.SRC, cells))

    def test_the_first_code_cell_must_be_the_parameters_cell(self):
        cells = parse("// %% [markdown]\n// # title\n// %%\nint a = 1;\n// %% tags=parameters\nint b = 2;\n")
        problems = check_cells(self.SRC, cells)
        self.assertEqual(["99-test.jsh: the first code cell must be the parameters cell (// %% tags=parameters)"], problems)


if __name__ == "__main__":
    unittest.main()
