#!/usr/bin/env python3
"""Renders HTML files in headless Chromium and fails on what a reader would see broken (stdlib only).

usage: python3 scripts/browser-check.py [--forbid CSS]... [--require CSS]... FILE.html...

For each file it reports a problem when, after the page has loaded:
  - an <img> did not decode (not complete, or zero natural width: a broken data: URI or a missing file);
  - a <progress> is not at its end (value < max: a bar that stopped, or a stale frame left in a saved output);
  - an element matches a --forbid selector (e.g. --forbid .output_error for nbconvert's classic template);
  - no element matches a --require selector;
  - a script on the page threw an uncaught error.
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
  const forbid = %s, require = %s, problems = [];
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
  const pre = document.createElement('pre');
  pre.id = '%s';
  pre.textContent = JSON.stringify({images: images.length, progress: bars.length, problems: problems});
  document.body.appendChild(pre);
});</script>"""

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def instrumented(page, forbid, require):
    """The page's text with a <base> and the watcher at the top of <head>, and the probe at the end."""
    text = page.read_text(errors="replace")
    top = f'<base href="{page.resolve().parent.as_uri()}/">' + WATCH
    head = re.search(r"<head[^>]*>", text, re.IGNORECASE) or re.search(r"<!doctype[^>]*>", text, re.IGNORECASE)
    at = head.end() if head else 0
    probe = PROBE % (json.dumps(forbid), json.dumps(require), RESULT_ID)
    return text[:at] + top + text[at:] + probe


def render(chromium, page, forbid, require):
    """(images, progress bars, problems) of one page."""
    with tempfile.TemporaryDirectory(prefix="browser-check-") as tmp:
        copy = Path(tmp) / "page.html"
        copy.write_text(instrumented(page, forbid, require))
        cmd = [chromium, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", "--dump-dom", copy.as_uri()]
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
        images, bars, problems = render(chromium, page, args.forbid, args.require)
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
