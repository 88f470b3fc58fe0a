"""Small helpers shared by doc drift and spec diff: load an OpenAPI document, inline its local `$ref`s
and look at schemas as flat sets of types, enum values and properties.

Both tools need the same "what does this schema accept" view; keeping it in one place means the drift report
and the breaking-change report never disagree about what a spec says.
"""
