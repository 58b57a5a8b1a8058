#!/usr/bin/env python3
"""Writes test/fixtures/verifier-http/cases.json: raw request bytes -> the reference servers' answer.

The reference is FastAPI 0.115.12 / pydantic 2.11.5 (pydantic-core 2.33.2) / Starlette 0.46.2 /
uvicorn 0.34.3 with httptools, which cannot be installed here. This script models the request path
those versions take for the two verifier apps (docs/verifier-http.md says which source each rule
comes from) and leaves everything Python itself decides to this interpreter's own modules: json
decoding errors and positions, json.dumps with allow_nan=False, float repr, utf-8 encoding of the
answer, email.message's Content-Type parsing, urllib's unquote/quote, re's `$`. The 200 bodies of
/test_solution come from scripts/bench/lean_verifier.py (the reference's parser and interpreter).

Run: python3 scripts/verifier-http/make_fixtures.py  (CPython 3.11, as the reference deployment)
"""
import base64
import email.message
import json
import math
import os
import pickle
import re
import sys
import urllib.parse
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'bench'))
import lean_verifier  # noqa: E402

OUT = os.path.join(HERE, '..', '..', 'test', 'fixtures', 'verifier-http', 'cases.json')

MISSING = object()


class Answer:
    def __init__(self, status, headers, body, close=False):
        self.status, self.headers, self.body, self.close = status, headers, body, close


def render(content):
    """starlette JSONResponse.render"""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(',', ':')).encode('utf-8')


def json_response(status, content, extra=()):
    try:
        body = render(content)
    except (ValueError, UnicodeEncodeError):
        return internal_error()
    return Answer(status, list(extra) + [('content-length', str(len(body))), ('content-type', 'application/json')], body)


def internal_error():
    body = b'Internal Server Error'
    return Answer(500, [('content-length', '21'), ('content-type', 'text/plain; charset=utf-8')], body, close=True)


def jsonable(value):
    """fastapi.encoders.jsonable_encoder for the values that occur here (sqlalchemy_safe=True drops `_sa*` keys)."""
    if isinstance(value, bytes):
        return value.decode()  # may raise UnicodeDecodeError -> 500
    if isinstance(value, dict):
        return {jsonable(k): jsonable(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith('_sa'))}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def validation_error(errors):
    try:
        detail = jsonable(errors)
    except UnicodeDecodeError:
        return internal_error()
    return json_response(422, {'detail': detail})


# ---- pydantic-core 2.33.2 lax rules for Python input (src/input/input_python.rs, shared.rs) ----
RUST_WS = '\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'
RUST_FLOAT = re.compile(r'[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\Z', re.I | re.A)


def err(kind, msg, value):
    return {'type': kind, 'msg': msg, 'input': value}


def v_str(value):
    if isinstance(value, str):
        return value, None
    return None, err('string_type', 'Input should be a valid string', value)


def float_as_int(f):
    if math.isinf(f) or math.isnan(f) or f % 1 != 0 or not (-2.0 ** 63 < f < 2.0 ** 63):
        return None
    return int(f)


def v_bool(value):
    if isinstance(value, bool):
        return value, None
    parsing = err('bool_parsing', 'Input should be a valid boolean, unable to interpret input', value)
    if isinstance(value, str):
        low = value.lower() if value.isascii() else None
        if value == '0' or low in ('f', 'n', 'no', 'off', 'false'):
            return False, None
        if value == '1' or low in ('t', 'y', 'on', 'yes', 'true'):
            return True, None
        return None, parsing
    if isinstance(value, int) and -2 ** 63 <= value < 2 ** 63:
        return (value == 1, None) if value in (0, 1) else (None, parsing)
    if isinstance(value, (int, float)):
        try:
            n = float_as_int(float(value))
        except OverflowError:
            n = None
        if n is not None:
            return (n == 1, None) if n in (0, 1) else (None, parsing)
    return None, err('bool_type', 'Input should be a valid boolean', value)


def rust_float(text):
    return float(text) if RUST_FLOAT.match(text) else None


def v_float(value):
    if isinstance(value, str):
        f = rust_float(value.strip(RUST_WS))
        if f is None and '_' in value and not value.startswith('_') and not value.endswith('_') and '__' not in value:
            f = rust_float(value.replace('_', ''))
        if f is None:
            return None, err('float_parsing', 'Input should be a valid number, unable to parse string as a number', value)
        return f, None
    if isinstance(value, (bool, float)):
        return float(value), None
    if isinstance(value, int):
        try:
            return float(value), None
        except OverflowError:
            pass
    return None, err('float_type', 'Input should be a valid number', value)


def model(value, loc, fields, errors):
    if not isinstance(value, dict):
        errors.append({'type': 'model_attributes_type', 'loc': loc, 'msg': 'Input should be a valid dictionary or object to extract fields from', 'input': value})
        return None
    out = {}
    for name, check, default in fields:
        if name not in value:
            if default is MISSING:
                errors.append({'type': 'missing', 'loc': loc + [name], 'msg': 'Field required', 'input': value})
            else:
                out[name] = default
            continue
        got, problem = check(value[name], loc + [name], errors)
        if problem:
            errors.append({'type': problem['type'], 'loc': loc + [name], 'msg': problem['msg'], 'input': problem['input']})
        out[name] = got
    return out


def leaf(validator):
    return lambda value, loc, errors: validator(value)


TEST_CASE = [('input', leaf(v_str), MISSING), ('expected_output', leaf(v_str), ''), ('expected_accepted', leaf(v_bool), True),
             ('check_output', leaf(v_bool), True), ('description', leaf(v_str), '')]


def v_cases(value, loc, errors):
    if not isinstance(value, list):
        return None, err('list_type', 'Input should be a valid list', value)
    return [model(item, loc + [i], TEST_CASE, errors) for i, item in enumerate(value)], None


SOLUTION_REQUEST = [('dsl', leaf(v_str), MISSING), ('test_cases', v_cases, MISSING), ('max_execution_time', leaf(v_float), 1.0)]
PROGRAM_REQUEST = [('program', leaf(v_str), MISSING), ('tests', lambda v, l, e: (v, None), MISSING), ('max_execution_time', leaf(v_float), 1.0)]


# ---- FastAPI 0.115.12 routing.get_request_handler: the body stage ----
class Failed(Exception):
    def __init__(self, answer):
        self.answer = answer


def body_value(headers, body):
    if not body:
        return None
    ctype = headers.get('content-type')
    parse = not ctype
    if ctype:
        message = email.message.Message()
        message['content-type'] = ctype
        if message.get_content_maintype() == 'application':
            sub = message.get_content_subtype()
            parse = sub == 'json' or sub.endswith('+json')
    if not parse:
        return body
    try:
        return json.loads(body)
    except json.JSONDecodeError as e:
        raise Failed(validation_error([{'type': 'json_invalid', 'loc': ['body', e.pos], 'msg': 'JSON decode error', 'input': {}, 'ctx': {'error': e.msg}}]))
    except Exception:
        raise Failed(json_response(400, {'detail': 'There was an error parsing the body'}))


def validate(value, fields):
    if value is None:
        raise Failed(validation_error([{'type': 'missing', 'loc': ['body'], 'msg': 'Field required', 'input': None}]))
    errors = []
    out = model(value, ['body'], fields, errors)
    if errors:
        raise Failed(validation_error(errors))
    return out


def test_solution(headers, body):
    request = validate(body_value(headers, body), SOLUTION_REQUEST)
    request['test_cases'] = [dict(c) for c in request['test_cases']]
    try:
        content = lean_verifier.respond(request)
    except Exception as error:
        content = {'valid': False, 'all_passed': False, 'message': f'Unexpected error: {error}', 'results': []}
    return json_response(200, content)


def decode_tests(tests):
    """ballsim_utils.decode_tests, with pickle restricted to builtins (the fixtures only pickle lists of str)."""
    if not tests:
        return []
    if isinstance(tests, list):
        return tests
    if isinstance(tests, str):
        try:
            return json.loads(tests)
        except json.JSONDecodeError:
            try:
                return pickle.loads(zlib.decompressobj().decompress(base64.b64decode(tests.encode('utf-8'))))
            except Exception:
                return []
    return []


UNSAFE = ['threading', 'multiprocess', 'multiprocessing', 'import os', 'from os', 'shutil', 'import torch', 'from torch', 'import sklearn', 'from sklearn']


def test_program(headers, body, stdio):
    request = validate(body_value(headers, body), PROGRAM_REQUEST)
    try:
        tests = decode_tests(request['tests'])
        n = len(tests)
        if n == 0:
            return json_response(200, {'results': [], 'runtimes': []})
        if stdio and n > 1000:
            raise IndexError('invalid index')
        if any(u in request['program'] for u in UNSAFE) or stdio:
            return json_response(200, {'results': [0] * n, 'runtimes': [-1.0] * n})
        raise RuntimeError('fixture would run Python')
    except RuntimeError:
        raise
    except Exception as e:
        return json_response(500, {'detail': str(e)})


# ---- uvicorn 0.34.3 (httptools) + Starlette 0.46.2 routing ----
# FastAPI's doc routes are Starlette Routes of functions: {'GET', 'HEAD'} (a set, whose order in `allow`
# varies per process in the reference; the fixtures use GET, HEAD). Its APIRoutes get no HEAD.
DOCS = ['GET', 'HEAD']
ROUTES = [('/openapi.json', DOCS), ('/docs', DOCS), ('/docs/oauth2-redirect', DOCS), ('/redoc', DOCS),
          ('/health', {'GET'}), ('/test_solution', {'POST'}), ('/test_program', {'POST'}), ('/test_program_stdio', {'POST'})]


def route_matches(path_text, candidate):
    return re.match('^' + re.escape(path_text) + '$', candidate) is not None


def answer(raw):
    head, _, rest = raw.partition(b'\r\n\r\n')
    lines = head.split(b'\r\n')
    method, target, version = lines[0].split(b' ')
    headers = {}
    raw_headers = []
    for line in lines[1:]:
        name, _, value = line.partition(b':')
        name = name.lower().decode('latin-1')
        value = value.strip(b' \t').decode('latin-1')
        raw_headers.append((name, value))
        headers.setdefault(name, value)
    body = rest[:int(headers.get('content-length', '0'))]
    path_bytes, _, query = target.partition(b'?')
    path = path_bytes.decode('ascii')  # a non-ASCII path is uvicorn's 400, written by hand in CASES
    if '%' in path:
        path = urllib.parse.unquote(path)
    method = method.decode()
    partial = None
    for route_path, methods in ROUTES:
        if route_matches(route_path, path):
            if methods is None or method in methods:
                name = route_path
                break
            partial = partial or methods
    else:
        name = None
    if name is None and partial:
        return json_response(405, {'detail': 'Method Not Allowed'}, [('allow', ', '.join(partial))])
    if name is None:
        other = path.rstrip('/') if path.endswith('/') else path + '/'
        if path != '/' and any(route_matches(p, other) for p, _ in ROUTES):
            url = f"http://{headers['host']}{other}"
            if query:
                try:
                    url += '?' + query.decode()
                except UnicodeDecodeError:
                    return internal_error()
            location = urllib.parse.quote(url, safe=":/%#?=@[]!$&'()*+,;")
            return Answer(307, [('content-length', '0'), ('location', location)], b'')
        return json_response(404, {'detail': 'Not Found'})
    try:
        if name == '/health':
            return json_response(200, {'status': 'healthy'})
        if name == '/test_solution':
            return test_solution(headers, body)
        if name in ('/test_program', '/test_program_stdio'):
            return test_program(headers, body, name.endswith('stdio'))
    except Failed as failed:
        return failed.answer
    raise ValueError(f'no model for {name}')


def http_request(method, path, body=b'', content_type='application/json', extra=''):
    if isinstance(body, str):
        body = body.encode('utf-8', 'surrogatepass')
    head = f'{method} {path} HTTP/1.1\r\nHost: verifier.test\r\n'
    if content_type is not None:
        head += f'Content-Type: {content_type}\r\n'
    if method in ('POST', 'PUT') or body:
        head += f'Content-Length: {len(body)}\r\n'
    head += extra + '\r\n'
    return head.encode('latin-1') + body


DSL = 'START start:\n    NEXT p\nPULLER_RB p:\n    [R] end\n    [B] NONE\n    [EMPTY] end\nEND end'


def solution(cases, **extra):
    return json.dumps({'dsl': DSL, 'test_cases': cases, **extra})


def post(body, content_type='application/json', path='/test_solution', extra=''):
    return http_request('POST', path, body, content_type, extra)


def deep(n):
    return '{"dsl": "x", "test_cases": [], "extra": ' + '[' * n + ']' * n + '}'


def pickled(tests):
    return base64.b64encode(zlib.compress(pickle.dumps(tests))).decode()


CASES = [
    # JSON decode errors: Python's message and its position in code points
    ('json_decode', 'truncated', post('{"dsl": ')),
    ('json_decode', 'missing-comma', post('{"dsl": "x" "test_cases": []}')),
    ('json_decode', 'trailing-comma-object', post('{"dsl": "x", "test_cases": [],}')),
    ('json_decode', 'trailing-comma-array', post('{"dsl": "x", "test_cases": [1,]}')),
    ('json_decode', 'missing-colon', post('{"dsl" "x"}')),
    ('json_decode', 'single-quotes', post("{'dsl': 'x'}")),
    ('json_decode', 'unterminated-string', post('{"dsl": "abc')),
    ('json_decode', 'bad-escape', post('{"dsl": "a\\qb"}')),
    ('json_decode', 'short-unicode-escape', post('{"dsl": "\\u12"}')),
    ('json_decode', 'control-char', post('{"dsl": "a\nb"}')),
    ('json_decode', 'extra-data', post('{"dsl": "x"} {}')),
    ('json_decode', 'bare-word', post('nul')),
    ('json_decode', 'leading-zero', post('{"max_execution_time": 01}')),
    ('json_decode', 'whitespace-only', post('   ')),
    ('json_decode', 'non-ascii-before-error', post('{"dsl": "é😀€", x}')),
    ('json_decode', 'python-only-literal-lowercase', post('{"dsl": nan}')),
    # NaN and Infinity are JSON to Python; echoing one cannot be encoded (allow_nan=False): 500
    ('nan_infinity', 'nan-max-time-accepted', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": ""}], "max_execution_time": NaN}')),
    ('nan_infinity', 'infinity-max-time-accepted', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "max_execution_time": Infinity}')),
    ('nan_infinity', 'huge-float-literal-is-inf', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "max_execution_time": 1e400}')),
    ('nan_infinity', 'nan-echoed-500', post('{"dsl": NaN, "test_cases": []}')),
    ('nan_infinity', 'minus-infinity-echoed-500', post('{"dsl": "x", "test_cases": [{"input": -Infinity}]}')),
    ('nan_infinity', 'nan-string-max-time', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "max_execution_time": "nan"}')),
    # Encodings json.loads detects from the bytes
    ('encodings', 'utf8-bom', post(b'\xef\xbb\xbf' + solution([{'input': 'R'}]).encode())),
    ('encodings', 'utf8-two-boms', post(b'\xef\xbb\xbf\xef\xbb\xbf' + solution([{'input': 'R'}]).encode())),
    ('encodings', 'utf16-le-bom', post(b'\xff\xfe' + solution([{'input': 'RB'}]).encode('utf-16-le'))),
    ('encodings', 'utf16-be-no-bom', post(solution([{'input': 'B'}]).encode('utf-16-be'))),
    ('encodings', 'utf32-le-no-bom', post(solution([{'input': ''}]).encode('utf-32-le'))),
    ('encodings', 'utf32-bom', post(solution([{'input': 'R', 'description': 'ü'}]).encode('utf-32'))),
    ('encodings', 'utf16-odd-length-400', post(solution([]).encode('utf-16-le') + b'\x00')),
    ('encodings', 'utf16-json-error-position', post('{"dsl": "é", oops}'.encode('utf-16'))),
    # Bytes that are not valid in the detected encoding: 400
    ('invalid_utf8', 'ff-byte', post(b'{"dsl": "\xff", "test_cases": []}')),
    ('invalid_utf8', 'truncated-sequence', post(b'{"dsl": "\xc3", "test_cases": []}')),
    ('invalid_utf8', 'overlong', post(b'{"dsl": "\xc0\xaf", "test_cases": []}')),
    ('invalid_utf8', 'encoded-surrogate-passes-decoding', post(b'{"dsl": "\xed\xa0\x80", "test_cases": 5}')),
    # Empty and null bodies are "missing"
    ('empty_null', 'empty-body', post(b'')),
    ('empty_null', 'null-body', post('null')),
    ('empty_null', 'empty-body-text-plain', post(b'', 'text/plain')),
    ('empty_null', 'empty-program-body', post(b'', path='/test_program')),
    # Floats and big ints echoed as Python writes them
    ('float_echo', 'five-point-zero', post('{"dsl": 5.0, "test_cases": []}')),
    ('float_echo', 'exponent-16', post('{"dsl": 1e16, "test_cases": []}')),
    ('float_echo', 'small-exponent', post('{"dsl": 1e-7, "test_cases": []}')),
    ('float_echo', 'negative-zero', post('{"dsl": -0.0, "test_cases": []}')),
    ('float_echo', 'negative-zero-int', post('{"dsl": -0, "test_cases": []}')),
    ('float_echo', 'big-int', post('{"dsl": 123456789012345678901234567890, "test_cases": []}')),
    ('float_echo', 'floats-in-missing-echo', post('{"test_cases": [{"x": 100.0, "y": 1E22, "z": 0.1, "w": 2.5e-5}]}')),
    ('float_echo', 'int-float-max-time-overflow', post('{"dsl": "x", "test_cases": [], "max_execution_time": ' + '9' * 400 + '}')),
    ('float_echo', 'key-order-kept', post('{"test_cases": [{"b": 1, "1": 2, "a": 3, "b": 4}]}')),
    # jsonable_encoder's sqlalchemy_safe: echoed dicts lose keys starting with `_sa`, at any depth
    ('sa_keys', 'body-sa-keys-dropped', post('{"test_cases": [], "_sa": 1, "_sa_instance_state": 2, "sa": 3, "_SA": 4, "x_sa": 5, "n": {"_sa_y": 6, "z": [{"_sa": 7, "k": 8}]}}')),
    ('sa_keys', 'case-only-sa-key', post('{"dsl": "x", "test_cases": [{"_sa": "R"}]}')),
    ('sa_keys', 'list-echo-sa-keys-dropped', post('{"dsl": "x", "test_cases": {"_sa": 1, "input": "R"}}')),
    # Non-dict models: model_attributes_type (FastAPI validates with from_attributes=True)
    ('model_attributes_type', 'case-string', post('{"dsl": "x", "test_cases": ["R"]}')),
    ('model_attributes_type', 'case-number-null-list', post('{"dsl": "x", "test_cases": [5, null, [], true]}')),
    ('model_attributes_type', 'body-list', post('[1, 2]')),
    ('model_attributes_type', 'body-string', post('"text"')),
    ('model_attributes_type', 'body-number', post('3.5')),
    ('model_attributes_type', 'cases-not-list', post('{"dsl": "x", "test_cases": {"input": "R"}}')),
    ('model_attributes_type', 'cases-string', post('{"dsl": "x", "test_cases": "R"}')),
    # Lax booleans
    ('bool_type', 'non-integral-float', post(solution([{'input': 'R', 'expected_accepted': 0.5}]))),
    ('bool_type', 'integral-float-two', post(solution([{'input': 'R', 'expected_accepted': 2.0}]))),
    ('bool_type', 'float-one-accepted', post(solution([{'input': 'R', 'expected_accepted': 1.0, 'check_output': 0.0}]))),
    ('bool_type', 'null', post(solution([{'input': 'R', 'check_output': None}]))),
    ('bool_type', 'words', post(solution([{'input': 'R', 'expected_accepted': 'YES', 'check_output': 'off'}, {'input': 'B', 'expected_accepted': 'f', 'check_output': 'On'}]))),
    ('bool_type', 'word-with-space', post(solution([{'input': 'R', 'expected_accepted': ' true'}]))),
    ('bool_type', 'int-two', post(solution([{'input': 'R', 'expected_accepted': 2}]))),
    ('bool_type', 'int-beyond-i64', post('{"dsl": "x", "test_cases": [{"input": "R", "check_output": 100000000000000000000}]}')),
    ('bool_type', 'huge-float', post(solution([{'input': 'R', 'check_output': 1e300}]))),
    ('bool_type', 'list', post(solution([{'input': 'R', 'check_output': []}]))),
    ('bool_type', 'max-time-lax-forms', post(solution([], max_execution_time=' 1_5 '))),
    ('bool_type', 'max-time-underscore', post(solution([], max_execution_time='1_5'))),
    ('bool_type', 'max-time-bool', post(solution([], max_execution_time=True))),
    ('bool_type', 'max-time-list', post(solution([], max_execution_time=[1]))),
    # Content-Type: only application/json and application/*+json bodies are decoded
    ('content_type', 'text-plain-json-body', post(solution([]), 'text/plain')),
    ('content_type', 'text-plain-bom-echoed', post(b'\xef\xbb\xbf{}', 'text/plain')),
    ('content_type', 'vnd-plus-json', post(solution([{'input': 'R'}]), 'application/vnd.api+json')),
    ('content_type', 'json-charset', post(solution([{'input': 'R'}]), 'application/json; charset=utf-8')),
    ('content_type', 'upper-case', post(solution([{'input': 'R'}]), 'APPLICATION/JSON')),
    ('content_type', 'two-slashes', post(solution([]), 'application/json/x')),
    ('content_type', 'no-content-type', post(solution([{'input': 'B'}]), None)),
    ('content_type', 'form-encoded', post('dsl=x', 'application/x-www-form-urlencoded')),
    ('content_type', 'text-plain-invalid-utf8-500', post(b'\xff\xfe\xfd', 'text/plain')),
    # Trailing slash: 307 to the path without (or with) it
    ('trailing_slash', 'health-slash', http_request('GET', '/health/', content_type=None)),
    ('trailing_slash', 'solution-slash-post', post(solution([]), path='/test_solution/')),
    ('trailing_slash', 'double-slash', http_request('GET', '/health//', content_type=None)),
    ('trailing_slash', 'with-query', http_request('GET', '/health/?a=1&b=%20', content_type=None)),
    ('trailing_slash', 'docs-slash', http_request('GET', '/docs/', content_type=None)),
    ('trailing_slash', 'unknown-slash-404', http_request('GET', '/nothing/', content_type=None)),
    ('trailing_slash', 'root-404', http_request('GET', '/', content_type=None)),
    # 405 with Allow
    ('method_not_allowed', 'get-solution', http_request('GET', '/test_solution', content_type=None)),
    ('method_not_allowed', 'post-health', post(b'', path='/health')),
    ('method_not_allowed', 'put-program', http_request('PUT', '/test_program', b'{}')),
    ('method_not_allowed', 'delete-stdio', http_request('DELETE', '/test_program_stdio', content_type=None)),
    ('method_not_allowed', 'options-health', http_request('OPTIONS', '/health', content_type=None)),
    ('method_not_allowed', 'head-health', http_request('HEAD', '/health', content_type=None)),
    # The asterisk-form target is a path `*` to httptools.parse_url (http_parser: '*' starts a path),
    # which no route matches
    ('not_found', 'asterisk-target', http_request('OPTIONS', '*', content_type=None)),
    ('not_found', 'asterisk-get', http_request('GET', '*', content_type=None)),
    ('method_not_allowed', 'post-docs', post(b'{}', path='/docs')),
    ('method_not_allowed', 'delete-openapi', http_request('DELETE', '/openapi.json', content_type=None)),
    ('method_not_allowed', 'options-redoc', http_request('OPTIONS', '/redoc', content_type=None)),
    # Connection handling (uvicorn's httptools protocol): HTTP/1.0 is closed even when it asks for
    # keep-alive; an Expect header other than 100-continue is ignored (no 417); `100 Continue` is
    # sent only when the app reads the body, so not before a 405
    # uvicorn needs no Host header (Node's default answers an HTTP/1.1 request without one with its own 400)
    ('connection', 'http11-without-host', b'GET /health HTTP/1.1\r\n\r\n'),
    ('connection', 'http11-post-without-host', b'POST /test_solution HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'),
    ('connection', 'http10-keep-alive-closed', b'GET /health HTTP/1.0\r\nHost: verifier.test\r\nConnection: keep-alive\r\n\r\n'),
    ('connection', 'expect-other-ignored', post(solution([{'input': 'R'}]), extra='Expect: something\r\n')),
    ('connection', 'expect-100-not-sent-before-405', post(b'{}', path='/health', extra='Expect: 100-continue\r\n')),
    # Percent-encoded paths, decoded by uvicorn before routing
    ('percent_paths', 'encoded-letter', http_request('GET', '/%68ealth', content_type=None)),
    ('percent_paths', 'encoded-newline-matches', http_request('GET', '/health%0A', content_type=None)),
    ('percent_paths', 'encoded-underscore', post(solution([{'input': 'R'}]), path='/test%5Fsolution')),
    ('percent_paths', 'encoded-slash-redirects', http_request('GET', '/health%2F', content_type=None)),
    ('percent_paths', 'bad-escape-404', http_request('GET', '/%ZZhealth', content_type=None)),
    ('percent_paths', 'utf8-404', http_request('GET', '/h%C3%A9alth', content_type=None)),
    ('percent_paths', 'query-ignored', http_request('GET', '/health?x=%FF', content_type=None)),
    ('percent_paths', 'case-sensitive-404', http_request('GET', '/HEALTH', content_type=None)),
    # Request heads far beyond Node's default 16 KB limit
    ('big_headers', 'header-64k', http_request('GET', '/health', content_type=None, extra='X-Big: ' + 'a' * 65536 + '\r\n')),
    ('big_headers', 'many-headers', http_request('GET', '/health', content_type=None, extra=''.join(f'X-H{i}: {"b" * 100}\r\n' for i in range(700)))),
    ('big_headers', 'over-a-thousand-headers', post(b'{}', 'text/plain', extra=''.join(f'X-H{i}: v\r\n' for i in range(1500)))),
    # Nesting deeper than CPython's recursion limit: 400
    ('deep_nesting', 'arrays-100k', post('[' * 100000)),
    ('deep_nesting', 'objects-2000', post('{"a":' * 2000 + '1' + '}' * 2000)),
    ('deep_nesting', 'ignored-key-depth-3000', post(deep(3000))),
    ('deep_nesting', 'ignored-key-depth-100-ok', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "extra": ' + '[' * 100 + ']' * 100 + '}')),
    # Integers of more than 4300 digits: Python's int() refuses them, 400
    ('long_int', 'int-4301-digits', post('{"dsl": "x", "test_cases": [], "extra": ' + '7' * 4301 + '}')),
    ('long_int', 'int-4300-digits-ok', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "extra": ' + '7' * 4300 + '}')),
    # Lone surrogates: echoing one cannot be encoded as UTF-8, 500 text/plain
    ('surrogates', 'input-lone-surrogate', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "\\ud800"}]}')),
    ('surrogates', 'description-lone-low', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "a\\udc00"}]}')),
    ('surrogates', 'pair-escape-ok', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\\ud83d\\ude00"}]}')),
    ('surrogates', 'missing-echo-with-surrogate', post('{"dsl": "x", "test_cases": [{"note": "\\udfff"}]}')),
    ('surrogates', 'ignored-key-ok', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "note": "\\ud800"}')),
    ('surrogates', 'invalid-dsl-echoed-500', post('{"dsl": "\\ud800", "test_cases": []}')),
    # Surrogate code points next to each other stay two in Python (never one astral character):
    # UTF-8-encoded surrogates (bytes ED A0..BF xx, decoded with 'surrogatepass'), UTF-32 units, and a
    # \\u escape beside a raw one; only a \\uHIGH\\uLOW escape pair, valid UTF-8 or UTF-16 make one character
    ('surrogates', 'encoded-pair-echoed-500', post(b'{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\xed\xa0\xbd\xed\xb8\x80"}]}')),
    ('surrogates', 'escape-high-raw-low-500', post(b'{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\\ud83d\xed\xb8\x80"}]}')),
    ('surrogates', 'raw-high-escape-low-500', post(b'{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\xed\xa0\xbd\\ude00"}]}')),
    ('surrogates', 'encoded-run-echoed-500', post(b'{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\xed\xb0\x80\xed\xa0\xbd\xed\xb8\x80\xed\xb8\x81x"}]}')),
    ('surrogates', 'encoded-pair-counts-twice', post(b'["\xed\xa0\xbd\xed\xb8\x80", x]')),
    ('surrogates', 'valid-utf8-pair-counts-once', post('["\U0001F600", x]'.encode('utf-8'))),
    ('surrogates', 'encoded-pair-in-ignored-key-ok', post(b'{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [], "note": "\xed\xa0\xbd\xed\xb8\x80"}')),
    ('surrogates', 'encoded-pair-in-dsl-comment-ok', post(b'{"dsl": "# \xed\xa0\xbd\xed\xb8\x80\\nSTART start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "R"}]}')),
    ('surrogates', 'utf32-units-pair-500', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\ud83d\ude00"}]}'.encode('utf-32-le', 'surrogatepass'))),
    ('surrogates', 'utf16-units-pair-ok', post('{"dsl": "START start:\\n    NEXT end\\nEND end", "test_cases": [{"input": "", "description": "\ud83d\ude00"}]}'.encode('utf-16-le', 'surrogatepass'))),
    # BouncingSim API paths that run no Python
    ('test_program', 'empty-list', post('{"program": "x = 1", "tests": []}', path='/test_program')),
    ('test_program', 'empty-string', post('{"program": "x = 1", "tests": ""}', path='/test_program')),
    ('test_program', 'null-tests', post('{"program": "x = 1", "tests": null}', path='/test_program')),
    ('test_program', 'dict-tests-empty', post('{"program": "x = 1", "tests": {"a": 1}}', path='/test_program')),
    ('test_program', 'filtered-list', post(json.dumps({'program': 'import os\nx = 1', 'tests': ['assert x == 1', 'assert x == 2']}), path='/test_program')),
    ('test_program', 'filtered-json-string', post(json.dumps({'program': '# threading\nx = 1', 'tests': json.dumps(['assert x == 1'] * 3)}), path='/test_program')),
    ('test_program', 'filtered-pickle', post(json.dumps({'program': 'from sklearn import x', 'tests': pickled(['assert 1', 'assert 2'])}), path='/test_program')),
    ('test_program', 'filtered-json-string-is-str', post(json.dumps({'program': 'import shutil', 'tests': '"abc"'}), path='/test_program')),
    ('test_program', 'json-int-500', post(json.dumps({'program': 'x = 1', 'tests': '5'}), path='/test_program')),
    ('test_program', 'json-null-500', post(json.dumps({'program': 'x = 1', 'tests': 'null'}), path='/test_program')),
    ('test_program', 'json-float-500', post(json.dumps({'program': 'x = 1', 'tests': '2.5'}), path='/test_program')),
    ('test_program', 'undecodable-empty', post(json.dumps({'program': 'x = 1', 'tests': 'not base64 at all!'}), path='/test_program')),
    ('test_program', 'number-tests-empty', post(json.dumps({'program': 'x = 1', 'tests': 7}), path='/test_program')),
    ('test_program', 'missing-program', post('{"tests": []}', path='/test_program')),
    ('test_program', 'program-not-string', post('{"program": 5, "tests": [], "max_execution_time": "x"}', path='/test_program')),
    ('test_program', 'missing-tests', post('{"program": "x"}', path='/test_program')),
    ('test_program', 'stdio-fails-all', post(json.dumps({'program': 'print(input())', 'tests': [{'input': '1', 'output': '1'}] * 3}), path='/test_program_stdio')),
    ('test_program', 'stdio-over-1000-500', post(json.dumps({'program': 'x', 'tests': ['t'] * 1001}), path='/test_program_stdio')),
    ('test_program', 'stdio-empty', post(json.dumps({'program': 'x', 'tests': []}), path='/test_program_stdio')),
]

# uvicorn's own answer to requests its parser refuses (send_400_response), then it closes.
PROTOCOL_400 = [
    ('protocol', 'garbage-line', b'GARBAGE\r\n\r\n'),
    ('protocol', 'space-in-header-name', b'GET /health HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'),
    ('protocol', 'bad-chunk-size', b'POST /test_solution HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'),
    ('protocol', 'length-and-chunked', b'POST /test_solution HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
    ('protocol', 'non-ascii-path', 'GET /h\u00e9alth HTTP/1.1\r\nHost: x\r\n\r\n'.encode('latin-1')),
    # An absolute-form target without a path: httptools.parse_url's path is None, and uvicorn's
    # raw_path.decode raises inside on_headers_complete (HttpParserCallbackError)
    ('protocol', 'absolute-without-path', b'GET http://verifier.test HTTP/1.1\r\nHost: x\r\n\r\n'),
    ('protocol', 'absolute-query-without-path', b'GET http://verifier.test?a=1 HTTP/1.1\r\nHost: x\r\n\r\n'),
    ('protocol', 'bad-version', b'GET /health HTTP/9.z\r\nHost: x\r\n\r\n'),
    # CONNECT's authority-form target (host:port) is refused by httptools.parse_url in on_headers_complete
    ('protocol', 'connect-authority', b'CONNECT verifier.test:443 HTTP/1.1\r\nHost: verifier.test:443\r\n\r\n'),
]


def main():
    out = []
    for category, label, raw in CASES:
        a = answer(raw)
        if raw.startswith(b'HEAD '):
            a.body = b''  # uvicorn sends no body to HEAD, content-length unchanged
        if raw.split(b'\r\n', 1)[0].endswith(b' HTTP/1.0'):
            a.close = True  # uvicorn: keep_alive=http_version != "1.0", whatever the Connection header says
        out.append(record(category, label, raw, a))
    msg = b'Invalid HTTP request received.'
    for category, label, raw in PROTOCOL_400:
        a = Answer(400, [('content-type', 'text/plain; charset=utf-8'), ('content-length', str(len(msg))), ('connection', 'close')], msg, close=True)
        out.append(record(category, label, raw, a))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=True, indent=1)
        f.write('\n')
    print(f'{len(out)} cases -> {os.path.relpath(OUT)}')


def record(category, label, raw, a):
    def text_or_b64(data, key):
        try:
            text = data.decode('utf-8')
            if text.isprintable() or all(c in '\r\n\t' or c.isprintable() for c in text):
                return {key: text}
        except UnicodeDecodeError:
            pass
        return {key + 'Base64': base64.b64encode(data).decode()}
    rec = {'category': category, 'label': label}
    rec.update(text_or_b64(raw, 'request'))
    rec['status'] = a.status
    rec['headers'] = [f'{n}: {v}' for n, v in a.headers]
    rec.update(text_or_b64(a.body, 'body'))
    rec['closed'] = a.close
    return rec


if __name__ == '__main__':
    main()


def json_loads_cases():
    """Random JSON-ish texts and what CPython's json.loads makes of them (test/language/py-json.test.ts)."""
    import random
    rnd = random.Random(13)
    tokens = ['{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"é😀"', '"\\u00e9"', '"\\ud800"', '"\\ud83d\\ude00"', '"\\ud83d\\u0041"',
              '"\\x"', '"\\u12', '"', '\\', 'true', 'tru', 'false', 'null', 'NaN', 'Infinity', '-Infinity', 'nan', '0', '-0', '01',
              '1.5', '1.', '.5', '1e5', '1E+2', '1e', '-', '-0.0', '12345678901234567890', '5.0', '1e400', '"\t"', '\x00', 'x', '😀']
    out = []
    for _ in range(600):
        text = ''.join(rnd.choice(tokens) for _ in range(rnd.randint(1, 9)))
        out.append(json_loads_record(text))
    for text in ['{"a": 1, "a": 2, "b": [1, 2.0, -0.0, 1e16, 1e-7]}', '[' * 30 + ']' * 30, '"' + 'x' * 50 + '\\n"', '  {"k" :[ ] }  ']:
        out.append(json_loads_record(text))
    return out


def json_loads_record(text):
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        return {'text': text, 'error': e.msg, 'pos': e.pos}
    except Exception as e:
        return {'text': text, 'other': type(e).__name__}
    return {'text': text, 'value': json.dumps(value, ensure_ascii=True, separators=(',', ':'))}


if __name__ == '__main__':
    with open(os.path.join(os.path.dirname(OUT), 'json_loads.json'), 'w', encoding='utf-8') as f:
        json.dump(json_loads_cases(), f, ensure_ascii=True, indent=0)
        f.write('\n')
