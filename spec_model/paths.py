"""Path-template arithmetic, written once: ``/jobs/{jobId}/metadata`` as a shape, a regex or a filled path.

Every part that matches or compares request paths (the mock router, the example server, the deviation proxy,
spec diff, doc drift, the generated-API reader) needs the same three readings of a template, and a second
copy of the variable pattern is where one of them would start to disagree with the others.
"""

from __future__ import annotations

import re

#: One ``{name}`` placeholder of a path template (the name is what the braces hold).
PATH_VARIABLE = re.compile(r"\{([^}]*)\}")


def path_shape(template: str) -> str:
    """The template with every variable blanked: ``/jobs/{jobId}`` -> ``/jobs/{}``.

    Operations are matched on method and shape, so a renamed path parameter shows up as a named difference
    instead of as one removed and one added operation.
    """
    return PATH_VARIABLE.sub("{}", template.strip())


def path_variables(template: str) -> list[str]:
    """The variable names of a template, in order: ``/a/{x}/b/{y}`` -> ``["x", "y"]``."""
    return PATH_VARIABLE.findall(template)


def path_regex(template: str, value: str = "[^/]+") -> re.Pattern[str]:
    """A regex that matches a concrete path of ``template`` (use ``fullmatch``).

    Literal parts are escaped; each variable is a group named after it that matches ``value`` (one path
    segment by default), so ``match["jobId"]`` and ``match.group(1)`` both read it.
    """
    parts: list[str] = []
    position = 0
    for match in PATH_VARIABLE.finditer(template):
        parts += [re.escape(template[position : match.start()]), f"(?P<{match.group(1)}>{value})"]
        position = match.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts))


def literal_segments(template: str) -> int:
    """How many segments hold no variable: the more, the more specific (``/jobs/version`` beats
    ``/jobs/{jobId}``, as in JAX-RS)."""
    return sum(1 for segment in template.split("/") if segment and "{" not in segment)


def fill_path(template: str, values: dict[str, object]) -> str:
    """The template with each ``{name}`` in ``values`` replaced by its value (others stay as written)."""
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(value))
    return path
