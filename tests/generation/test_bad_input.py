"""Bad specs: generate.py exits non-zero with the generator's own message and leaves generated/ alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from .workspace import copy_project, run_generate, snapshot

TEXT_BODY_OPERATION = """
  /rest/serverengine/entity/jobs/{jobId}/notes:
    put:
      operationId: putJobNotes
      tags: [Job Entity]
      parameters:
        - {name: jobId, in: path, required: true, schema: {type: integer}}
      requestBody:
        required: true
        content:
          text/plain:
            schema: {type: string}
      responses:
        "200":
          description: stored
"""


def _insert_under_paths(spec_path: Path, block: str) -> None:
    text = spec_path.read_text(encoding="utf-8")
    assert "\npaths:\n" in text
    spec_path.write_text(text.replace("\npaths:\n", "\npaths:" + block, 1), encoding="utf-8")


@pytest.mark.slow
def test_generator_warning_fails_and_names_the_dropped_operation(tmp_path: Path) -> None:
    """A text/plain request body is unsupported by the generator: it would silently drop the endpoint."""
    root = copy_project(tmp_path)
    _insert_under_paths(root / "spec" / "olconnect.yaml", TEXT_BODY_OPERATION)
    before = snapshot(root / "generated")

    result = run_generate(root)

    assert result.returncode == 1
    assert "openapi-python-client failed for olconnect" in result.stderr
    assert "PUT /rest/serverengine/entity/jobs/{jobId}/notes" in result.stderr
    assert "generated/ was left unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root / "generated") == before


@pytest.mark.slow
def test_invalid_spec_fails_before_anything_is_swapped(tmp_path: Path) -> None:
    """The second spec fails after the first one was built: neither package may change."""
    root = copy_project(tmp_path)
    spec = root / "spec" / "avepoint.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("openapi: 3.1.0", 'openapi: "2.0"', 1))
    before = snapshot(root / "generated")

    result = run_generate(root)

    assert result.returncode == 1
    assert "openapi-python-client failed for avepoint" in result.stderr
    assert "Failed to parse OpenAPI document" in result.stderr, result.stderr
    assert snapshot(root / "generated") == before


def test_unreadable_yaml_is_one_clear_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    (root / "spec" / "olconnect.yaml").write_text("openapi: [unclosed\n", encoding="utf-8")

    result = run_generate(root, "--check")

    assert result.returncode == 1
    assert "olconnect spec is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_guide_marker_for_an_unknown_package_fails_by_name(tmp_path: Path) -> None:
    """A typo in a `<!-- readme: ... -->` marker would silently drop text from every README."""
    root = copy_project(tmp_path)
    guide = root / "docs" / "clients.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text + "\n<!-- readme: olconnect_clinet -->\nStray text.\n", encoding="utf-8")
    before = snapshot(root / "generated")

    result = run_generate(root)

    assert result.returncode == 1
    assert "docs/clients.md" in result.stderr
    assert "olconnect_clinet" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root / "generated") == before
