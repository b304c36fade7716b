"""House rules that keep the code readable: a docstring on every public function and class."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "association"


def test_every_public_function_and_class_has_a_docstring():
    """Module-level and class-level public definitions say what they are for."""
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not ast.get_docstring(tree):
            missing.append(f"{path.relative_to(PACKAGE)}: module")
        scopes = [tree] + [n for n in tree.body if isinstance(n, ast.ClassDef)]
        for scope in scopes:
            for node in scope.body:
                if (isinstance(node, (ast.FunctionDef, ast.ClassDef))
                        and not node.name.startswith("_") and node.name != "Meta"
                        and not ast.get_docstring(node)):
                    missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    assert missing == []
