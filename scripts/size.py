#!/usr/bin/env python3
"""Main Java code size: non-blank, non-comment lines per package and in all (the figure the README tracks).

A line counts when any character of it lies outside a comment and is not white space; string literals and text
blocks are skipped over so that a "//" or "/*" inside them does not start a comment.
Usage: python3 scripts/size.py [source root, default src/main/java]"""
import sys
from collections import defaultdict
from pathlib import Path


def code_lines(text):
    """Number of lines of text that hold code outside comments."""
    counted, has_code = 0, False
    i, n, state = 0, len(text), "code"  # code, line, block, string, char, text
    while i < n:
        c, nxt = text[i], text[i + 1 : i + 2]
        if c == "\n":
            counted += has_code
            has_code = False
            if state == "line":
                state = "code"
            i += 1
            continue
        if state == "code":
            if c == "/" and nxt == "/":
                state, i = "line", i + 2
                continue
            if c == "/" and nxt == "*":
                state, i = "block", i + 2
                continue
            if not c.isspace():
                has_code = True
            if text.startswith('"""', i):
                state, i = "text", i + 3
                continue
            if c == '"':
                state = "string"
            elif c == "'":
                state = "char"
        elif state == "block":
            if c == "*" and nxt == "/":
                state, i = "code", i + 2
                continue
        elif state in ("string", "char", "text"):
            has_code = True
            if c == "\\":
                i += 2
                continue
            if state == "text" and text.startswith('"""', i):
                state, i = "code", i + 3
                continue
            if (state == "string" and c == '"') or (state == "char" and c == "'"):
                state = "code"
        i += 1
    return counted + has_code


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "src/main/java")
    code, total, files = defaultdict(int), defaultdict(int), defaultdict(int)
    for path in sorted(root.rglob("*.java")):
        package = ".".join(path.parent.relative_to(root).parts)
        text = path.read_text(encoding="utf-8")
        code[package] += code_lines(text)
        total[package] += text.count("\n") + (not text.endswith("\n") and text != "")
        files[package] += 1
    print(f"{'package':<28} {'files':>5} {'code':>6} {'all':>6}")
    for package in sorted(code, key=lambda p: -code[p]):
        print(f"{package:<28} {files[package]:>5} {code[package]:>6} {total[package]:>6}")
    print(f"{'total':<28} {sum(files.values()):>5} {sum(code.values()):>6} {sum(total.values()):>6}")


if __name__ == "__main__":
    main()
