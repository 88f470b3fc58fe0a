"""Scenario files that are broken or odd: one line naming the file and the problem, exit 2; odd but usable
values are served as JSON of the documented types."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import yaml

from mock_servers import APIS
from mock_servers.core.scenario import ScenarioError, load_scenario, packaged_text
from mock_servers.testing import running_mock

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_AVEPOINT = packaged_text("avepoint.yaml")
DEFAULT_OLCONNECT = packaged_text("olconnect.yaml")


def _first_start_time(text: str) -> str:
    return next(line.split(":", 1)[1].strip() for line in text.splitlines() if "startTime:" in line)


BAD_FILES = [
    # (api, file name, content, fragment expected in the one-line error)
    (
        "avepoint",
        "timestamp.yaml",
        DEFAULT_AVEPOINT.replace(_first_start_time(DEFAULT_AVEPOINT), "2024-01-01T00:09:55Z", 1),
        "unquoted YAML date/timestamp",
    ),
    (
        "avepoint",
        "date.yaml",
        DEFAULT_AVEPOINT.replace(_first_start_time(DEFAULT_AVEPOINT), "2024-01-01", 1),
        "/jobs/0/startTime",
    ),
    (
        "avepoint",
        "nan.yaml",
        DEFAULT_AVEPOINT.replace("progress: 100.0", "progress: .nan", 1),
        "is not a JSON number",
    ),
    (
        "avepoint",
        "inf.yaml",
        DEFAULT_AVEPOINT.replace("progress: 100.0", "progress: -.inf", 1),
        "is not a JSON number",
    ),
    ("avepoint", "deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("olconnect", "deep.json", '{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    ("olconnect", "deep-yaml.yaml", "users: " + "[" * 100_000 + "]" * 100_000, "not valid YAML"),
    ("olconnect", "moderately-deep.json", '{"users": ' + "[" * 100 + "]" * 100 + "}", "nested deeper than"),
    ("olconnect", "nan.json", '{"users": [], "job_sets": [], "media": [], "x": NaN}', "is not a JSON number"),
    ("olconnect", "wrong-types.yaml", "users: admin\nmedia: []\njob_sets: 5\n", "is not of type"),
    ("olconnect", "id-text.yaml", DEFAULT_OLCONNECT.replace("id: 2001", "id: '2001'", 1), "2001"),
    ("olconnect", "id-fraction.yaml", DEFAULT_OLCONNECT.replace("id: 2001", "id: 2001.5", 1), "2001.5"),
    ("olconnect", "non-string-key.yaml", "users: []\n1: x\n", "is not a string"),
    ("olconnect", "binary.yaml", "users: !!binary aGVsbG8=\n", "bytes values are not JSON data"),
    ("olconnect", "not-utf8.yaml", b"users: \xff\xfe".decode("latin-1"), "not UTF-8"),
]


@pytest.mark.parametrize(
    ("api", "name", "content", "fragment"), BAD_FILES, ids=[f[1] + "-" + f[0] for f in BAD_FILES]
)
def test_bad_scenario_file_is_one_line_exit_2(
    tmp_path: Path, api: str, name: str, content: str, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1" if name == "not-utf8.yaml" else "utf-8"))
    result = subprocess.run(
        [sys.executable, "-m", "mock_servers", api, "--port", "0", "--scenario", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2, result.stderr[-500:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-1000:]
    assert lines[0].startswith(f"mock_servers: error: {path}: ")
    assert fragment in lines[0]
    assert len(lines[0]) < 400


def test_whole_float_ids_are_served_as_integers(tmp_path: Path) -> None:
    text = DEFAULT_OLCONNECT.replace("id: 2001", "id: 2001.0", 1).replace("id: 1001", "id: 1001.0", 1)
    path = tmp_path / "floats.yaml"
    path.write_text(text)
    document, _ = load_scenario("olconnect", path)
    assert document["job_sets"][0]["id"] == 1001
    assert type(document["job_sets"][0]["id"]) is int
    with running_mock("olconnect", path, access_log=False) as mock:
        assert mock.info["ids"]["jobs"][0] == 2001
        answer = httpx.get(
            mock.base_url + "/rest/serverengine/statistics/jobset/1001",
            params={"levelMode": "documentOnly"},
            auth=("admin", "admin-password"),
        )
        assert answer.status_code == 200
        assert "1001.0" not in answer.text
        job = httpx.get(
            mock.base_url + "/rest/serverengine/entity/jobs/2001", auth=("admin", "admin-password")
        )
        assert job.status_code == 200


def test_every_default_scenario_value_is_plain_json() -> None:
    for api in APIS:
        document, _ = load_scenario(api, None)
        assert json.loads(json.dumps(document, allow_nan=False)) == document
        assert yaml.safe_load(packaged_text(f"{api}.yaml")) is not None


def test_scenario_error_is_a_value_error() -> None:
    assert issubclass(ScenarioError, ValueError)
