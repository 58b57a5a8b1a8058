#!/usr/bin/env python3
"""A lean Python verifier of the Manufactoria rules (spec manufactoria.md §2-§7), written for the
benchmark baseline: JSON Lines of /test_solution bodies in, the reference 200 bodies out."""
import json
import re
import sys

DECL = re.compile(r"^(START|END|PULLER_RB|PULLER_YG|PAINTER_RED|PAINTER_BLUE|PAINTER_YELLOW|PAINTER_GREEN)\s+(\w+):?\s*(?:#.*)?$")
PULL = re.compile(r"^\[([RBYG]|EMPTY)\]\s+(\w+)\s*(?:#.*)?$")
NEXT = re.compile(r"^NEXT\s+(\w+)\s*(?:#.*)?$")
VALID = {"PULLER_RB": {"R", "B", "EMPTY"}, "PULLER_YG": {"Y", "G", "EMPTY"}}
PAINT = {"PAINTER_RED": "R", "PAINTER_BLUE": "B", "PAINTER_YELLOW": "Y", "PAINTER_GREEN": "G"}
TRIGGERS = set(".+*?|()")


class ParseError(Exception):
    def __init__(self, message, line=None):
        super().__init__(f"Line {line}: {message}" if line else message)


def parse(text):
    lines = text.strip().split("\n")
    if lines and lines[0].strip() == "```":
        lines = lines[1:]
    if lines and lines[-1].strip() == "```":
        lines = lines[:-1]
    work = [(l, n) for n, l in enumerate(lines, 1) if l.strip() and not l.strip().startswith("#")]
    if not work:
        raise ParseError("Empty program")
    nodes, has_start, has_end, i = {}, False, False, 0
    while i < len(work):
        raw, num = work[i]
        m = DECL.match(raw.strip())
        if not m:
            raise ParseError(f"Invalid node declaration: {raw.strip()}", num)
        kind, nid = m.groups()
        colon = ":" in raw.split("#")[0]
        if kind == "END" and colon:
            raise ParseError("END nodes should not have a colon", num)
        if kind != "END" and not colon:
            raise ParseError(f"{kind} nodes must have a colon", num)
        if nid in nodes:
            raise ParseError(f"Duplicate node ID: {nid}", num)
        if kind == "START":
            if nid != "start":
                raise ParseError("START node must have ID 'start'", num)
            has_start = True
        elif kind == "END":
            if nid != "end":
                raise ParseError("END node must have ID 'end'", num)
            has_end = True
        routes, i = [], i + 1
        while i < len(work) and (work[i][0].startswith("    ") or work[i][0].startswith("\t")):
            line, rnum = work[i][0].strip(), work[i][1]
            if kind == "END":
                raise ParseError("END nodes cannot have routes", rnum)
            if kind in VALID:
                r = PULL.match(line)
                if not r:
                    raise ParseError(f"Invalid puller route format: {line}", rnum)
                routes.append((r.group(1), r.group(2)))
            else:
                r = NEXT.match(line)
                if not r:
                    raise ParseError(f"Invalid NEXT route format: {line}", rnum)
                routes.append((None, r.group(1)))
            i += 1
        if kind == "START" and len(routes) != 1:
            raise ParseError("START node must have exactly one NEXT route", num)
        if kind in VALID:
            for cond, _ in routes:
                if cond not in VALID[kind]:
                    raise ParseError(f"Invalid condition '{cond}' for {kind}", num)
        if kind in PAINT and len(routes) != 1:
            raise ParseError("PAINTER nodes must have exactly one NEXT route", num)
        nodes[nid] = (kind, routes, num)
    if not has_start:
        raise ParseError("Program must have a START node")
    if not has_end:
        raise ParseError("Program must have an END node")
    for nid, (_, routes, num) in nodes.items():
        for _, target in routes:
            if target not in ("NONE", "END") and target not in nodes:
                raise ParseError(f"Node '{nid}' references undefined node '{target}'", num)
    # Compile: per node, a dict from condition (or None) to the first target routed for it.
    table = {}
    for nid, (kind, routes, _) in nodes.items():
        first = {}
        for cond, target in routes:
            first.setdefault(cond, target)
        table[nid] = (kind, first)
    return table


def run(table, tape):
    path, nid, head = [], "start", 0
    for _ in range(1000):
        path.append(nid)
        if nid == "NONE":
            return False, tape[head:], path, "Routed to NONE"
        if nid == "end":
            return True, tape[head:], path, None
        node = table.get(nid)
        if node is None:
            return False, tape[head:], path, f"Unknown node: {nid}"
        kind, first = node
        if kind in PAINT:
            tape += PAINT[kind]
            nid = first[None]
        elif kind == "START":
            nid = first[None]
        else:
            front = tape[head] if head < len(tape) else None
            if front is not None and front in VALID[kind] and front != "EMPTY":
                head += 1
                nid = first.get(front, "NONE")
            else:
                nid = first.get("EMPTY", "NONE")
    return False, tape[head:], path, "Maximum iterations exceeded (possible infinite loop)"


def output_ok(expected, actual):
    if TRIGGERS.isdisjoint(expected):
        return actual == expected
    try:
        return re.fullmatch(expected, actual) is not None
    except re.error:
        return actual == expected


def answer(body):
    tests = [dict({"expected_output": "", "expected_accepted": True, "check_output": True, "description": ""}, **t) for t in body["test_cases"]]
    try:
        table = parse(body["dsl"])
    except ParseError as error:
        return {"valid": False, "all_passed": False, "message": f"DSL Parse Error: {error}", "results": []}
    results = []
    for t in tests:
        finished, final, path, reason = run(table, t["input"])
        if t["check_output"]:
            passed = (output_ok(t["expected_output"], final) and finished) == t["expected_accepted"]
        else:
            passed = finished == t["expected_accepted"]
        results.append({"input": t["input"], "expected_output": t["expected_output"], "actual_output": final,
                        "expected_accepted": t["expected_accepted"], "actual_accepted": finished,
                        "check_output": t["check_output"], "passed": passed, "path": path,
                        "rejection_reason": reason, "description": t["description"]})
    return {"valid": True, "all_passed": all(r["passed"] for r in results), "results": results}


def main():
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    out = sys.stdout
    for line in source:
        if line.strip():
            out.write(json.dumps(answer(json.loads(line)), ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
