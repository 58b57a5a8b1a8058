#!/usr/bin/env python3
"""The Python baseline for `npm run bench`'s HTTP figures: lean_verifier.py behind the standard
library's HTTP server (keep-alive, one thread per connection), in N processes that share one
listening socket (forked after bind), like `delta serve --workers N`.

Usage: python3 lean_server.py PORT [PROCESSES]   (prints "listening PORT" when ready)
"""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lean_verifier  # noqa: E402
import prefork  # noqa: E402

DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(',', ':')).encode


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # The head and the body are two writes: without TCP_NODELAY the body waits for the client's
    # delayed ACK of the head (about 40 ms a request on loopback). Node's HTTP server sets it too.
    disable_nagle_algorithm = True

    def do_GET(self):
        self.reply(200, b'{"status":"healthy"}')

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('content-length', '0')))
        answer = lean_verifier.answer(body)
        self.reply(422 if 'detail' in answer else 200, DUMPS(answer).encode('utf-8'))

    def reply(self, status, body):
        self.send_response(status)
        self.send_header('content-type', 'application/json')
        self.send_header('content-length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    port, processes = prefork.arguments()
    server = ThreadingHTTPServer(('127.0.0.1', port), Handler)
    server.daemon_threads = True
    children = prefork.fork(processes)
    if children is not None:
        def on_term(*_):
            prefork.stop(children)
            os._exit(0)
        signal.signal(signal.SIGTERM, on_term)
        print(f'listening {server.server_address[1]}', flush=True)
    server.serve_forever()

if __name__ == '__main__':
    main()
