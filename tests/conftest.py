"""Shared fixtures: the seed built once per session, its store, the reference scorer."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

import kg
from kg.query import Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "databricks-talent-wars.ar.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "tools" / "score.py").exists():
        pytest.skip("../shared (gold files and the reference scorer) is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("sanad_reference_scorer", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """`kg build` of the bundled seeds, once for the session."""
    out = tmp_path_factory.mktemp("seed-build")
    result = kg.build([ROOT / "seeds"], out)
    assert result.report is not None and result.report.ok, result.report.text
    return out


@pytest.fixture(scope="session")
def seed_store(seed_build: Path) -> Store:
    return Store(seed_build / "graph.trig")


@pytest.fixture()
def article_dir(tmp_path: Path):
    """Write small articles (and metadata) into a fresh folder."""

    def write(name: str, text: str | bytes, meta: str | None = None) -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        if meta is not None:
            path.with_name(path.stem + ".meta.json").write_text(meta, encoding="utf-8")
        return path
    write.dir = tmp_path
    return write


def copy_article(src: Path, dest_dir: Path) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dest_dir / src.name)
    meta = src.with_name(src.stem + ".meta.json")
    if meta.exists():
        shutil.copy(meta, dest_dir / meta.name)
    return dest_dir / src.name
