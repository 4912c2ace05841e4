"""`kg serve`: the SPARQL endpoint's command (the server itself is kg/server.py)."""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from kg.cli import EXIT_CODES, Command
from kg.defaults import BUILD_DIR, SERVE_HOST, SERVE_MAX_BODY, SERVE_MAX_RESULTS, SERVE_PORT, SERVE_TIMEOUT
from kg.errors import KGError


def _stop(signum, frame):  # SIGTERM stops the server as Ctrl-C does
    raise KeyboardInterrupt


@click.command(cls=Command, epilog=EXIT_CODES)
@click.option("--graph", "--store", "location", type=click.Path(path_type=Path), default=BUILD_DIR, show_default=True,
              help="A build folder (its store/, or graph.trig when the store is missing or stale), a store folder, "
                   "or a graph file (loaded into a temporary store).")
@click.option("--port", type=click.IntRange(0, 65535), default=SERVE_PORT, show_default=True,
              help="Port (0: any free port; the address is printed).")
@click.option("--host", default=SERVE_HOST, show_default=True, help="Address to listen on.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=SERVE_TIMEOUT, show_default=True,
              help="Seconds a query or update may run; past it, it is stopped (HTTP 503).")
@click.option("--max-results", type=click.IntRange(1), default=SERVE_MAX_RESULTS, show_default=True,
              help="Rows of a SELECT, or triples of a graph answer, beyond which the answer is refused (HTTP 400).")
@click.option("--max-body", type=click.IntRange(1), default=SERVE_MAX_BODY, show_default=True,
              help="Bytes of a request body beyond which it is refused (HTTP 413).")
@click.option("--workers", type=click.IntRange(1, 64), default=min(2, os.cpu_count() or 1), show_default=True,
              help="Query worker processes (one with --allow-update).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes, with the bearer token from --token-env.")
@click.option("--token-env", metavar="VAR", help="Environment variable holding the bearer token for updates.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries) and LOAD, which reach the network.")
@click.option("--memory", type=click.Choice(["auto", "on", "off"]), default="auto", show_default=True,
              help="Copy the default graph into each worker's memory at start (queries naming no graph run 2-4x "
                   "faster; about the store's size on disk per worker); auto: when that fits in half the free memory. "
                   "Never with --allow-update.")
def serve(location: Path, port: int, host: str, timeout: float, max_results: int, max_body: int, workers: int,
          allow_update: bool, token_env: str | None, allow_service: bool, memory: str) -> None:
    """Serve the graph over HTTP: a SPARQL 1.1 endpoint at /sparql, the Graph Store Protocol at
    /store (GET ?graph=IRI or ?default), the explorer at / and the query library at /queries.

    Read-only and bound to 127.0.0.1 unless told otherwise. One request is logged per line on stderr.

    \b
    Example:
      kg serve                       # build/ on http://127.0.0.1:8000/
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a sanad:Person }' \\
           http://127.0.0.1:8000/sparql
      SANAD_TOKEN=secret kg serve --allow-update --token-env SANAD_TOKEN
    """
    from kg import server

    token = None
    if allow_update:
        if not token_env:
            raise KGError("--allow-update needs --token-env VAR: the environment variable that holds the bearer token")
        token = os.environ.get(token_env, "")
        if not token.strip():
            raise KGError(f"--token-env {token_env}: the environment variable {token_env} is not set or empty")
    elif token_env:
        raise KGError("--token-env is only for --allow-update")
    signal.signal(signal.SIGTERM, _stop)
    server.run(location, host=host, port=port, timeout=timeout, max_results=max_results, max_body=max_body,
               allow_update=allow_update, token=token.strip() if token else None, allow_service=allow_service,
               workers=workers, memory=memory, log=sys.stderr)
