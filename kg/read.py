"""Stage 1: a file on disk becomes an Article (UTF-8, BOM removed, nothing else changed)."""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.defaults import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES, META_FIELDS, META_SUFFIX
from kg.errors import InputError
from kg.iris import article_key
from kg.model import Article

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")
# Characters XML 1.0 cannot hold: RDF/XML exports and the OWL reasoner (HermiT) fail on them, so
# they are refused when read, with the place, rather than later with a message about a literal.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their article files; sorted, so input order never matters."""
    found: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", path)
        if path.is_dir():
            found.update(_files_below(path))
        elif _is_article(path):
            found.add(path)
        elif path.name.endswith(META_SUFFIX):
            continue  # a sidecar given along with its article (a shell glob such as x.*)
        else:
            raise InputError(f"not an article: expected a file ending in {' or '.join(ARTICLE_SUFFIXES)}", path)
    return sorted(found, key=lambda p: (p.name, str(p)))


def _files_below(folder: Path) -> Iterator[Path]:
    """The article files anywhere below FOLDER, as `rglob("*")` and `is_file()` find them (a link to a
    file counts, a link to a folder is not followed), from the directory entries' own types: at 10,000
    articles 0.55 s went in a stat() per path, and every build lists the corpus."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                yield from _files_below(folder / entry.name)
            elif entry.name.endswith(ARTICLE_SUFFIXES) and _is_article(path := folder / entry.name) and entry.is_file():
                yield path


def _is_article(path: Path) -> bool:
    """.txt and .md files, except hidden ones and a folder's README."""
    return path.suffix in ARTICLE_SUFFIXES and not path.name.startswith(".") and path.stem.upper() != "README"


def meta_path(path: Path) -> Path:
    """`x.ar.txt` -> `x.ar.meta.json`: the last suffix is replaced."""
    return path.with_name(path.stem + META_SUFFIX)


def read_article(path: Path) -> Article:
    text = decode(path)
    meta = read_meta(meta_path(path))
    language = meta.get("language") or detect_language(text)
    title = meta.get("title") or headline(text, path.suffix)
    return Article(
        key=article_key(path.name[: -len(path.suffix)]),
        path=str(path),
        text=text,
        language=language,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=title,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
    )


def decode(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(f"file is {size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,}", path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16; save it as UTF-8", path)
    if b"\x00" in data:
        raise InputError("file is binary (it contains NUL bytes), not UTF-8 text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}; save the file as UTF-8", path) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError("article is empty", path)
    bad = _NOT_TEXT.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(f"line {line}, column {col}: {_not_text(bad.group())}", path)
    return text


def _not_text(char: str) -> str:
    return (f"character U+{ord(char):04X} is not text (a control character, lone surrogate or non-character, "
            "which RDF/XML and the OWL reasoner cannot hold); remove it")


def read_meta(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        data = json.loads(decode(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", path) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"unreadable JSON: {str(exc).split(';')[0]}", path) from None
    except RecursionError:
        raise InputError("unreadable JSON: nested too deeply", path) from None
    if not isinstance(data, dict):
        raise InputError(f"metadata must be a JSON object, not {type(data).__name__}", path)
    meta = {}
    for name, kind in META_FIELDS.items():
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, kind):
            raise InputError(f"field '{name}' must be a string or null, not {type(value).__name__}", path)
        bad = _NOT_TEXT.search(value)
        if bad:
            raise InputError(f"field '{name}': {_not_text(bad.group())}", path)
        if value.strip():
            meta[name] = value.strip()
    if "language" in meta and meta["language"] not in ("ar", "en"):
        raise InputError(f"field 'language' is '{meta['language']}'; Sanad reads 'ar' and 'en'", path)
    return meta


def detect_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en'."""
    return "ar" if len(_ARABIC.findall(text)) >= len(_LATIN.findall(text)) else "en"


def headline(text: str, suffix: str) -> str:
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line.lstrip("#").strip() if suffix == ".md" else line
    return ""
