"""The architecture, held by a test: each layer imports only the layers below it, and
each third-party library has one home (see the layering table in the README)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"

LAYERS = {
    "base": {"config", "errors", "__init__"},
    "records": {"models", "db", "migrations", "audit", "textindex"},
    "engines": {"extraction", "lookups", "matching"},
    "services": {"workflow", "permissions", "discussion", "claims", "sources", "accounts",
                 "casefiles", "export", "verify", "queue", "bulk", "similar", "sourcecheck",
                 "desklabels", "intake", "overview", "reuse"},
    "cli": {"cli", "__main__"},
    "ui": {"ui"},
}
MAY_IMPORT = {
    "base": {"base"},
    "records": {"base", "records"},
    "engines": {"base"},
    "services": {"base", "records", "engines", "services"},
    "cli": {"base", "records", "engines", "services", "cli"},
    "ui": {"base", "records", "engines", "services", "ui"},
}
HOMES = {  # library -> where it may be imported
    "streamlit": ("ui",),
    "altair": ("ui",),
    "typer": ("cli",),
    "click": ("cli",),
    "httpx": ("lookups",),
    "httpcore": ("lookups",),
    "pandas": ("export",),
    "sklearn": ("extraction/train", "extraction/selection"),
    "snowballstemmer": ("extraction/selection_words",),
}


def _layer_of(parts: tuple[str, ...]) -> str:
    top = parts[0].removesuffix(".py")
    for layer, names in LAYERS.items():
        if top in names:
            return layer
    raise AssertionError(f"workbench/{'/'.join(parts)} belongs to no layer; add it to LAYERS")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "versions" not in p.parts)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            if node.module == "workbench":
                names += [f"workbench.{a.name}" for a in node.names
                          if (PACKAGE / a.name).is_dir() or (PACKAGE / f"{a.name}.py").is_file()]
    return names


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_lower_layers(path: Path):
    rel = path.relative_to(PACKAGE).parts
    layer = _layer_of(rel)
    for name in _imports(path):
        if not name.startswith("workbench."):
            continue
        top = name.split(".")[1]
        if top == rel[0].removesuffix(".py"):
            continue  # a package's own modules
        target = _layer_of((top,))
        assert target in MAY_IMPORT[layer], (
            f"workbench/{'/'.join(rel)} ({layer}) imports {name} ({target})"
        )


@pytest.mark.parametrize("library", sorted(HOMES))
def test_each_library_has_one_home(library: str):
    offenders = []
    for path in _modules():
        rel = "/".join(path.relative_to(PACKAGE).parts).removesuffix(".py")
        if any(rel == home or rel.startswith(home + "/") or rel.startswith(home + ".")
               for home in HOMES[library]):
            continue
        if any(n == library or n.startswith(library + ".") for n in _imports(path)):
            offenders.append(rel)
    assert not offenders, f"{library} is imported outside {HOMES[library]}: {offenders}"


def test_ui_and_cli_never_import_each_other():
    for path in _modules():
        rel = path.relative_to(PACKAGE).parts
        names = _imports(path)
        if rel[0] == "ui":
            assert not any(n.startswith("workbench.cli") for n in names), rel
        if rel[0] in {"cli", "cli.py"}:
            assert not any(n.startswith("workbench.ui") for n in names), rel


def test_modules_stay_small():
    big = [(str(p.relative_to(PACKAGE)), n) for p in _modules()
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500]
    assert not big, f"modules over 500 lines: {big}"


#: The one script the dashboard writes: it sets the session cookie from a token the server
#: generated (Streamlit cannot set cookies); no user text ever reaches it.
SESSION_COOKIE_SCRIPT = PACKAGE / "ui" / "components" / "session_cookie.py"


def test_no_unsafe_html_in_the_dashboard():
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in text, path
        if path == SESSION_COOKIE_SCRIPT:
            assert text.count("st.html(") == 1 and "components.v1" not in text, path
            continue
        assert "st.html(" not in text and "components.v1" not in text, path
