#!/usr/bin/env python3
"""Renders HTML files in headless Chromium and fails on what a reader would see broken (stdlib only).

usage: python3 scripts/browser-check.py [--forbid CSS]... [--require CSS]... [--page-width PX] FILE.html...

For each file it reports a problem when, after the page has loaded:
  - an <img> did not decode (not complete, or zero natural width: a broken data: URI or a missing file);
  - a <progress> is not at its end (value < max: a bar that stopped, or a stale frame left in a saved output);
  - an element matches a --forbid selector (e.g. --forbid .output_error for nbconvert's classic template);
  - no element matches a --require selector;
  - a script on the page threw an uncaught error;
  - with --page-width PX (the window is made that wide, e.g. 794 for A4 at 96 dpi): an element that reaches past
    the page's edge, or whose text is wider than its box (a table too wide, a log line that does not wrap).
It prints "browser-check: FILE: ok (N images, N progress bars)" or each problem, and exits 1 when any file has
one (2 when Chromium is missing: install it with `bash scripts/install-chromium.sh`). scripts/test_browser_check.py
checks it on a sound page and on one broken each way.

The page is not modified: a copy with a <base href> (so relative images still resolve) and a small probe script is
rendered from a temporary folder, with a fresh Chromium profile, run headless and sandbox-free (as root in CI):
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
           --disable-sync --no-first-run --user-data-dir=<fresh> --dump-dom file://<copy>
"""
import argparse, html, json, re, shutil, subprocess, sys, tempfile
from pathlib import Path

RESULT_ID = "browser-check-result"
TIMEOUT_SECONDS = 120

# runs first: records uncaught script errors (not resource errors, which the checks below report themselves)
WATCH = """<script>window.__browserCheckErrors = [];
window.addEventListener('error', e => { if (e instanceof ErrorEvent) window.__browserCheckErrors.push(e.message); });
</script>"""

# runs on load: writes what it found into a <pre> that --dump-dom prints
PROBE = """<script>window.addEventListener('load', () => {
  const forbid = %s, require = %s, pageWidth = %s, problems = [];
  const text = el => (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 160);
  const images = [...document.images];
  images.forEach((img, k) => {
    if (!(img.complete && img.naturalWidth > 0))
      problems.push('image ' + (k + 1) + ' did not decode: ' + (img.getAttribute('src') || '').slice(0, 60));
  });
  const bars = [...document.querySelectorAll('progress')];
  bars.forEach(p => {
    if (p.hasAttribute('value') && p.value < p.max)
      problems.push('progress bar not at its end (' + p.value + '/' + p.max + '): ' + text(p.parentElement));
  });
  forbid.forEach(s => document.querySelectorAll(s).forEach(el => problems.push('forbidden ' + s + ': ' + text(el))));
  require.forEach(s => { if (!document.querySelector(s)) problems.push('nothing matches ' + s); });
  window.__browserCheckErrors.forEach(m => problems.push('script error: ' + m));
  if (pageWidth > 0) {
    const edge = document.documentElement.clientWidth, over = [];
    if (document.documentElement.scrollWidth > edge) over.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + edge + ' px)');
    document.querySelectorAll('body *').forEach(el => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > edge + 0.5 || r.left < -0.5))
        over.push('reaches past the page edge by ' + Math.round(Math.max(r.right - edge, -r.left)) + ' px: ' + text(el));
      else if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        over.push('text wider than its box by ' + (el.scrollWidth - el.clientWidth) + ' px: ' + text(el));
    });
    over.slice(0, 10).forEach(p => problems.push(p));
    if (over.length > 10) problems.push('... and ' + (over.length - 10) + ' more overflowing elements');
  }
  const pre = document.createElement('pre');
  pre.id = '%s';
  pre.textContent = JSON.stringify({images: images.length, progress: bars.length, problems: problems});
  document.body.appendChild(pre);
});</script>"""

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def instrumented(page, forbid, require, page_width=0):
    """The page's text with a <base> and the watcher at the top of <head>, and the probe at the end."""
    text = page.read_text(encoding="utf-8", errors="replace")
    top = f'<base href="{page.resolve().parent.as_uri()}/">' + WATCH
    head = re.search(r"<head[^>]*>", text, re.IGNORECASE) or re.search(r"<!doctype[^>]*>", text, re.IGNORECASE)
    at = head.end() if head else 0
    probe = PROBE % (json.dumps(forbid), json.dumps(require), int(page_width), RESULT_ID)
    return text[:at] + top + text[at:] + probe


def render(chromium, page, forbid, require, page_width=0):
    """(images, progress bars, problems) of one page."""
    with tempfile.TemporaryDirectory(prefix="browser-check-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(instrumented(page, forbid, require, page_width), encoding="utf-8")
        size = [f"--window-size={page_width},1200"] if page_width else []
        cmd = [chromium, *FLAGS, *size, f"--user-data-dir={Path(tmp) / 'profile'}", "--dump-dom", copy.as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return 0, 0, [f"Chromium did not finish within {TIMEOUT_SECONDS} s"]
    m = re.search(f'<pre id="{RESULT_ID}">(.*?)</pre>', proc.stdout, re.DOTALL)
    if not m:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        return 0, 0, [f"the page did not finish loading (chromium exit {proc.returncode}): {tail}"]
    found = json.loads(html.unescape(m.group(1)))
    return found["images"], found["progress"], found["problems"]


def main(argv):
    parser = argparse.ArgumentParser(description="Render HTML files in headless Chromium and check them.")
    parser.add_argument("--forbid", action="append", default=[], metavar="CSS", help="fail when an element matches")
    parser.add_argument("--require", action="append", default=[], metavar="CSS", help="fail when nothing matches")
    parser.add_argument("--page-width", type=int, default=0, metavar="PX",
                        help="render this wide and fail on anything that overflows (794 = A4 at 96 dpi)")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("browser-check: no chromium on PATH; install it with: bash scripts/install-chromium.sh")
        return 2
    failed = 0
    for page in args.files:
        if not page.is_file():
            print(f"browser-check: {page}: no such file")
            failed += 1
            continue
        images, bars, problems = render(chromium, page, args.forbid, args.require, args.page_width)
        if problems:
            failed += 1
            print(f"browser-check: {page}: {len(problems)} problem(s)")
            for p in problems:
                print("  " + p)
        else:
            print(f"browser-check: {page}: ok ({images} images, {bars} progress bars)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
