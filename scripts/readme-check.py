#!/usr/bin/env python3
"""Checks that README.md keeps its promises (stdlib only; needs target/lstm-lab.jar, so run it after mvn verify).

usage: python3 scripts/readme-check.py

  - the set-up section holds exactly two commands: the main job (`... reproduce`) and the test command, and
    .ci/run runs exactly that test command;
  - every `--save FILE` in the README has an extension that `train --help` uses too;
  - every ```java block runs, in order, in one session of the JDK's jshell against the built jar (from the project
    folder, as a reader would, with --add-modules jdk.incubator.vector); a compile error or an exception fails it.
    LSTMLAB_REPORTS points into build/readme/, so Lab.reproduce trains there instead of writing into reports/.
Prints one line per check and exits 1 when any fails.
"""
import os, re, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README, CI, JAR, OUT = ROOT / "README.md", ROOT / ".ci" / "run", ROOT / "target" / "lstm-lab.jar", ROOT / "build" / "readme"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
JAVA = ["java", "--add-modules", "jdk.incubator.vector", "-jar", str(JAR)]
# jshell prints a script's compile errors and exceptions on stderr, and exits 0 all the same
FAILURE = re.compile(r"^(Error:|Exception |Caused by: |.*\bcannot find symbol\b)", re.MULTILINE)


def section(text, title):
    m = re.search(rf"^## {re.escape(title)}.*?$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return m.group(1) if m else ""


def setup_commands(text):
    problems = []
    commands = [body.strip() for lang, body in FENCE.findall(section(text, "Set-up")) if lang in ("", "sh", "bash")]
    if len(commands) != 2:
        return [f"the set-up section holds {len(commands)} commands, not 2 (the main job, then every test)"]
    if not commands[0].endswith(" reproduce"):
        problems.append(f"the first set-up command does not run the main job (reproduce): {commands[0]}")
    ci = [line.strip() for line in CI.read_text().splitlines() if line.strip() and not line.startswith("#")
          and not line.startswith(("set ", "cd "))]
    if ci != [commands[1]]:
        problems.append(f".ci/run runs {ci}, the README's test command is {commands[1]!r}")
    return problems


def save_names(text):
    help_text = subprocess.run(JAVA + ["train", "--help"], capture_output=True, text=True).stdout
    ours = {Path(f).suffix for f in re.findall(r"--save (\S+?)[`\s,)]", text)} - {""}   # FILE: a placeholder
    theirs = {Path(f).suffix for f in re.findall(r"--save (\S+?)[\s,)]", help_text)}
    if not ours or not theirs:
        return [f"no --save example found (README: {sorted(ours)}, train --help: {sorted(theirs)})"]
    return [] if ours == theirs else [f"--save files end in {sorted(ours)} in the README but {sorted(theirs)} in train --help"]


def java_snippets(text):
    blocks = [body for lang, body in FENCE.findall(text) if lang == "java"]
    if not blocks:
        return ["no ```java block"]
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    script = OUT / "snippets.jsh"
    parts = []
    for k, body in enumerate(blocks, 1):
        parts.append(body)
        parts.append(f'System.out.println("README-SNIPPET-{k}-DONE");\n')
    script.write_text("".join(parts) + "/exit\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LSTMLAB_")}
    env["LSTMLAB_REPORTS"] = str(OUT / "reports")
    cmd = ["jshell", "--add-modules", "jdk.incubator.vector", "-R--add-modules=jdk.incubator.vector",
           "-J-Djava.util.prefs.userRoot=" + str(OUT / "prefs"), "--class-path", str(JAR), "--feedback", "normal",
           str(script)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    (OUT / "jshell.log").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    problems = [f"jshell: {line}" for line in proc.stderr.splitlines() if FAILURE.match(line)]
    done = len(re.findall(r"^README-SNIPPET-\d+-DONE$", proc.stdout, re.MULTILINE))
    if done != len(blocks):
        problems.append(f"jshell finished {done} of {len(blocks)} java blocks (exit {proc.returncode})")
    if problems:
        problems.append(f"the whole session is in {(OUT / 'jshell.log').relative_to(ROOT)}")
    return problems


def main():
    if not JAR.is_file():
        print(f"readme-check: {JAR.relative_to(ROOT)} is missing: build it first (mvn -B -q package -DskipTests)")
        return 2
    text = README.read_text()
    failed = 0
    for name, check in (("two set-up commands, the second run by .ci/run", setup_commands),
                        ("--save file names as in train --help", save_names),
                        ("java blocks run in jshell", java_snippets)):
        problems = check(text)
        failed += bool(problems)
        print(f"readme-check: {name}: " + ("ok" if not problems else "FAILED"), flush=True)
        for p in problems:
            print("  " + p)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
