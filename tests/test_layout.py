"""The core's rooms: a folder per idea, each saying what it holds, no import circles, and nothing of MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

CORE = ROOT / "scripts" / "notes_core"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(CORE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each module of the core, and the modules of the core it imports (wherever in the file)."""
    modules = {module_name(path): path for path in CORE.rglob("*.py")}
    found: dict[str, set[str]] = {}
    for name, path in modules.items():
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        found[name] = {other for other in names if other in modules and other != name}
    return found


def test_every_folder_says_what_it_holds():
    for folder in (path for path in CORE.iterdir() if path.is_dir() and path.name not in {"__pycache__", "templates"}):
        if any(folder.glob("*.py")):
            docstring = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8")))
            assert docstring and "import" in docstring.lower(), (
                f"{folder.name}/__init__.py: say what it holds and may import"
            )


def test_no_import_circles():
    graph = imports()
    circles = []

    def visit(module: str, path: list[str]) -> None:
        for other in sorted(graph[module]):
            if other in path:
                circles.append(path[path.index(other) :] + [other])
            elif other not in done:
                visit(other, path + [other])
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    # A package importing its own modules (an __init__ re-exporting) is not a circle of ideas.
    assert [c for c in circles if not (len(c) == 3 and c[0] == c[2] and c[1].startswith(c[0] + "."))] == []


def test_the_core_never_imports_mkdocs():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            assert not any(name.split(".")[0] in {"mkdocs", "properdocs", "material"} for name in names), path
