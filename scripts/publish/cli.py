"""Build and publish olconnect-client, avepoint-graph-client and olc-avepoint-contracts (wheels, sdists).

    python -m scripts.publish build [--dist DIR]
    python -m scripts.publish upload --repository-url URL [--index-url URL] [--dist DIR]

`build` rebuilds all three into dist/. `upload` first asks the index whether it already has any of the
three versions and refuses, with one line, if it has: versions on an index are never replaced. Then it
rebuilds whatever is stale in dist/ (a missing file of the current version, or a source newer than the
build), and twine uploads the six files. Credentials come only from TWINE_USERNAME and TWINE_PASSWORD;
options or URLs that carry them are refused, so a password never lands in a shell history or a process
list.

Exit codes: 0 uploaded (or built); 1 refused (version already published) or a failed build or upload;
2 bad command line or missing credentials.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from packaging.version import Version

from .index import published_versions
from .projects import ROOT, Project, PublishError, all_projects, build, stale_reason

PROG = "publish"
CREDENTIAL_OPTIONS = ("-u", "--username", "-p", "--password", "--client-cert", "--cert")
USAGE_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build all three distributions into dist/")
    upload = commands.add_parser("upload", help="build what is stale, check the index, upload with twine")
    for sub in (build_cmd, upload):
        sub.add_argument("--dist", type=Path, default=ROOT / "dist", help="folder of the built files")
    upload.add_argument(
        "--repository-url", required=True, help="upload URL (e.g. https://host/ for pypiserver)"
    )
    upload.add_argument(
        "--index-url",
        help="simple index to check for existing versions (default: REPOSITORY_URL/simple/)",
    )
    return parser


def check_arguments(argv: Sequence[str]) -> None:
    """Credentials never come from the command line (twine would accept them there)."""
    for arg in argv:
        if arg.split("=", 1)[0] in CREDENTIAL_OPTIONS:
            raise UsageError(f"{arg.split('=', 1)[0]} is not accepted: set TWINE_USERNAME and TWINE_PASSWORD")


class UsageError(Exception):
    """A command-line or environment mistake (exit 2)."""


def credentials() -> tuple[str, str]:
    username, password = os.environ.get("TWINE_USERNAME", ""), os.environ.get("TWINE_PASSWORD", "")
    if not username or not password:
        raise UsageError("set TWINE_USERNAME and TWINE_PASSWORD (the index credentials) in the environment")
    return username, password


def check_url(url: str, option: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise UsageError(f"{option} must be an http(s) URL, got {url!r}")
    if parts.username or parts.password:
        raise UsageError(f"{option} must not contain credentials: set TWINE_USERNAME and TWINE_PASSWORD")
    return url


def refresh(projects: list[Project], dist: Path, always: bool) -> None:
    dist.mkdir(parents=True, exist_ok=True)
    for project in projects:
        reason = "requested" if always else stale_reason(project, dist)
        if reason is not None:
            print(f"building {project.name} {project.version} ({reason})", flush=True)
            build(project, dist)


def refuse_published(projects: list[Project], index_url: str) -> None:
    """One line naming every version the index already has; checked before anything is built or sent."""
    auth = credentials()
    already = [
        f"{project.name} {project.version}"
        for project in projects
        if Version(project.version) in published_versions(index_url, project.name, auth)
    ]
    if already:
        raise PublishError(
            f"{', '.join(already)} already on {index_url}; a published version is never replaced: bump it"
        )


def upload(projects: list[Project], dist: Path, repository_url: str) -> None:
    files = [str(path) for project in projects for path in project.artifacts(dist)]
    command = [sys.executable, "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar"]
    command += ["--repository-url", repository_url, *files]
    env = {k: v for k, v in os.environ.items() if k not in {"TWINE_REPOSITORY", "TWINE_REPOSITORY_URL"}}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
        raise PublishError(f"twine upload failed: {lines[-1] if lines else 'no output'}")
    for project in projects:
        names = ", ".join(path.name for path in project.artifacts(dist))
        print(f"uploaded {project.name} {project.version} to {repository_url}: {names}")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        check_arguments(arguments)
        options = build_parser().parse_args(arguments)
        projects = all_projects()
        dist = options.dist.resolve()
        if options.command == "build":
            refresh(projects, dist, always=True)
            return 0
        repository_url = check_url(options.repository_url, "--repository-url")
        index_url = check_url(options.index_url or repository_url.rstrip("/") + "/simple/", "--index-url")
        refuse_published(projects, index_url)  # before any build: a refusal should not cost one
        refresh(projects, dist, always=False)
        upload(projects, dist, repository_url)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except PublishError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    return 0
