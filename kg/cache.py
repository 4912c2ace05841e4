"""The extraction cache: a rebuild re-extracts only articles whose content, metadata or
extraction rules changed. Entries are keyed by a hash of all three and live in DIR/.cache/."""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import fields, replace
from functools import lru_cache
from pathlib import Path

from kg.defaults import ONTOLOGY_FILE, SHAPES_FILE
from kg.export import write_atomic
from kg.lexicon import Lexicon
from kg.model import Article, Extraction

CACHE_FORMAT = 1
# The modules whose code decides what an article yields; editing any of them invalidates the cache.
RULE_MODULES = ("text.py", "mentions.py", "relations.py", "read.py", "model.py", "iris.py", "lexicon.py", "extractors")


@lru_cache(maxsize=4)
def rules_version(lexicon_version: str) -> str:
    h = hashlib.sha256(f"{CACHE_FORMAT}:{lexicon_version}".encode())
    root = Path(__file__).parent
    for name in RULE_MODULES:
        path = root / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def read_memo(path: Path) -> tuple | None:
    """(key, value) as write_memo kept them in PATH; None when there is no such file or it is damaged.
    A memo is a build's record of work it may not need to do again (DIR/.cache/extractions/*.memo,
    not *.pickle: Cache.prune deletes every *.pickle it did not use); the caller compares the key."""
    try:
        found = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - no memo, or a damaged one: the work is done again
        return None
    return found if isinstance(found, tuple) and len(found) == 2 else None


def write_memo(path: Path, key, value) -> None:
    """Keep VALUE with KEY (what it was made from) in PATH, for read_memo."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL), durable=False)


NAMES_INDEX = "names.index"  # beside the entries: what merging reads of each (see Cache.names_index)
# An article file (or its metadata) changed this close before a build looked at it is read again by the next
# build, whatever its stamp says: a change within one tick of the file system's clock would not show in it.
RACY_NS = 2_000_000_000


def article_stamp(path: Path, now_ns: int) -> tuple | None:
    """What tells a rebuild that an article file and its metadata (kg.read.meta_path) are as a build
    read them, without reading them (as git's index and make do): (size, modification and change times,
    inode, device) of each, None for metadata that is not there. The change time moves with any write
    and cannot be set back, so an edit that keeps the size and sets the modification time back still
    shows. None when a file cannot be looked at, or changed less than RACY_NS before NOW_NS. Take it
    before the file is read: a write after it shows in the next build's."""
    from kg.read import meta_path

    stamps = []
    for file in (path, meta_path(path)):
        try:
            st = os.stat(file)
        except FileNotFoundError:
            if file is path:
                return None
            stamps.append(None)
            continue
        except OSError:
            return None
        if max(st.st_mtime_ns, st.st_ctime_ns) > now_ns - RACY_NS:
            return None
        stamps.append((st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev))
    return tuple(stamps)


@lru_cache(maxsize=1)
def names_version() -> str:
    """What the names index depends on besides the entries' keys: the merging code (kg/resolve.py)."""
    h = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    h.update((Path(__file__).parent / "resolve.py").read_bytes())
    return h.hexdigest()[:16]


class Cache:
    def __init__(self, folder: Path | None, lex: Lexicon) -> None:
        self.folder = folder
        self.version = rules_version(lex.version)
        self.hits = self.misses = 0
        self.used: set[Path] = set()
        self.warnings: list[str] = []  # shown by the process that runs the build (entries may be read in workers)

    def key(self, article: Article) -> str:
        meta = (article.key, article.language, article.title, article.url, article.outlet, article.published)
        h = hashlib.sha256(f"{self.version}\0{meta!r}\0".encode() + article.text.encode("utf-8"))
        return h.hexdigest()[:32]

    def _path(self, article: Article) -> Path | None:
        return self.entry(self.key(article)) if self.folder else None

    def entry(self, key: str) -> Path:
        """The file of the entry KEY (in a cache with a folder)."""
        return self.folder / f"{key}.pickle"

    def stamp(self, key: str) -> tuple[int, int] | None:
        """The entry KEY's size and modification time, None when it is not there."""
        try:
            st = self.entry(key).stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def get(self, article: Article) -> Extraction | None:
        path = self._path(article)
        if path is None or not path.exists():
            self.misses += 1
            return None
        try:
            found = pickle.loads(path.read_bytes())
            if not isinstance(found, Extraction) or replace(found.article, path=article.path) != article:
                raise ValueError("entry does not match its article")
            if found.article.path != article.path:  # the articles' folder moved: the same article
                found = replace(found, article=article)
        except Exception as exc:  # noqa: BLE001 - any damage means: extract again
            self.warnings.append(f"{path}: damaged cache entry ({type(exc).__name__}); extracting again")
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(path)
        return found

    def put(self, article: Article, extraction: Extraction) -> None:
        path = self._path(article)
        if path is not None:
            write_atomic(path, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
            self.used.add(path)

    def names_index(self) -> tuple[dict[str, tuple], dict[str, tuple]]:
        """The names index: entry key -> (kg.resolve.names_of of its extraction, its entity keys, the
        entry's stamp when they were read), so that a rebuild merges a corpus without unpickling every
        extraction; and article file -> (its article_stamp, its entry key, its article key) under these
        extraction rules, so that a rebuild does not read the articles that did not change either (at
        10,000 articles, 1.5 s against 0.25 s for their stamps). Empty when missing, damaged or made by
        other merging code."""
        try:
            found = pickle.loads((self.folder / NAMES_INDEX).read_bytes())
        except Exception:  # noqa: BLE001 - missing or damaged: the entries are read instead
            return {}, {}
        if not isinstance(found, dict) or found.get("version") != names_version():
            return {}, {}
        return found.get("entries", {}), found.get("files", {}) if found.get("rules") == self.version else {}

    def write_names_index(self, names: dict[str, tuple[dict, tuple[str, ...]]], files: dict[str, tuple]) -> None:
        """The names index for NAMES (entry key -> (names, entity keys)), each with its entry's stamp,
        and FILES (article file -> (article_stamp, entry key, article key))."""
        entries = {key: (*value, stamp) for key, value in names.items() if (stamp := self.stamp(key)) is not None}
        data = pickle.dumps({"version": names_version(), "rules": self.version, "entries": entries, "files": files},
                            protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self.folder / NAMES_INDEX, data, durable=False)

    def prune(self) -> None:
        """Drop entries this build did not use (old versions of changed or removed articles)."""
        if self.folder and self.folder.exists():
            for path in self.folder.glob("*.pickle"):
                if path not in self.used:
                    path.unlink(missing_ok=True)


# The modules whose code decides how an extraction becomes RDF text; editing any of them
# invalidates rendered graphs.
RENDER_MODULES = ("rdf.py", "render.py", "export.py", "iris.py", "model.py", "defaults.py", "vocab.py", "validate.py",
                  "shacl.py", "owlcheck.py")


@lru_cache(maxsize=1)
def render_version() -> str:
    h = hashlib.sha256(f"{CACHE_FORMAT}".encode())
    root = Path(__file__).parent
    for path in [root / name for name in RENDER_MODULES] + [ONTOLOGY_FILE, SHAPES_FILE]:  # graphs carry their checks
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(ex: Extraction, base: str) -> str:
    """A hash of everything an article's graph is made from: the extraction's origin when it has one
    (what it was made from: see Extraction.origin), else the extraction itself (sets in sorted order,
    so the same extraction gives the same hash in any process). (At 10,000 articles the origin saves
    4 s of writing out every extraction on each build.)"""
    if ex.origin:
        return origin_fingerprint(ex.origin, base)
    h = hashlib.sha256(f"{render_version()}\0{base}".encode())
    for f in fields(ex):
        value = getattr(ex, f.name)
        h.update(b"\0" + repr(sorted(value) if isinstance(value, (set, frozenset)) else value).encode("utf-8"))
    return h.hexdigest()[:32]


def origin_fingerprint(origin: str, base: str) -> str:
    """fingerprint() of an extraction whose origin is ORIGIN, without the extraction."""
    return hashlib.sha256(f"{render_version()}\0{base}\0origin\0{origin}".encode()).hexdigest()[:32]


class RenderCache:
    """Rendered article graphs (kg.render.Rendered) in DIR/.cache/render/, keyed by fingerprint():
    a rebuild after one article changed renders that article only."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[Path] = set()

    def get(self, key: str):
        path = self.folder / f"{key}.pickle" if self.folder else None
        if path is None or not path.exists():
            return None
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a damaged entry is rendered again
            path.unlink(missing_ok=True)
            return None

    def put(self, key: str, rendered) -> None:
        if self.folder is not None:
            write_atomic(self.folder / f"{key}.pickle", pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL), durable=False)

    def prune(self, keep: set[str]) -> None:
        if self.folder and self.folder.exists():
            for path in self.folder.glob("*.pickle"):
                if path.stem not in keep:
                    path.unlink(missing_ok=True)
