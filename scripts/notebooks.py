#!/usr/bin/env python3
"""Builds the notebooks from their sources, and executes and checks them in a real Java kernel (stdlib only).

  build [--check]  notebooks/src/NN-name.jsh -> notebooks/NN-name.ipynb (nbformat 4, kernel "java", no outputs);
                   --check only reports notebooks that differ from their source. Either way it refuses a source
                   whose first code cell is not tagged parameters, or whose other code cells hold more than two
                   statements (one step, one call; see statements()).
  run [NAME...]    executes each notebook headless with `jupyter nbconvert --execute` on kernelspec "java" in quick
                   mode, retries only rapaio's start-up race ("Kernel didn't respond", at most 3 retries), checks the
                   outputs each cell declares (and that no cell errs or echoes a value), converts the executed
                   notebook to HTML and renders it in headless Chromium (scripts/browser-check.py: no error output,
                   every image decoded, every progress bar at its end), and ends with "N passed, N failed".

Source format: a JShell script split into cells by marker lines.
  // %% [markdown]        a markdown cell; its lines are comments ("// " is stripped)
  // %% expect=image/png,text/html contains="RNN|LSTM"
                          a code cell whose outputs must include those MIME types and contain those strings
  // %% lacks="A|B"         ... and must not contain these
  // %% tags=parameters   cell tags (papermill's "parameters" marks the parameters cell)
  // %% grade_id=ID solution      an assignment's solution cell (nbgrader metadata; see scripts/assignments.py)
  // %% grade_id=ID points=N      an assignment's graded test cell
  // %%                   a plain code cell
"""
import json, os, re, shlex, shutil, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC, NOTEBOOKS, OUT = ROOT / "notebooks" / "src", ROOT / "notebooks", ROOT / "build" / "notebooks"
JUPYTER = "/usr/bin/jupyter"
RETRIES = 3
RACE = "Kernel didn't respond"
MARKER = re.compile(r"^// %%(.*)$")


def parse(text):
    """Cells of a .jsh source: (cell_type, source, metadata)."""
    cells, kind, meta, lines = [], None, {}, []

    def flush():
        if kind is not None:
            body = "\n".join(lines).strip("\n")
            cells.append((kind, body, meta))

    for line in text.splitlines():
        m = MARKER.match(line)
        if m:
            flush()
            kind, meta, lines = "code", {}, []
            args = m.group(1).strip()
            if args == "[markdown]":
                kind = "markdown"
            elif args:
                for word in shlex.split(args):
                    key, _, value = word.partition("=")
                    if key not in ("expect", "contains", "lacks", "tags", "grade_id", "points", "solution"):
                        raise SystemExit(f"unknown cell option {key!r} in {line!r}")
                    sep = "|" if key in ("contains", "lacks") else ","
                    meta[key] = [v for v in value.split(sep) if v]
            continue
        if kind == "markdown":
            lines.append(re.sub(r"^// ?", "", line))
        elif kind is not None:
            lines.append(line)
    flush()
    return cells


def nbgrader(meta):
    """nbgrader's cell metadata (schema 3): a solution cell is editable, a graded test cell is locked."""
    solution, points = "solution" in meta, meta.get("points")
    m = {"grade_id": meta["grade_id"][0], "grade": points is not None, "solution": solution,
         "locked": not solution, "schema_version": 3}
    if points is not None:
        m["points"] = int(points[0])
    return m


MAX_STATEMENTS = 2
MAGIC = re.compile(r"^\s*%", re.MULTILINE)
CONTINUES = re.compile(r"\s*(?:[;,.)\]]|(?:else|catch|finally|while)\b)")   # after a block's "}": same statement
COMMENT_OR_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.DOTALL)


def statements(code):
    """How many JShell statements a cell holds: each ends at a top-level ';' or at the '}' closing a top-level block
    (unless the statement goes on: '};', '} else', '}).x()', a do-while); a magic line (%jars ...) is one, and so is
    a trailing expression without ';'. Strings, text blocks, characters and comments are skipped."""
    count, depth, pending, i, n = 0, 0, False, 0, len(code)

    def rest(j):  # the code after j, past spaces and comments
        return code[COMMENT_OR_SPACE.match(code, j).end():]

    while i < n:
        c = code[i]
        if c == "%" and depth == 0 and not pending and not code[code.rfind("\n", 0, i) + 1:i].strip():
            count += 1
            i = code.find("\n", i)
            i = n if i < 0 else i
            continue
        if code.startswith("//", i):
            i = code.find("\n", i)
            i = n if i < 0 else i
            continue
        if code.startswith("/*", i):
            i = code.find("*/", i + 2) + 2
            i = n if i < 2 else i
            continue
        if code.startswith('"""', i):
            end = code.find('"""', i + 3)
            while end > 0 and code[end - 1] == "\\":
                end = code.find('"""', end + 1)
            i, pending = (n if end < 0 else end + 3), True
            continue
        if c in "\"'":
            j = i + 1
            while j < n and code[j] != c:
                j += 2 if code[j] == "\\" else 1
            i, pending = j + 1, True
            continue
        if c.isspace():
            i += 1
            continue
        pending = True
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if c == "}" and depth == 0 and not CONTINUES.match(rest(i + 1)):
                count, pending = count + 1, False
        elif c == ";" and depth == 0 and not re.match(r"else\b", rest(i + 1)):
            count, pending = count + 1, False
        i += 1
    return count + (1 if pending else 0)


def check_cells(src, cells):
    """Problems with a source's cells: the first code cell must be the parameters cell, a magic line (%jars) has
    its cell to itself, and every other code cell holds at most MAX_STATEMENTS statements (one step, one call)."""
    problems, code = [], [(k, body, meta) for k, body, meta in cells if k == "code"]
    if not code or "parameters" not in code[0][2].get("tags", []):
        problems.append(f"{src.name}: the first code cell must be the parameters cell (// %% tags=parameters)")
    for number, (kind, body, meta) in enumerate(cells, 1):
        if kind == "code" and MAGIC.search(body) and statements(body) > 1:
            problems.append(f"{src.name}: cell {number} mixes a magic line with code (rapaio refuses such a cell)")
        if kind == "code" and "parameters" not in meta.get("tags", []) and statements(body) > MAX_STATEMENTS:
            first = body.strip().splitlines()[0]
            problems.append(f"{src.name}: cell {number} holds {statements(body)} statements, at most {MAX_STATEMENTS} "
                            f"outside the parameters cell (one step, one call): {first}")
    return problems


def notebook(cells):
    def source(s):
        return s.splitlines(keepends=True)

    out = []
    for i, (kind, body, meta) in enumerate(cells):
        cell = {"cell_type": kind, "id": f"cell-{i:02d}", "metadata": {}, "source": source(body)}
        checks = {k: v for k, v in meta.items() if k in ("expect", "contains", "lacks")}
        if checks:
            cell["metadata"]["lstmlab"] = checks
        if "tags" in meta:
            cell["metadata"]["tags"] = meta["tags"]
        if "grade_id" in meta:
            cell["metadata"]["nbgrader"] = nbgrader(meta)
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return {
        "cells": out,
        "metadata": {
            "kernelspec": {"display_name": "Java", "language": "java", "name": "java"},
            "language_info": {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"},
        },
        "nbformat": 4, "nbformat_minor": 5,
    }


def build(check_only):
    """Writes each notebook from its source (or, with check_only, lists those that differ); refuses every notebook
    while any source breaks a cell rule."""
    texts, problems = {}, []
    for src in sorted(SRC.glob("*.jsh")):
        cells = parse(src.read_text())
        problems += check_cells(src, cells)
        texts[NOTEBOOKS / (src.stem + ".ipynb")] = json.dumps(notebook(cells), indent=1, ensure_ascii=False) + "\n"
    for p in problems:
        print("notebooks/src/" + p)
    if problems:
        return 1
    stale = [t for t, text in texts.items() if not (t.exists() and t.read_text() == text)]
    if check_only and stale:
        print("notebooks differ from notebooks/src (run: python3 scripts/notebooks.py build): "
              + ", ".join(t.name for t in stale))
        return 1
    for target in stale if not check_only else []:
        target.write_text(texts[target])
        print("wrote notebooks/" + target.name)
    return 0


def execute(nb, env):
    """Runs nbconvert; retries only the kernel start-up race. Returns (ok, seconds, log)."""
    cmd = [JUPYTER, "nbconvert", "--to", "notebook", "--execute",
           "--ExecutePreprocessor.kernel_name=java",
           "--ExecutePreprocessor.kernel_manager_class=settled_kernel.SettledKernelManager",
           f"--ExecutePreprocessor.timeout={env.get('LSTMLAB_CELL_TIMEOUT', '600')}",
           f"--ExecutePreprocessor.startup_timeout={env.get('LSTMLAB_KERNEL_STARTUP', '30')}",
           "--output-dir", str(OUT), str(nb)]
    kernel_log = OUT / (nb.stem + ".kernel.log")
    env = dict(env, LSTMLAB_KERNEL_LOG=str(kernel_log),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")])))
    for attempt in range(RETRIES + 1):
        kernel_log.write_bytes(b"")
        start = time.monotonic()
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
        seconds = time.monotonic() - start
        log = proc.stdout + proc.stderr + kernel_log.read_text(errors="replace")
        if proc.returncode == 0:
            return True, seconds, log
        if RACE not in log or attempt == RETRIES:
            return False, seconds, log
        crashed = '"this.handlers" is null' in log
        print(f"  {nb.stem}: {RACE} after {seconds:.0f} s (rapaio 3.0.1 start-up race"
              f"{', shell thread crashed' if crashed else ''}); retry {attempt + 1} of {RETRIES}", flush=True)
    raise AssertionError("unreachable")


def outputs_text(outputs):
    parts = []
    for o in outputs:
        if o.get("output_type") == "stream":
            parts.append("".join(o.get("text", "")))
        for mime in ("text/plain", "text/html"):
            value = o.get("data", {}).get(mime)
            if value is not None:
                parts.append("".join(value))
    return "\n".join(parts)


def check(executed):
    """Problems found in an executed notebook: errors, echoed values, and each cell's declared outputs."""
    problems = []
    cells = json.loads(executed.read_text())["cells"]
    for n, cell in enumerate(cells, 1):
        if cell["cell_type"] != "code":
            continue
        outputs = cell.get("outputs", [])
        for o in outputs:
            if o.get("output_type") == "error":
                problems.append(f"cell {n}: {o.get('ename')}: {o.get('evalue')}")
            if o.get("output_type") == "execute_result":   # every step shows through Lab.show, a statement
                problems.append(f"cell {n}: the kernel echoed a value: {outputs_text([o])[:80]!r}")
        meta = cell.get("metadata", {}).get("lstmlab", {})
        mimes = {m for o in outputs for m in o.get("data", {})}
        for mime in meta.get("expect", []):
            if mime not in mimes:
                problems.append(f"cell {n}: no {mime} output (has: {', '.join(sorted(mimes)) or 'none'})")
        text = outputs_text(outputs)
        for s in meta.get("contains", []):
            if s not in text:
                problems.append(f"cell {n}: output lacks {s!r}")
        for s in meta.get("lacks", []):
            if s in text:
                problems.append(f"cell {n}: output shows {s!r}")
    return problems


def browser_check(executed):
    """Problems a reader would see: the executed notebook as HTML (nbconvert, classic template, which marks error
    outputs .output_error) rendered in headless Chromium by scripts/browser-check.py."""
    convert = subprocess.run([JUPYTER, "nbconvert", "--to", "html", "--template", "classic", "--output-dir", str(OUT),
                              str(executed)], capture_output=True, text=True)
    if convert.returncode != 0:
        return ["nbconvert --to html failed: " + " | ".join(convert.stderr.strip().splitlines()[-3:])]
    page = executed.with_suffix(".html")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "browser-check.py"), "--forbid", ".output_error",
                           str(page)], capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0:
        return ["in the browser: " + line.strip() for line in lines[1:] or lines]
    print("  " + (lines[-1] if lines else "browser-check: no output"), flush=True)
    return []


def run(names):
    OUT.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("LSTMLAB_QUICK", "1")
    # a fresh reports folder, so that 03 trains (and shows its live bars) instead of reading back an earlier run
    reports = OUT / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    env.setdefault("LSTMLAB_REPORTS", str(reports))
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    if names:
        notebooks = [nb for nb in notebooks if any(nb.stem.startswith(n) for n in names)]
    passed = failed = 0
    for nb in notebooks:
        ok, seconds, log = execute(nb, env)
        problems = (check(OUT / nb.name) or browser_check(OUT / nb.name)) if ok else []
        if ok and not problems:
            passed += 1
            print(f"notebook {nb.stem}: passed in {seconds:.1f} s", flush=True)
            continue
        failed += 1
        print(f"notebook {nb.stem}: FAILED after {seconds:.1f} s", flush=True)
        for p in problems:
            print("  " + p)
        if not ok:
            kept = [line for line in log.splitlines() if "[INFO" not in line]
            print("\n".join("  | " + line for line in kept[-40:]))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not notebooks else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["build"]:
        sys.exit(build("--check" in args))
    if args[:1] == ["run"]:
        sys.exit(run(args[1:]))
    sys.exit(__doc__)
