"""Runs moto's server for imps tests, on 127.0.0.1 and a free port, with three test hooks.

1. ECR GetAuthorizationToken answers expiresAt = now + --expires-in seconds (default 12 h), like
   real ECR; moto itself always answers 2015-01-01. --unpatched keeps moto's 2015 date.
2. Every AWS request is counted per action (X-Amz-Target for JSON services like ECR, Action= for
   query services like STS): GET /_imps/calls returns {"GetAuthorizationToken": 2, ...};
   POST /_imps/calls/reset zeroes the counts.
3. POST /_imps/faults?action=GetAuthorizationToken&code=AccessDeniedException&status=400 makes
   that action fail with an AWS JSON error until DELETE /_imps/faults.

Prints "IMPS_MOTO_PORT <port>" on stdout once listening. Exits when stdin closes, so the server
never outlives the JVM that started it.
"""

import argparse
import io
import json
import os
import sys
import threading
import time
import urllib.parse

from werkzeug.serving import make_server

from moto.core.responses import ActionResult
from moto.ecr.responses import ECRResponse
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app


def patch_ecr_expiry(expires_in):
    original = ECRResponse.get_authorization_token

    def get_authorization_token(self):
        result = original(self)
        data = result.result if isinstance(result, ActionResult) else None
        for entry in (data or {}).get("authorizationData", []):
            entry["expiresAt"] = time.time() + expires_in
        return result

    ECRResponse.get_authorization_token = get_authorization_token


class TestHooks:
    """WSGI middleware: counts actions, injects faults, serves /_imps/."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()
        self.calls = {}
        self.faults = {}

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/_imps/"):
            return self.control(environ, start_response, path)
        action = self.action(environ)
        if action:
            with self.lock:
                self.calls[action] = self.calls.get(action, 0) + 1
                fault = self.faults.get(action)
            if fault:
                code, status = fault
                body = json.dumps({"__type": code, "message": "injected by imps test"}).encode()
                start_response(
                    f"{status} Injected",
                    [
                        ("Content-Type", "application/x-amz-json-1.1"),
                        ("x-amzn-ErrorType", code),
                        ("Content-Length", str(len(body))),
                    ],
                )
                return [body]
        return self.app(environ, start_response)

    def action(self, environ):
        target = environ.get("HTTP_X_AMZ_TARGET")
        if target:
            return target.rsplit(".", 1)[-1]
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        if "Action" in query:
            return query["Action"][0]
        if environ.get("REQUEST_METHOD") == "POST" and "form-urlencoded" in environ.get(
            "CONTENT_TYPE", ""
        ):
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length) if length else b""
            environ["wsgi.input"] = io.BytesIO(body)
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            if "Action" in form:
                return form["Action"][0]
        return None

    def control(self, environ, start_response, path):
        method = environ.get("REQUEST_METHOD")
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        with self.lock:
            if path == "/_imps/calls" and method == "GET":
                payload = dict(self.calls)
            elif path == "/_imps/calls/reset" and method == "POST":
                self.calls.clear()
                payload = {}
            elif path == "/_imps/faults" and method == "POST":
                self.faults[query["action"][0]] = (query["code"][0], int(query["status"][0]))
                payload = {}
            elif path == "/_imps/faults" and method == "DELETE":
                self.faults.clear()
                payload = {}
            else:
                start_response("404 Not Found", [("Content-Type", "text/plain")])
                return [b"unknown test hook"]
        body = json.dumps(payload).encode()
        start_response(
            "200 OK",
            [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
        )
        return [body]


def exit_when_stdin_closes(server):
    def watch():
        try:
            while sys.stdin.buffer.read(1024):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expires-in", type=float, default=12 * 3600)
    parser.add_argument("--unpatched", action="store_true")
    args = parser.parse_args()

    if not args.unpatched:
        patch_ecr_expiry(args.expires_in)
    app = TestHooks(DomainDispatcherApplication(create_backend_app))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    os.environ["MOTO_PORT"] = str(server.server_port)
    exit_when_stdin_closes(server)
    print(f"IMPS_MOTO_PORT {server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
