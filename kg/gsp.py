"""Pushing a graph to a store over the SPARQL 1.1 Graph Store HTTP Protocol.

Each article's named graph is sent with PUT to `ENDPOINT?graph=IRI`, so exporting again replaces
the graph instead of adding a second copy; with `graph=` given, everything goes to that one graph
(`default` names the store's default graph). Bodies are N-Triples (or Turtle) written by
kg/export.py, so IRIs arrive byte for byte. HTTP digest and basic authentication answer the
server's challenge; connection errors and 5xx answers are retried with exponential backoff; any
other refusal is an error that quotes the server's message.

Standard library only (urllib): no extra dependency for a push.
"""
from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from kg.defaults import EXPORT_FORMATS, PUSH_BACKOFF, PUSH_RETRIES, PUSH_TIMEOUT
from kg.errors import KGError
from kg.export import graphs, prepare, write

BODY_FORMATS = ("ntriples", "turtle")


class PushError(KGError):
    """The store refused a request, or could not be reached."""


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    graph: str | None  # None: the default graph
    content_type: str
    body: bytes
    triples: int

    def describe(self) -> str:
        return f"{self.method} {self.url}  ({self.content_type}, {self.triples} triples, {len(self.body)} bytes)"


def plan(ds, endpoint: str, graph: str | None = None, fmt: str = "ntriples") -> list[Request]:
    """The PUT requests that push `ds`: one per named graph, or one for `graph`."""
    if fmt not in BODY_FORMATS:
        raise KGError(f"--to sends N-Triples or Turtle, not '{fmt}'. Use --format ntriples or --format turtle")
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KGError(f"--to takes the store's Graph Store endpoint as an http(s) URL, not '{endpoint}' "
                      "(e.g. http://127.0.0.1:8890/sparql-graph-crud-auth or http://127.0.0.1:7878/store)")
    quads = prepare(ds)
    media_type = EXPORT_FORMATS[fmt][2]
    if graph is not None:
        triples = [(s, p, o, None) for s, p, o in {q[:3] for q in quads}]
        target = None if graph == "default" else graph
        return [_request(endpoint, target, media_type, write(triples, fmt), len(triples))]
    named = {g: ts for g, ts in graphs(quads).items() if g is not None}
    if not named:
        raise KGError("the graph has no named graphs to push; name the target graph with --graph IRI")
    files = sorted(str(g) for g in named if str(g).startswith("file:"))
    if files:
        raise KGError(f"{files[0]} holds triples read from a file without graph names; "
                      "name the target graph with --graph IRI (or export a TriG or N-Quads file)")
    out = []
    for g, ts in named.items():
        body = write([(s, p, o, None) for s, p, o in ts], fmt)
        out.append(_request(endpoint, str(g), media_type, body, len(ts)))
    return out


def _request(endpoint: str, graph: str | None, media_type: str, body: bytes, triples: int) -> Request:
    parts = urllib.parse.urlsplit(endpoint)
    param = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    query = f"{parts.query}&{param}" if parts.query else param
    url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    content_type = f"{media_type}; charset=utf-8" if media_type == "text/turtle" else media_type
    return Request("PUT", url, graph, content_type, body, triples)


def password_from_env(user: str | None, variable: str | None) -> str | None:
    if user is None:
        if variable is not None:
            raise KGError("--password-env needs --user")
        return None
    if variable is None:
        raise KGError("--user needs --password-env VAR: the name of an environment variable that holds the "
                      "password (passwords are never taken on the command line)")
    if variable not in os.environ:
        raise KGError(f"--password-env {variable}: the environment variable {variable} is not set")
    return os.environ[variable]


class Client:
    """Sends requests with authentication, retries and clear errors."""

    def __init__(self, user: str | None = None, password: str | None = None, *, retries: int = PUSH_RETRIES,
                 backoff: float = PUSH_BACKOFF, timeout: float = PUSH_TIMEOUT,
                 log: Callable[[str], None] | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.user, self.password = user, password
        self.retries, self.backoff, self.timeout = retries, backoff, timeout
        self.log = log or (lambda message: None)
        self.sleep = sleep
        self.challenge: dict[str, str] | None = None  # the last digest challenge, reused with a new nc
        self.nc = 0

    def send(self, req: Request) -> int:
        """Send one request; returns the HTTP status. Raises PushError when the store refuses."""
        attempt = 0
        while True:
            try:
                return self._send_authenticated(req)
            except _Retryable as exc:
                if attempt >= self.retries:
                    raise PushError(f"{req.method} {req.url}: {exc} (gave up after {attempt + 1} tries)") from None
                delay = self.backoff * 2 ** attempt
                self.log(f"{req.method} {req.url}: {exc}; trying again in {delay:g} s")
                self.sleep(delay)
                attempt += 1

    def _send_authenticated(self, req: Request) -> int:
        status, headers, body = self._once(req, self._authorization(req))
        if status == 401 and self.user is not None:
            challenge = headers.get("WWW-Authenticate", "")
            scheme = challenge.split(None, 1)[0].lower() if challenge else ""
            if scheme == "digest":
                self.challenge, self.nc = _parse_challenge(challenge), 0
            elif scheme == "basic":
                self.challenge = {"scheme": "basic"}
            else:
                raise PushError(f"{req.method} {req.url}: 401 Unauthorized, and the server asks for "
                                f"'{challenge or 'no scheme'}' (Sanad speaks digest and basic)")
            status, headers, body = self._once(req, self._authorization(req))
        if 200 <= status < 300:
            return status
        message = _server_message(body)
        if status >= 500:
            raise _Retryable(f"{status} {_reason(status)}{': ' + message if message else ''}")
        hint = ""
        if status in (401, 403):
            hint = (" (check --user and the password in --password-env)" if self.user else
                    " (the store wants credentials: pass --user and --password-env)")
        raise PushError(f"{req.method} {req.url}: the store refused with {status} {_reason(status)}"
                        f"{': ' + message if message else ''}{hint}")

    def _authorization(self, req: Request) -> str | None:
        if self.user is None or self.challenge is None:
            return None
        if self.challenge.get("scheme") == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {token}"
        self.nc += 1
        return _digest(self.challenge, self.user, self.password or "", req.method,
                       urllib.parse.urlsplit(req.url)._replace(scheme="", netloc="").geturl(), self.nc)

    def _once(self, req: Request, authorization: str | None) -> tuple[int, dict, bytes]:
        headers = {"Content-Type": req.content_type, "Content-Length": str(len(req.body)),
                   "User-Agent": "sanad-kg", "Accept": "*/*"}
        if authorization:
            headers["Authorization"] = authorization
        http_req = urllib.request.Request(req.url, data=req.body, method=req.method, headers=headers)
        try:
            with _opener(req.url).open(http_req, timeout=self.timeout) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers or {}), exc.read() if exc.fp else b""
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _Retryable(f"cannot reach the store: {reason}") from None


class _Retryable(Exception):
    pass


def push(requests: list[Request], client: Client) -> list[int]:
    return [client.send(r) for r in requests]


def _opener(url: str):
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    handlers = [urllib.request.ProxyHandler({})] if loopback else []  # never send loopback traffic to a proxy
    return urllib.request.build_opener(*handlers)


def _parse_challenge(header: str) -> dict[str, str]:
    fields = {"scheme": "digest"}
    for key, quoted, bare in re.findall(r'(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))', header.split(None, 1)[1]):
        fields[key.lower()] = quoted if quoted or not bare else bare
    return fields


def _digest(ch: dict[str, str], user: str, password: str, method: str, uri: str, nc: int) -> str:
    """An RFC 7616 Authorization header (MD5, SHA-256 and their -sess forms; qop=auth)."""
    algorithm = ch.get("algorithm", "MD5")
    name = algorithm.upper().removesuffix("-SESS")
    if name not in ("MD5", "SHA-256"):
        raise PushError(f"the store asks for digest algorithm {algorithm}; Sanad speaks MD5 and SHA-256")

    def h(text: str) -> str:
        return hashlib.new(name.replace("-", "").lower(), text.encode("utf-8")).hexdigest()

    realm, nonce = ch.get("realm", ""), ch.get("nonce", "")
    cnonce = hashlib.sha256(os.urandom(16)).hexdigest()[:16]
    ha1 = h(f"{user}:{realm}:{password}")
    if algorithm.upper().endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{uri}")
    qops = [q.strip() for q in ch.get("qop", "").split(",") if q.strip()]
    parts = {"username": user, "realm": realm, "nonce": nonce, "uri": uri, "algorithm": algorithm}
    if "auth" in qops:
        nc_text = f"{nc:08x}"
        parts |= {"qop": "auth", "nc": nc_text, "cnonce": cnonce,
                  "response": h(f"{ha1}:{nonce}:{nc_text}:{cnonce}:auth:{ha2}")}
    elif qops:
        raise PushError(f"the store asks for digest qop={ch.get('qop')}; Sanad speaks qop=auth")
    else:
        parts["response"] = h(f"{ha1}:{nonce}:{ha2}")
    if "opaque" in ch:
        parts["opaque"] = ch["opaque"]
    unquoted = {"algorithm", "qop", "nc"}
    return "Digest " + ", ".join(f'{k}={v}' if k in unquoted else f'{k}="{v}"' for k, v in parts.items())


def _server_message(body: bytes) -> str:
    """The gist of an error page: tags dropped, whitespace collapsed, at most 300 characters."""
    text = body.decode("utf-8", "replace")
    text = re.sub(r"(?is)<(script|style|title|head)\b.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\s+", " ", text).strip()
    return text[:300] + ("..." if len(text) > 300 else "")


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
