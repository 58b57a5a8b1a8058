#!/usr/bin/env python3
"""Lean single-file Manufactoria verifier: the Python baseline for DELTA Studio's benchmark.

Reads JSON Lines of POST /test_solution request bodies (stdin, or the file named as the first
argument) and writes, one line per request, the body the reference server would answer with:
compact JSON, non-ASCII unescaped, keys in the reference's order. It follows the behaviour contract
(spec sections 2-7): same parse errors and line numbers, same 1000-step interpreter, same pass rule.
Validation is a small stand-in for pydantic's lax mode; it covers well-formed and common malformed
input (missing fields, wrong string types, lax booleans, numbers), answering those with a 422-style
{"detail": [...]} body.
"""
import json
import re
import sys

MAX_STEPS = 1000

DECLARATION = re.compile(
    r'(START|END|PULLER_RB|PULLER_YG|PAINTER_RED|PAINTER_BLUE|PAINTER_YELLOW|PAINTER_GREEN)\s+(\w+):?\s*(?:#.*)?$')
PULLER_ROUTE = re.compile(r'\[([RBYG]|EMPTY)\]\s+(\w+|NONE|END)\s*(?:#.*)?$')
NEXT_ROUTE = re.compile(r'NEXT\s+(\w+|NONE|END)\s*(?:#.*)?$')
REGEX_TRIGGER = re.compile(r'[.+*?|()]')

PAINT = {'PAINTER_RED': 'R', 'PAINTER_BLUE': 'B', 'PAINTER_YELLOW': 'Y', 'PAINTER_GREEN': 'G'}
PULLER_PAIRS = {'PULLER_RB': ('R', 'B'), 'PULLER_YG': ('Y', 'G')}

# Compiled nodes are lists holding each successor as (id, node) so a run never looks ids up:
# [START, next id, next node], [PAINTER, colour, next id, next node],
# [PULLER, colour a, id, node, colour b, id, node, empty id, empty node].
# The node of 'NONE', 'end' and undeclared ids is None; the id then says which terminal it is.
START, PAINTER, PULLER = 0, 1, 2
STEPS = range(MAX_STEPS)


class ParseError(Exception):
    def __init__(self, message, line=None):
        super().__init__(f'Line {line}: {message}' if line is not None else message)


def program_lines(dsl):
    """Numbered lines that carry content (spec section 2)."""
    lines = dsl.strip().split('\n')
    if lines and lines[0].strip() == '```':
        lines = lines[1:]
    if lines and lines[-1].strip() == '```':
        lines = lines[:-1]
    kept = []
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if stripped and not stripped.startswith('#'):
            kept.append((number, raw, stripped))
    if not kept:
        raise ParseError('Empty program')
    return kept


def parse(dsl):
    """The compiled START node, or ParseError with the reference's first error (spec sections 3-4)."""
    lines = program_lines(dsl)
    declared = {}  # id -> (kind, routes, line), in declaration order
    i, count = 0, len(lines)
    while i < count:
        number, raw, stripped = lines[i]
        match = DECLARATION.match(stripped)
        if not match:
            raise ParseError(f'Invalid node declaration: {stripped}', number)
        kind, node_id = match.group(1), match.group(2)
        has_colon = ':' in raw.split('#', 1)[0]
        if kind == 'END':
            if has_colon:
                raise ParseError('END nodes should not have a colon', number)
        elif not has_colon:
            raise ParseError(f'{kind} nodes must have a colon', number)
        if node_id in declared:
            raise ParseError(f'Duplicate node ID: {node_id}', number)
        if kind == 'START' and node_id != 'start':
            raise ParseError("START node must have ID 'start'", number)
        if kind == 'END' and node_id != 'end':
            raise ParseError("END node must have ID 'end'", number)
        routes = []
        i += 1
        while i < count and (lines[i][1].startswith('    ') or lines[i][1].startswith('\t')):
            routes.append(parse_route(kind, lines[i]))
            i += 1
        check_routes(kind, routes, number)
        declared[node_id] = (kind, routes, number)
    if 'start' not in declared or declared['start'][0] != 'START':
        raise ParseError('Program must have a START node')
    if not any(kind == 'END' for kind, _, _ in declared.values()):
        raise ParseError('Program must have an END node')
    for node_id, (kind, routes, number) in declared.items():
        for _, target in routes:
            if target != 'NONE' and target != 'END' and target not in declared:
                raise ParseError(f"Node '{node_id}' references undefined node '{target}'", number)
    return link(declared)


def parse_route(kind, line):
    number, _, stripped = line
    if kind == 'END':
        raise ParseError('END nodes cannot have routes', number)
    if kind in PULLER_PAIRS:
        match = PULLER_ROUTE.match(stripped)
        if not match:
            raise ParseError(f'Invalid puller route format: {stripped}', number)
        return match.group(1), match.group(2)
    match = NEXT_ROUTE.match(stripped)
    if not match:
        raise ParseError(f'Invalid NEXT route format: {stripped}', number)
    return 'NEXT', match.group(1)


def check_routes(kind, routes, number):
    if kind == 'START' and len(routes) != 1:
        raise ParseError('START node must have exactly one NEXT route', number)
    if kind in PULLER_PAIRS:
        allowed = PULLER_PAIRS[kind] + ('EMPTY',)
        for condition, _ in routes:
            if condition not in allowed:
                raise ParseError(f"Invalid condition '{condition}' for {kind}", number)
    if kind in PAINT and len(routes) != 1:
        raise ParseError('PAINTER nodes must have exactly one NEXT route', number)


def link(declared):
    """The START node, compiled, with every successor resolved to its node."""
    compiled = {}
    for node_id, (kind, routes, _) in declared.items():
        if kind == 'START':
            compiled[node_id] = [START, routes[0][1], None]
        elif kind in PAINT:
            compiled[node_id] = [PAINTER, PAINT[kind], routes[0][1], None]
        elif kind in PULLER_PAIRS:
            first = {}
            for condition, target in routes:
                first.setdefault(condition, target)  # the first matching route wins
            a, b = PULLER_PAIRS[kind]
            compiled[node_id] = [PULLER, a, first.get(a, 'NONE'), None, b, first.get(b, 'NONE'), None, first.get('EMPTY', 'NONE'), None]

    def resolve(target):
        return None if target in ('NONE', 'end') else compiled.get(target)

    for node in compiled.values():
        for slot in ((2,) if node[0] == START else (3,) if node[0] == PAINTER else (3, 6, 8)):
            node[slot] = resolve(node[slot - 1])
    return compiled['start']


def run(start, tape):
    """(finished, final_tape, path, rejection_reason) per spec section 5, from the START node."""
    cells = list(tape)
    head, size = 0, len(cells)
    path = []
    step = path.append
    node_id, node = 'start', start
    puller, painter = PULLER, PAINTER  # locals are cheaper than globals in the hot loop
    for _ in STEPS:
        step(node_id)
        if node is None:
            final = ''.join(cells[head:])
            if node_id == 'NONE':
                return False, final, path, 'Routed to NONE'
            if node_id == 'end':
                return True, final, path, None
            return False, final, path, f'Unknown node: {node_id}'
        kind = node[0]
        if kind == puller:
            symbol = cells[head] if head < size else None
            if symbol == node[1]:
                head += 1
                node_id, node = node[2], node[3]
            elif symbol == node[4]:
                head += 1
                node_id, node = node[5], node[6]
            else:  # empty tape, or a symbol of the other pair: nothing is consumed
                node_id, node = node[7], node[8]
        elif kind == painter:
            cells.append(node[1])
            size += 1
            node_id, node = node[2], node[3]
        else:
            node_id, node = node[1], node[2]
    return False, ''.join(cells[head:]), path, 'Maximum iterations exceeded (possible infinite loop)'


_patterns = {}


def output_matches(expected, actual):
    if not REGEX_TRIGGER.search(expected):
        return actual == expected
    compiled = _patterns.get(expected)
    if compiled is None:
        try:
            compiled = re.compile(expected)
        except re.error:
            compiled = False  # Python cannot compile it: compare literally
        _patterns[expected] = compiled
    if compiled is False:
        return actual == expected
    return compiled.fullmatch(actual) is not None


def check(program, tape, expected_output, expected_accepted, check_output, description):
    """One test case's result dict, keys in the reference's order (spec section 7.2)."""
    finished, final_tape, path, reason = run(program, tape)
    if check_output:
        passed = (output_matches(expected_output, final_tape) and finished) == expected_accepted
    else:
        passed = finished == expected_accepted
    return {
        'input': tape, 'expected_output': expected_output, 'actual_output': final_tape,
        'expected_accepted': expected_accepted, 'actual_accepted': finished, 'check_output': check_output,
        'passed': passed, 'path': path, 'rejection_reason': reason, 'description': description,
    }


def parse_error_answer(error):
    return {'valid': False, 'all_passed': False, 'message': f'DSL Parse Error: {error}', 'results': []}


def unexpected_error_answer(error):
    return {'valid': False, 'all_passed': False, 'message': f'Unexpected error: {error}', 'results': []}


def respond(request):
    try:
        program = parse(request['dsl'])
    except ParseError as error:
        return parse_error_answer(error)
    results = [check(program, case['input'], case['expected_output'], case['expected_accepted'], case['check_output'], case['description'])
               for case in request['test_cases']]
    return {'valid': True, 'all_passed': all(result['passed'] for result in results), 'results': results}


# ---- lax validation (a stand-in for pydantic v2 lax mode) --------------------------------------

TRUE_WORDS = {'1', 'on', 't', 'true', 'y', 'yes'}
FALSE_WORDS = {'0', 'off', 'f', 'false', 'n', 'no'}
CASE_DEFAULTS = (('expected_output', str, ''), ('expected_accepted', bool, True),
                 ('check_output', bool, True), ('description', str, ''))


def lax_bool(value, loc, errors):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in TRUE_WORDS | FALSE_WORDS:
        return value.lower() in TRUE_WORDS
    if isinstance(value, (str, int, float)):
        errors.append({'type': 'bool_parsing', 'loc': loc, 'msg': 'Input should be a valid boolean, unable to interpret input', 'input': value})
    else:
        errors.append({'type': 'bool_type', 'loc': loc, 'msg': 'Input should be a valid boolean', 'input': value})
    return None


def strict_str(value, loc, errors):
    if isinstance(value, str):
        return value
    errors.append({'type': 'string_type', 'loc': loc, 'msg': 'Input should be a valid string', 'input': value})
    return None


def validate(body):
    """(request, None) with defaults applied, or (None, 422 body)."""
    errors = []
    if not isinstance(body, dict):
        return None, {'detail': [{'type': 'model_attributes_type', 'loc': ['body'], 'msg': 'Input should be a valid dictionary or object to extract fields from', 'input': body}]}
    request = {}
    if 'dsl' in body:
        request['dsl'] = strict_str(body['dsl'], ['body', 'dsl'], errors)
    else:
        errors.append({'type': 'missing', 'loc': ['body', 'dsl'], 'msg': 'Field required', 'input': body})
    cases = body.get('test_cases')
    if 'test_cases' not in body:
        errors.append({'type': 'missing', 'loc': ['body', 'test_cases'], 'msg': 'Field required', 'input': body})
    elif not isinstance(cases, list):
        errors.append({'type': 'list_type', 'loc': ['body', 'test_cases'], 'msg': 'Input should be a valid list', 'input': cases})
    else:
        request['test_cases'] = [validate_case(case, index, errors) for index, case in enumerate(cases)]
    if 'max_execution_time' in body:
        validate_float(body['max_execution_time'], errors)
    if errors:
        return None, {'detail': errors}
    return request, None


def validate_case(case, index, errors):
    loc = ['body', 'test_cases', index]
    if not isinstance(case, dict):
        errors.append({'type': 'model_attributes_type', 'loc': loc, 'msg': 'Input should be a valid dictionary or object to extract fields from', 'input': case})
        return None
    result = {}
    if 'input' in case:
        result['input'] = strict_str(case['input'], loc + ['input'], errors)
    else:
        errors.append({'type': 'missing', 'loc': loc + ['input'], 'msg': 'Field required', 'input': case})
    for name, kind, default in CASE_DEFAULTS:
        if name not in case:
            result[name] = default
        elif kind is str:
            result[name] = strict_str(case[name], loc + [name], errors)
        else:
            result[name] = lax_bool(case[name], loc + [name], errors)
    return result


def validate_float(value, errors):
    loc = ['body', 'max_execution_time']
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return
    if isinstance(value, str):
        try:
            float(value)
            return
        except ValueError:
            errors.append({'type': 'float_parsing', 'loc': loc, 'msg': 'Input should be a valid number, unable to parse string as a number', 'input': value})
            return
    if not isinstance(value, bool):
        errors.append({'type': 'float_type', 'loc': loc, 'msg': 'Input should be a valid number', 'input': value})


def answer(line):
    request, rejection = validate(json.loads(line))
    if rejection is not None:
        return rejection
    try:
        return respond(request)
    except Exception as error:  # the reference reports any other failure in the body
        return unexpected_error_answer(error)


def main():
    source = open(sys.argv[1], 'rb') if len(sys.argv) > 1 else sys.stdin.buffer
    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(',', ':')).encode
    try:
        for line in source:
            if line.strip():
                out.write(dumps(answer(line)))
                out.write('\n')
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()


if __name__ == '__main__':
    main()
