"""Compiled forms of the stages that run Python code per word and per triple, used in place of their
sources when they were built from exactly those sources.

`make native` (run by `make build` and `make test`: kg.native.build()) compiles MODULES with Cython, as plain
Python (type annotations are not enforced), into FOLDER, each file named after the SHA-256 of the
source it was built from. On import, `install()` puts a finder first on sys.meta_path that loads a
module's compiled file when there is one for its source as it is now, and leaves the module to
Python's own finder otherwise: a source edited since, a machine without a C compiler, or
SANAD_NATIVE=0 in the environment all run the sources. The compiled code is the same code, so it
writes the same bytes (tests/test_native.py builds the test corpus both ways and compares). At
1,500 generated articles extraction took 18.9-19.7 ms of CPU an article against 22.1-22.5 ms from
the sources, and the explorer's model 3.5 s against 4.4 s at 10,000 (see the README).
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).parent  # the kg package
FOLDER = ROOT / "_native"
FORMAT = 1  # part of every digest: raise it when the way modules are compiled changes
DISABLE = "SANAD_NATIVE"  # SANAD_NATIVE=0: run the sources
MODULES = (
    "kg.text", "kg.lexicon", "kg.mentions", "kg.relations",
    "kg.extractors.context", "kg.extractors.deals", "kg.extractors.employment", "kg.extractors.hardware",
    "kg.extractors.positions", "kg.extractors.quotes", "kg.extractors.structure",
    "kg.rdf", "kg.render", "kg.export", "kg.shacl", "kg.owlcheck", "kg.validate", "kg.view",
)
DIRECTIVES = ("language_level=3", "annotation_typing=False")
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def source(name: str) -> Path:
    return ROOT.joinpath(*name.split(".")[1:]).with_suffix(".py")


def digest(name: str, code: bytes | None = None) -> str:
    """What a compiled module is built from: its source (CODE, else the file as it is now), the
    interpreter's ABI and how it is compiled."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.implementation.cache_tag}\0{SUFFIX}\0{DIRECTIVES}\0".encode())
    h.update(source(name).read_bytes() if code is None else code)
    return h.hexdigest()[:24]


def compiled(name: str, code: bytes | None = None) -> Path:
    """Where the compiled form of module NAME, as its source is now (or CODE), is or would be."""
    return FOLDER / f"{name}.{digest(name, code)}{SUFFIX}"


class _Finder:
    """A meta path finder for MODULES: a module's compiled file when it is current, else nothing
    (the next finder loads the source)."""

    def find_spec(self, name: str, path=None, target=None):
        if name not in MODULES:
            return None
        try:
            found = compiled(name)
        except OSError:
            return None
        if not found.is_file():
            return None
        loader = importlib.machinery.ExtensionFileLoader(name, str(found))
        return importlib.util.spec_from_file_location(name, found, loader=loader)


def install() -> None:
    """Load compiled modules from now on, unless SANAD_NATIVE=0 (see the module's docstring)."""
    if os.environ.get(DISABLE, "1") == "0" or any(isinstance(f, _Finder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder())


def ready() -> bool:
    """Every module of MODULES is compiled from its source as it is now, and SANAD_NATIVE allows them:
    a process started now runs them all compiled."""
    return os.environ.get(DISABLE, "1") != "0" and all(compiled(name).is_file() for name in MODULES)


def in_use() -> list[str]:
    """The modules of MODULES loaded from their compiled files in this process."""
    return [name for name in MODULES if getattr(sys.modules.get(name), "__file__", "").startswith(str(FOLDER))]


def build(jobs: int | None = None, quiet: bool = False) -> list[str]:
    """Compile the modules whose compiled file is missing or stale, and remove stale files. Returns
    the names compiled. Without Cython or a C compiler it says so and compiles nothing: the sources run."""
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr))
    codes = {name: source(name).read_bytes() for name in MODULES}
    targets = {name: compiled(name, code) for name, code in codes.items()}  # (named after the sources compiled)
    todo = [name for name, target in targets.items() if not target.is_file()]
    _remove_stale({target.name for target in targets.values()})
    if not todo:
        say(f"kg.native: the {len(MODULES)} compiled modules are current")
        return []
    try:
        import Cython  # noqa: F401
    except ImportError:
        say("kg.native: Cython is not installed; Sanad runs its Python sources")
        return []
    try:
        FOLDER.mkdir(exist_ok=True)
    except OSError as exc:
        say(f"kg.native: cannot write {FOLDER} ({exc.strerror}); Sanad runs its Python sources")
        return []
    with tempfile.TemporaryDirectory(prefix="sanad-native-") as tmp:
        work = Path(tmp)
        files = []
        for name in todo:  # each source in its package's folder, so that Cython names it kg.x.y
            target = work.joinpath(*name.split(".")).with_suffix(".py")
            for parent in [target.parent, *target.parent.parents]:
                if parent == work:
                    break
                parent.mkdir(parents=True, exist_ok=True)
                (parent / "__init__.py").touch()
            target.write_bytes(codes[name])
            files.append(str(target.relative_to(work)))
        command = [sys.executable, "-m", "Cython.Build.Cythonize", "-i", "-q", "-j", str(jobs or os.cpu_count() or 1)]
        for directive in DIRECTIVES:
            command += ["-X", directive]
        say(f"kg.native: compiling {len(todo)} modules with Cython (a few minutes, once)")
        done = subprocess.run(command + files, cwd=work, capture_output=True, text=True)
        if done.returncode != 0:
            say("kg.native: compiling failed; Sanad runs its Python sources. The compiler said:\n" + done.stderr[-2000:])
            return []
        made = []
        for name in todo:
            built = work.joinpath(*name.split(".")).with_suffix(SUFFIX)  # (what setuptools names it: kg/x/y.cpython-...so)
            if built.is_file():
                tmp_target = FOLDER / f".{name}.tmp"
                shutil.copyfile(built, tmp_target)
                os.replace(tmp_target, targets[name])  # (a process that has the old file open keeps it)
                made.append(name)
    say(f"kg.native: compiled {', '.join(made)}")
    return made


def _remove_stale(current: set[str]) -> None:
    """Compiled files of this interpreter's kind but CURRENT (the names of those built from the
    sources of now), and leftovers of a build that was stopped (files of another interpreter's kind
    are another's to keep)."""
    if not FOLDER.is_dir():
        return
    for path in FOLDER.iterdir():
        ours = path.name.endswith(SUFFIX) and path.name.split(".", 2)[:1] == ["kg"]
        if ours and path.name not in current or path.name.startswith(".kg.") and path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)

