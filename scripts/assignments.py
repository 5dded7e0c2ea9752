#!/usr/bin/env python3
"""Course assignments from the notebooks: student and instructor versions, and a grader.

  build NAME [--out DIR]      notebooks/NAME*.ipynb -> DIR/instructor/ and DIR/student/ (default
                              build/assignments/NAME). The student version replaces each region
                              `// BEGIN SOLUTION` ... `// END SOLUTION` by a stub that throws "your code here" and drops
                              each `// BEGIN HIDDEN TESTS` ... `// END HIDDEN TESTS` region. Both keep nbgrader's cell
                              metadata (grade_id, points, solution, locked), so nbgrader can take them as they are.
  grade SUBMISSIONS [--assignment NAME] [--out DIR] [--cell-timeout S] [--max-output BYTES]
                              grades every *.ipynb under SUBMISSIONS (the student is the file's stem, or its folder's
                              name when the file is NAME.ipynb): one at a time, each in its own working folder and its
                              own process group, with a time limit per cell. The graded notebook takes the student's
                              solution cells and the instructor's version of every other cell (hidden tests included).
                              Writes DIR/grades.csv (student, points per graded cell, total) and DIR/feedback/<student>.md.

What the grader does not isolate: a submission's Java code runs with the kernel's rights (docs/teaching.md).
Needs Jupyter's Python packages (scripts/install-jupyter.sh) and the project's kernelspec (scripts/jupyter-env.sh).
"""
import csv, json, os, re, shutil, signal, subprocess, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebooks  # noqa: E402  (the notebooks' builder: paths and the kernel manager's settings)

ROOT = notebooks.ROOT
STUB = 'throw new UnsupportedOperationException("your code here");'
SOLUTION = re.compile(r"^(\s*)// BEGIN SOLUTION\s*$(.*?)^\s*// END SOLUTION\s*$\n?", re.M | re.S)
HIDDEN = re.compile(r"^\s*// BEGIN HIDDEN TESTS\s*$.*?^\s*// END HIDDEN TESTS\s*$\n?", re.M | re.S)
JARS = re.compile(r"^%jars\s+\S*lstm-lab\.jar\s*$", re.M)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def source(cell):
    s = cell["source"]
    return "".join(s) if isinstance(s, list) else s


def set_source(cell, text):
    cell["source"] = text.splitlines(keepends=True)


def student_version(nb):
    out = json.loads(json.dumps(nb))
    for cell in out["cells"]:
        if cell["cell_type"] != "code":
            continue
        text = SOLUTION.sub(lambda m: m.group(1) + STUB + "\n", source(cell))
        set_source(cell, HIDDEN.sub("", text).rstrip("\n"))
        cell["outputs"], cell["execution_count"] = [], None
    return out


def find(name):
    found = sorted(notebooks.NOTEBOOKS.glob(name + "*.ipynb"))
    if len(found) != 1:
        raise SystemExit(f"assignment {name!r}: expected one notebook notebooks/{name}*.ipynb, found {len(found)}")
    return found[0]


def build(name, out):
    nb_path = find(name)
    nb = json.loads(nb_path.read_text())
    if not any("nbgrader" in c.get("metadata", {}) for c in nb["cells"]):
        raise SystemExit(f"{nb_path.name}: no cell carries nbgrader metadata (// %% grade_id=...): not an assignment")
    for version, content in (("instructor", nb), ("student", student_version(nb))):
        target = out / version / nb_path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n")
        print(f"wrote {target}")
    return 0


def graded_notebook(instructor, submission):
    """The instructor's notebook with the student's solution cells: tests and set-up cannot be edited away."""
    solutions = {}
    for cell in submission.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            solutions[meta.get("grade_id")] = source(cell)
    nb = json.loads(json.dumps(instructor))
    missing = []
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution"):
            if meta["grade_id"] in solutions:
                set_source(cell, solutions[meta["grade_id"]])
            else:
                missing.append(meta["grade_id"])
                set_source(cell, STUB)
        if cell["cell_type"] == "code":
            # the jar is the project's, wherever the working folder is
            set_source(cell, JARS.sub("%jars " + str(ROOT / "target" / "lstm-lab.jar"), source(cell)))
            cell["outputs"], cell["execution_count"] = [], None
    return nb, missing


def cell_text(cell, limit):
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append(o.get("text", "") if isinstance(o.get("text"), str) else "".join(o.get("text", [])))
        elif o.get("output_type") == "error":
            parts.append(f"{o.get('ename')}: {o.get('evalue')}")
    text = ANSI.sub("", "\n".join(parts))
    return text if len(text) <= limit else text[:limit] + f"\n… ({len(text) - limit} more characters cut)"


def grade_one(nb_file, workdir, cell_timeout, max_output):
    """Runs in its own process: executes the graded notebook cell by cell and prints one JSON line of results."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from settled_kernel import SettledKernelManager

    nb = nbformat.read(str(nb_file), as_version=4)
    note, stopped, stopped_at = "", "", len(nb.cells)
    for attempt in range(notebooks.RETRIES + 1):
        client = NotebookClient(nb, timeout=cell_timeout, kernel_name="java", allow_errors=True,
                                startup_timeout=int(os.environ.get("LSTMLAB_KERNEL_STARTUP", "30")),
                                kernel_manager_class=SettledKernelManager, resources={"metadata": {"path": str(workdir)}})
        printed = 0
        try:
            with client.setup_kernel(cwd=str(workdir)):
                for index, cell in enumerate(nb.cells):
                    if cell.cell_type != "code":
                        continue
                    try:
                        client.execute_cell(cell, index)
                    except CellTimeoutError:
                        stopped = f"cell {index + 1} ran past its limit of {cell_timeout} s"
                    except DeadKernelError:
                        stopped = f"the kernel died in cell {index + 1}"
                    for o in cell.get("outputs", []):
                        printed += len(o.get("text", "")) + len(json.dumps(o.get("data", {})))
                        if o.get("output_type") == "stream" and len(o.get("text", "")) > 100_000:
                            o["text"] = o["text"][:100_000] + "\n… (cut)"  # the feedback needs no more
                    if printed > max_output and not stopped:
                        stopped = f"the notebook printed more than {max_output:,} characters (cell {index + 1})"
                    if stopped:
                        stopped_at = index
                        break
        except RuntimeError as e:
            if notebooks.RACE in str(e) and attempt < notebooks.RETRIES:
                continue  # rapaio's start-up race: start again
            note = f"the kernel did not start: {e}"
        break
    results = []
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("grade"):
            continue
        error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
        if note or index >= stopped_at:
            reason = note or "not graded: " + stopped
        elif error is not None:
            reason = cell_text(cell, 2000)
        elif cell.get("execution_count") is None:
            reason = "not run"
        else:
            reason = ""
        results.append({"grade_id": meta["grade_id"], "points": 0 if reason else meta.get("points", 0),
                        "max": meta.get("points", 0), "reason": reason, "output": cell_text(cell, 4000)})
    print(json.dumps({"results": results, "stopped": stopped or note}))


def submissions(folder, name):
    for f in sorted(Path(folder).rglob("*.ipynb")):
        if ".ipynb_checkpoints" in f.parts:
            continue
        student = f.parent.name if f.stem.startswith(name) and f.parent != Path(folder) else f.stem
        yield student, f


def grade(folder, name, out, cell_timeout, max_output):
    instructor_path = find(name)
    instructor = json.loads(instructor_path.read_text())
    graded = [c["metadata"]["nbgrader"] for c in instructor["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade")]
    if not Path(folder).is_dir():
        print(f"grade: {folder}: not a folder of submissions", file=sys.stderr)
        return 2
    shutil.rmtree(out / "work", ignore_errors=True)
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    rows = []
    for student, path in submissions(folder, name):
        start = time.monotonic()
        results, stopped = run_submission(instructor, student, path, out, cell_timeout, max_output, len(graded))
        total = sum(r["points"] for r in results)
        rows.append([student] + [next((r["points"] for r in results if r["grade_id"] == g["grade_id"]), 0) for g in graded] + [total])
        write_feedback(out / "feedback" / f"{student}.md", student, results, stopped, total, sum(g.get("points", 0) for g in graded))
        print(f"{student}: {total} of {sum(g.get('points', 0) for g in graded)} points in {time.monotonic() - start:.0f} s"
              + (f" ({stopped})" if stopped else ""), flush=True)
    with open(out / "grades.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["student"] + [g["grade_id"] for g in graded] + ["total"])
        w.writerows(rows)
    print(f"wrote {out / 'grades.csv'} ({len(rows)} submissions) and {out / 'feedback'}/")
    return 0


def run_submission(instructor, student, path, out, cell_timeout, max_output, graded_cells):
    """Grades one submission in a child process with a wall-clock limit; never raises."""
    def fail(reason):
        return [{"grade_id": c["metadata"]["nbgrader"]["grade_id"], "points": 0,
                 "max": c["metadata"]["nbgrader"].get("points", 0), "reason": reason, "output": ""}
                for c in instructor["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade")], reason
    try:
        submission = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        return fail(f"not a notebook: {e}")
    nb, missing = graded_notebook(instructor, submission)
    workdir = out / "work" / re.sub(r"[^\w.-]", "_", student)
    workdir.mkdir(parents=True, exist_ok=True)
    nb_file = out / "work" / (workdir.name + ".ipynb")  # outside the working folder: a submission may empty it
    nb_file.write_text(json.dumps(nb))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")])),
               LSTMLAB_KERNEL_LOG=str(out / "work" / (workdir.name + ".kernel.log")))
    code_cells = sum(1 for c in nb["cells"] if c["cell_type"] == "code")
    limit = 120 + cell_timeout * code_cells
    proc = subprocess.Popen([sys.executable, __file__, "grade-one", str(nb_file), str(workdir), str(cell_timeout), str(max_output)],
                            env=env, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the kernel's JVM is in the same process group
        proc.communicate()
        return fail(f"did not finish within {limit} s")
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # anything the submission left running
        except ProcessLookupError:
            pass
    last = stdout.strip().splitlines()[-1:] if stdout.strip() else []
    try:
        report = json.loads(last[0])
    except (IndexError, ValueError):
        return fail("the grader's runner failed: " + (stderr.strip().splitlines() or ["no output"])[-1])
    stopped = report["stopped"]
    if missing:
        stopped = (stopped + "; " if stopped else "") + "no solution cell " + ", ".join(missing)
    return report["results"], stopped


def write_feedback(path, student, results, stopped, total, possible):
    lines = [f"# Feedback for {student}", "", f"**{total} of {possible} points.**", ""]
    if stopped:
        lines += [f"Note: {stopped}.", ""]
    for r in results:
        lines.append(f"## {r['grade_id']}: {r['points']} of {r['max']}")
        if r["reason"]:
            lines += ["", "```", r["reason"], "```"]
        elif r["output"]:
            lines += ["", "```", r["output"], "```"]
        lines.append("")
    path.write_text("\n".join(lines))


def selftest(out):
    """Grades a folder of correct, wrong, crashing, endless, flooding and self-deleting submissions of 06."""
    instructor = json.loads(find("06").read_text())
    student = student_version(instructor)

    def with_solution(body):
        nb = json.loads(json.dumps(student))
        for cell in nb["cells"]:
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                set_source(cell, source(cell).replace(STUB, body, 1))
        return nb

    solution = next(SOLUTION.search(source(c)).group(2) for c in instructor["cells"] if SOLUTION.search(source(c)))
    cases = {
        "correct": (with_solution(solution), 5, ""),
        "wrong": (with_solution(solution.replace("gc[j] *= F;", "")), 0, "misses its factor f_t"),
        "crashing": (student, 0, "your code here"),
        "stuck": (with_solution("while (true) Thread.onSpinWait();"), 0, "backward did not return within"),
        "endless": (with_solution(solution + "\n    }\n}\nlong spins = 0;\nwhile (true) spins++;\nclass Unused {\n    void f() {"), 0, "ran past its limit"),
        "flooding": (with_solution('for (int k = 0; k < 3000; k++) System.out.println("x".repeat(1000));\n' + solution), 0, "printed more than"),
        "deleting": (with_solution('try (var s = java.nio.file.Files.walk(java.nio.file.Path.of(".").toAbsolutePath())) '
                                   '{ s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); } '
                                   'catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n' + solution), 5, ""),
    }
    folder = out / "submissions"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, (nb, _, _) in cases.items():
        (folder / f"{name}.ipynb").write_text(json.dumps(nb))
    (folder / "garbled.ipynb").write_text("{not json")
    grade(folder, "06", out, 20, 1_000_000)
    rows = {r["student"]: r for r in csv.DictReader(open(out / "grades.csv"))}
    problems = []
    for name, (_, points, says) in list(cases.items()) + [("garbled", (None, 0, "not a notebook"))]:
        got = rows.get(name, {}).get("total")
        feedback = (out / "feedback" / f"{name}.md").read_text() if (out / "feedback" / f"{name}.md").exists() else ""
        if got != str(points):
            problems.append(f"{name}: {got} points, expected {points}")
        if says not in feedback:
            problems.append(f"{name}: feedback lacks {says!r}")
    print("grader self-test: " + ("passed" if not problems else "FAILED\n  " + "\n  ".join(problems)))
    return 1 if problems else 0


def option(args, name, default):
    return args[args.index(name) + 1] if name in args else default


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["build"] and len(args) >= 2:
        sys.exit(build(args[1], Path(option(args, "--out", str(ROOT / "build" / "assignments" / args[1])))))
    if args[:1] == ["grade"] and len(args) >= 2:
        name = option(args, "--assignment", "06")
        sys.exit(grade(args[1], name, Path(option(args, "--out", str(ROOT / "build" / "grading"))).resolve(),
                       int(option(args, "--cell-timeout", "60")), int(option(args, "--max-output", "5000000"))))
    if args[:1] == ["selftest"]:
        sys.exit(selftest((ROOT / "build" / "grading-selftest").resolve()))
    if args[:1] == ["grade-one"] and len(args) == 5:
        sys.exit(grade_one(Path(args[1]), Path(args[2]), int(args[3]), int(args[4])))
    sys.exit(__doc__)
