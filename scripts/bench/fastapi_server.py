#!/usr/bin/env python3
"""A FastAPI-shaped baseline for `npm run bench`: the lean verifier (lean_verifier.py) behind the
stack the reference verifier server uses, so the bench can say how `delta serve` compares with a
FastAPI deployment and not only with the standard library's HTTP server.

Shaped like the reference service (docs/verifier-http.md, "Benchmark baselines"): the body is
validated by pydantic models (a test case with `input` required and four defaulted fields, a request
with `dsl`, `test_cases` and `max_execution_time`), the handler is an `async def` that builds plain
dicts, FastAPI serialises them (jsonable_encoder, then its JSON response), and uvicorn serves it with
the httptools HTTP parser. A parse error is logged as a warning like the reference does.

Only an indication: Debian's packages (fastapi 0.92, pydantic 1.10 built without its compiled
extension, uvicorn 0.17, httptools 0.1) are older than the versions the reference pins (fastapi
0.115, pydantic 2.11, uvicorn 0.34), and the verdict code is the lean verifier, not the reference's.
422 bodies follow pydantic 1's wording, not the reference's: the bench sends well-formed requests.

Usage: python3 fastapi_server.py PORT [PROCESSES]
Prints "listening PORT fastapi X pydantic Y starlette Z uvicorn U httptools H" when ready. N
processes share one listening socket (bound before the fork), like `uvicorn --workers N`.
"""
import asyncio
import logging
import os
import socket
import sys
from typing import List

import fastapi
import httptools
import pydantic
import starlette
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lean_verifier  # noqa: E402
import prefork  # noqa: E402

log = logging.getLogger('fastapi_baseline')
app = FastAPI()


class TestCase(BaseModel):
    input: str
    expected_output: str = ''
    expected_accepted: bool = True
    check_output: bool = True
    description: str = ''


class TestSolutionRequest(BaseModel):
    dsl: str
    test_cases: List[TestCase]
    max_execution_time: float = 1.0


@app.post('/test_solution')
async def test_solution(request: TestSolutionRequest):
    try:
        program = lean_verifier.parse(request.dsl)
        results = [lean_verifier.check(program, case.input, case.expected_output, case.expected_accepted, case.check_output, case.description)
                   for case in request.test_cases]
        return {'valid': True, 'all_passed': all(result['passed'] for result in results), 'results': results}
    except lean_verifier.ParseError as error:
        log.warning('parse error: %s', error)
        return lean_verifier.parse_error_answer(error)
    except Exception as error:  # the reference answers any other failure in the body
        log.warning('unexpected error: %s', error)
        return lean_verifier.unexpected_error_answer(error)


@app.get('/health')
async def health():
    return {'status': 'healthy'}


def versions():
    return (f'fastapi {fastapi.__version__} pydantic {pydantic.VERSION}{"" if getattr(pydantic, "compiled", True) else " (not compiled)"}'
            f' starlette {starlette.__version__} uvicorn {uvicorn.__version__} httptools {httptools.__version__}')


def main():
    port, processes = prefork.arguments()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(('127.0.0.1', port))
    listener.listen(2048)
    children = prefork.fork(processes)
    if children is not None:
        print(f'listening {listener.getsockname()[1]} {versions()}', flush=True)
    # uvicorn's defaults apart from the quiet access log; 'auto' picks uvloop only if installed.
    # uvicorn handles SIGTERM (a graceful stop); the first process then stops the others.
    config = uvicorn.Config(app, http='httptools', log_level='warning', access_log=False)
    try:
        asyncio.run(uvicorn.Server(config).serve(sockets=[listener]))
    finally:
        prefork.stop(children)


if __name__ == '__main__':
    main()
