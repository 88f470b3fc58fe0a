"""`api.md`: the API reference of one generated package, written next to its README by `nox -s generate`.

One page a user can read without the spec or the code (the idea of openai-python's `api.md`): for every
operation its module, the `sync`/`asyncio` signatures, what `sync` returns, which errors it raises and one
example call (the README's, built from the spec's examples). It is generated, so the drift check of
`generated/` keeps it in step with the spec and the templates.

Signatures and return types come from the generated code (`generated_api.py`, read with `ast`); statuses,
summaries and the request checks from the spec (`spec_model`, `template_facts.py`).
"""

from __future__ import annotations

from spec_model import Operation, SpecModel, path_shape

from .generated_api import Argument, GeneratedApi, GeneratedEndpoint
from .readme_examples import OperationExample
from .template_facts import operation_facts

# The typed error each documented failure status raises (runtime/client_runtime/errors.py).
_STATUS_ERRORS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    429: "RateLimitError",
}


def _status_error(status: str) -> str:
    if status.isdigit():
        code = int(status)
        if code in _STATUS_ERRORS:
            return _STATUS_ERRORS[code]
        if code >= 500:
            return "ServerError"
    return "UnexpectedStatusError"


def _argument(argument: Argument) -> str:
    text = f"{argument.name}: {argument.annotation}" if argument.annotation else argument.name
    return text if argument.required else f"{text} = {argument.default or '...'}"


def signature(endpoint: GeneratedEndpoint, function: str) -> str:
    """`function(positional, *, keywords) -> returns` as the generated module declares `sync`."""
    parts = [_argument(a) for a in endpoint.positional]
    if endpoint.keywords:
        parts.append("*")
        parts.extend(_argument(a) for a in endpoint.keywords)
    parts.append("options: RequestOptions | None = None")
    prefix = "async def" if function.startswith("asyncio") else "def"
    return f"{prefix} {function}({', '.join(parts)}) -> {endpoint.returns}"


def _errors(model: SpecModel, operation: Operation) -> list[str]:
    facts = operation_facts(model, operation)
    lines: list[str] = []
    for status in sorted(operation.responses):
        if status[0] in "45":
            lines.append(f"`{status}` → `{_status_error(status)}`")
    lines.append("any other status → `UnexpectedStatusError` (all are `ApiStatusError`)")
    lines.append("no answer → `ApiConnectionError` (`ApiTimeoutError` for a timeout)")
    lines.append("a success body that does not fit → `ResponseParseError`")
    if facts.get("id_parameter") or facts.get("write_list") or facts.get("any_case"):
        lines.append("arguments the client refuses to send → `InvalidRequestError`, before any request")
    if facts.get("update_answer"):
        lines.append("the server answered `false` → `UpdateRejectedError`")
    return lines


def render_api_reference(
    spec: dict[str, object],
    api: GeneratedApi,
    examples: list[OperationExample],
    *,
    dist_name: str,
    import_package: str,
) -> str:
    model = SpecModel(spec)
    by_id = {example.operation_id: example for example in examples}
    lines = [
        f"# {dist_name} API reference",
        "",
        "Written by `nox -s generate` from the spec; do not edit. Every operation is a module with four "
        "functions: `sync` and `asyncio` return the parsed body, `sync_detailed` and `asyncio_detailed` "
        "a `Response` (`status_code`, `headers`, `content`, `parsed`) with the same arguments and errors. "
        f"Every error is an `{import_package}.errors.ApiError`. `options` takes a `RequestOptions` "
        "(per-call timeout, extra headers, retries).",
    ]
    current_tag = None
    for operation in model.operations.values():
        endpoint = api.endpoints[(operation.method.lower(), path_shape(operation.path))]
        tag = (operation.tags or ("default",))[0]
        if tag != current_tag:
            lines += ["", f"## {tag}"]
            current_tag = tag
        summary = str(operation.raw.get("summary", "")).strip()
        lines += [
            "",
            f"### `{operation.name}`",
            "",
            f"`{operation.method.upper()} {operation.path}`" + (f" — {summary}" if summary else ""),
            "",
            f"Module: `{import_package}.api.{endpoint.tag_module}.{endpoint.module}`",
            "",
            "```python",
            signature(endpoint, "sync"),
            signature(endpoint, "asyncio"),
            "```",
            "",
            f"Returns `{endpoint.returns}`.",
            "",
            f"Errors (classes of `{import_package}.errors`):",
            "",
        ]
        lines += [f"- {line}" for line in _errors(model, operation)]
        example = by_id.get(operation.name)
        if example is not None:
            lines += ["", "Example:", "", "```python", example.code.rstrip("\n"), "```"]
    return "\n".join(lines) + "\n"
