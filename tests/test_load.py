"""A bounded load test of `kg serve` (issue 7): many concurrent clients running the query library
over loopback for a few seconds, with no failed request. bench/load_test.py is the full run
(200 clients for 30 s); this is the same code, shorter."""
from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import load_test  # noqa: E402


def test_concurrent_clients_get_every_answer(seed_build, tmp_path):
    result = load_test.run(seed_build, clients=100, seconds=5, workers=None, timeout=60, log=tmp_path / "serve.log")
    assert result["failures"] == 0, (result["failure_kinds"], result["failure_examples"])
    assert result["ok"] >= 100  # every client got answers
    assert result["server_exit"] == 0, (tmp_path / "serve.log").read_text()
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log
    assert log.count(" 200 ") == result["ok"]  # one log line per request


def test_every_library_query_is_in_the_plan():
    plan = load_test.requests()
    names = {label.split(" ")[0] for label, *_ in plan}
    assert names == {p.stem for p in (ROOT / "queries").glob("*.rq")}
    assert any(method == "POST" for _, method, _, _ in plan) and any("?" in path for _, _, path, _ in plan)
