"""The stages compiled with Cython (kg/native.py): used only when built from the sources as they are,
and writing the same bytes as the sources."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import native

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"  # articles written by someone who did not read the extractors
SEEDS = ROOT / "seeds"


def _python(code: str, native_on: bool, cwd: Path = ROOT) -> str:
    env = {**os.environ, native.DISABLE: "1" if native_on else "0"}
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _loaded(native_on: bool) -> list[str]:
    """The modules a fresh process loads from their compiled files."""
    code = (f"import importlib, kg.native as n\nfor m in {native.MODULES!r}: importlib.import_module(m)\n"
            "print(','.join(n.in_use()))")
    return [m for m in _python(code, native_on).strip().split(",") if m]


def _require_compiled() -> None:
    if not native.ready():
        if os.environ.get("CI"):
            pytest.fail("the compiled modules are missing or stale, or SANAD_NATIVE=0: `make native` builds them "
                        "(make test runs it)")
        pytest.skip("the compiled modules are missing or stale, or SANAD_NATIVE=0: run `make native`")


def test_a_process_loads_every_compiled_module_and_none_with_sanad_native_0():
    _require_compiled()
    assert _loaded(True) == list(native.MODULES)
    assert _loaded(False) == []


def test_the_compiled_stages_write_the_same_bytes_as_their_sources(tmp_path):
    _require_compiled()
    outputs = {}
    for native_on in (False, True):
        out = tmp_path / ("compiled" if native_on else "sources")
        env = {**os.environ, native.DISABLE: "1" if native_on else "0"}
        done = subprocess.run([sys.executable, "-m", "kg", "build", str(CORPUS), str(SEEDS), "--out", str(out), "-q",
                               "--validator", "fast"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stderr
        outputs[native_on] = {name: (out / name).read_bytes() for name in ("graph.trig", "graph.ttl", "graph.html")}
    for name, data in outputs[False].items():
        assert len(data) > 10_000, name
        assert outputs[True][name] == data, f"{name} differs between the compiled stages and their sources"


def test_a_compiled_file_built_from_another_source_is_never_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(native, "FOLDER", tmp_path)
    finder = native._Finder()
    current = native.compiled("kg.mentions")
    stale = tmp_path / f"kg.mentions.{'0' * 24}{native.SUFFIX}"
    stale.write_bytes(b"not a library")
    assert finder.find_spec("kg.mentions") is None  # (only a stale file: the source is loaded)
    current.write_bytes(b"not a library either")
    spec = finder.find_spec("kg.mentions")
    assert spec is not None and spec.origin == str(current)
    assert finder.find_spec("kg.cli") is None  # (not one of the compiled modules)
    native._remove_stale({current.name})
    assert not stale.exists() and current.exists()
