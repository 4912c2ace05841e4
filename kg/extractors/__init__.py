"""Stage 3: a Doc becomes facts. Each rule family lives in its own module and registers its
extractors here under a versioned name, which the graph records as `sanad:extractedBy`.

Order matters and is explicit: people introduced by titles and descriptions come first, so
that quotes, moves and deals can refer to them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.extractors.context import Context


@dataclass(frozen=True)
class Extractor:
    name: str  # versioned, e.g. "sanad.position.apposition.v1"
    produces: tuple[str, ...]  # ontology terms it can assert
    run: Callable[[Context], None]


EXTRACTORS: list[Extractor] = []


def extractor(name: str, produces: tuple[str, ...]):
    def register(fn: Callable[[Context], None]) -> Callable[[Context], None]:
        EXTRACTORS.append(Extractor(name, produces, fn))
        return fn
    return register


def run_all(ctx: Context) -> None:
    for ex in EXTRACTORS:
        ctx.rule = ex.name
        ex.run(ctx)


# Importing the rule families registers them, in pipeline order.
from kg.extractors import positions, employment, quotes, deals, hardware, structure  # noqa: E402, F401, I001
