"""One family of exceptions. The CLI turns every KGError into `Error: ...` and exit code 2."""
from __future__ import annotations

from pathlib import Path


class KGError(Exception):
    """A problem the user can fix: bad input, a bad query, a missing build."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self):  # keeps the path when a worker process sends the error back
        return (type(self), (self.message, self.path))


class InputError(KGError):
    """An article, metadata file or graph that cannot be read."""


class QueryError(KGError):
    """A SPARQL query that cannot be found, parsed or run."""


class OntologyError(KGError):
    """The ontology or shapes cannot be loaded, or a term is unknown."""
