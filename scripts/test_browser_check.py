#!/usr/bin/env python3
"""Tests of scripts/browser-check.py in the real headless Chromium (stdlib unittest; about 30 s):
python3 scripts/test_browser_check.py"""
import base64, struct, subprocess, sys, tempfile, unittest, zlib
from pathlib import Path

CHECKER = Path(__file__).resolve().parent / "browser-check.py"


def png(width, height):
    """A valid red PNG, written here rather than taken from the code under test."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def check(*args):
    proc = subprocess.run([sys.executable, str(CHECKER), *map(str, args)], capture_output=True, text=True)
    return proc.returncode, proc.stdout


class BrowserCheck(unittest.TestCase):

    def test_a_sound_page_passes_and_each_kind_of_breakage_is_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "charts").mkdir()
            (folder / "charts" / "a.png").write_bytes(png(4, 3))
            inline = base64.b64encode(png(2, 2)).decode()
            good = folder / "good.html"
            good.write_text(f'<!DOCTYPE html><html><head><title>ok</title></head><body><img src="charts/a.png">'
                            f'<img src="data:image/png;base64,{inline}"><progress value="5" max="5"></progress>'
                            f'<div class="output_text">fine</div></body></html>')
            bad = folder / "bad.html"
            bad.write_text('<!DOCTYPE html><html><head></head><body><img src="data:image/png;base64,AAAAbroken">'
                           '<img src="charts/missing.png"><div><progress value="2" max="5"></progress> epoch 1</div>'
                           '<div class="output_error">NullPointerException</div><script>noSuchFunction();</script>'
                           '</body></html>')

            code, out = check("--forbid", ".output_error", "--require", "img", good)
            self.assertEqual(0, code, out)
            self.assertIn("ok (2 images, 1 progress bars)", out)

            code, out = check("--forbid", ".output_error", "--require", "table", bad)
            self.assertEqual(1, code, out)
            for expected in ("image 1 did not decode: data:image/png;base64,AAAAbroken",
                             "image 2 did not decode: charts/missing.png",
                             "progress bar not at its end (2/5): epoch 1",
                             "forbidden .output_error: NullPointerException",
                             "nothing matches table",
                             "script error: Uncaught ReferenceError: noSuchFunction is not defined"):
                self.assertIn(expected, out)
            self.assertIn("6 problem(s)", out)

    def test_at_a_page_width_text_that_overflows_its_box_or_the_page_is_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            fits = folder / "fits.html"
            fits.write_text('<!DOCTYPE html><html><head></head><body><p>' + "short words wrap " * 80 + '</p>'
                            '<pre style="white-space: pre-wrap; overflow-wrap: anywhere">' + "x" * 300 + '</pre></body></html>')
            wide = folder / "wide.html"
            wide.write_text('<!DOCTYPE html><html><head></head><body><table><tr><td>' + "y" * 300 + '</td></tr></table>'
                            '<div style="width: 300px; overflow: hidden"><pre>' + "z" * 120 + '</pre></div></body></html>')

            code, out = check("--page-width", 794, fits)
            self.assertEqual(0, code, out)

            code, out = check("--page-width", 794, wide)
            self.assertEqual(1, code, out)
            self.assertIn("the page scrolls sideways", out)
            self.assertIn("reaches past the page edge", out)
            self.assertIn("text wider than its box", out)
            # without a page width the same page passes: only --page-width looks at widths
            self.assertEqual(0, check(wide)[0])


if __name__ == "__main__":
    unittest.main()
