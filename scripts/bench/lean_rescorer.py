#!/usr/bin/env python3
"""Lean rollout re-scorer: the Python baseline and the differential-test oracle of `delta rollouts score`.

Reads plain JSON Lines rollouts (`response`, `ground_truth`, optional `finish_reason`, `id`, `step`,
`sample`) from the file named as the first argument (or stdin) and writes one JSON line per rollout:
pass_rate, all_pass, error class, truncated, passed, total and the extracted program, with the
semantics written in docs/rollouts.md: extraction (last ```manufactoria fence, stripped; whole
response when none), label handling (JSON string decoded; non-list, empty or rejected labels score
0 as invalid_label), the verdict of lean_verifier.py (same directory), and the error class of the
first failing test. With --summary it prints per-step aggregates instead (what the bench times).
Like `delta rollouts` it validates each label once and parses each program once; with --memo it
also keeps the verdict of each (program, label) pair, as delta does by default (its verdict memo),
so the bench compares like with like.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lean_verifier import ParseError, check, parse, validate  # noqa: E402

FENCE = re.compile(r'```(?:manufactoria)?(.*?)```', re.DOTALL)
CUT = {'length', 'max_tokens', 'max_length', 'truncated'}


def extract(response):
    blocks = FENCE.findall(response)
    return blocks[-1].strip() if blocks else response


def failure_kind(result):
    if not result['expected_accepted']:
        return 'wrong_accept'
    if result['actual_accepted']:
        return 'wrong_output'
    reason = result['rejection_reason'] or ''
    if reason.startswith('Routed to NONE'):
        return 'routed_to_none'
    if reason.startswith('Unknown node'):
        return 'unknown_node'
    return 'max_iterations'


# What `delta rollouts` keeps between rows, kept here too so that both do the same work: each
# label's validated test cases (delta's test plans) and each program's parse (delta's compile
# cache); every program still runs on every test. With --memo, the verdict of each (program,
# label) pair as well (delta's verdict memo). Labels are keyed by value: a JSON-string label by its
# text, a list by its test cases' items (equal keys mean equal labels, which validate alike).
PLANS = {}
PROGRAMS = {}
MEMO = {}


def label_key(label):
    if isinstance(label, str):
        return label
    if isinstance(label, list):
        try:
            key = tuple(tuple(case.items()) if isinstance(case, dict) else case for case in label)
            hash(key)
            return key
        except TypeError:  # a nested list or object: not kept
            return None
    return None


def rescore(row, memo=False):
    program = extract(row['response'])
    truncated = row.get('finish_reason') in CUT
    label = row.get('ground_truth')
    key = label_key(label)
    if not memo or key is None:
        return verdict_of(program, label, key, truncated)
    hit = MEMO.get((program, key))
    if hit is None:
        hit = MEMO[program, key] = verdict_of(program, label, key, False)
    return dict(hit, truncated=truncated)


def plan_of(label):
    """The label's test cases as the verifier validates them, or None when it scores 0 without a run."""
    if isinstance(label, str):
        try:
            label = json.loads(label)
        except ValueError:
            return None
    if not isinstance(label, list) or not label:
        return None
    request, rejection = validate({'dsl': '', 'test_cases': label, 'max_execution_time': 1.0})
    return None if rejection is not None else request['test_cases']


def verdict_of(program, label, key, truncated):
    out = {'pass_rate': 0.0, 'all_pass': 0, 'error': 'invalid_label', 'passed': 0, 'total': 0, 'program': program,
           'truncated': truncated}
    if key is None:
        cases = plan_of(label)
    elif key in PLANS:
        cases = PLANS[key]
    else:
        cases = PLANS[key] = plan_of(label)
    if cases is None:
        return out
    compiled = PROGRAMS.get(program)
    if compiled is None:
        try:
            compiled = parse(program)
        except ParseError as error:
            compiled = error
        PROGRAMS[program] = compiled
    if isinstance(compiled, ParseError):
        out['error'] = 'parse_error'
        return out
    try:
        results = [check(compiled, case['input'], case['expected_output'], case['expected_accepted'], case['check_output'], case['description'])
                   for case in cases]
    except Exception:  # the reference's catch-all counts as an unusable label
        return out
    passed = sum(1 for r in results if r['passed'])
    out['passed'], out['total'] = passed, len(results)
    out['pass_rate'] = passed / len(results) if results else 0.0
    out['all_pass'] = 1 if all(r['passed'] for r in results) else 0
    failing = next((r for r in results if not r['passed']), None)
    out['error'] = failure_kind(failing) if failing else None
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    summary = '--summary' in sys.argv
    memo = '--memo' in sys.argv
    source = open(args[0], 'rb') if args else sys.stdin.buffer
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(',', ':')).encode
    steps = {}
    out = sys.stdout
    for line in source:
        if not line.strip():
            continue
        row = json.loads(line)
        scored = rescore(row, memo)
        if summary:
            s = steps.setdefault(row.get('step'), [0, 0, 0.0, {}])
            s[0] += 1
            s[1] += scored['all_pass']
            s[2] += scored['pass_rate']
            if scored['error']:
                s[3][scored['error']] = s[3].get(scored['error'], 0) + 1
        else:
            out.write(dumps(scored))
            out.write('\n')
    if summary:
        for step, (n, c, rate, errors) in sorted(steps.items(), key=lambda kv: (kv[0] is None, kv[0])):
            out.write(dumps({'step': step, 'n': n, 'c': c, 'mean_pass_rate': rate / n, 'errors': errors}) + '\n')


if __name__ == '__main__':
    main()
