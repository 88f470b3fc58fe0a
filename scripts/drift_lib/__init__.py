"""Doc drift: read vendor API pages (two layouts) and compare them with the OpenAPI specs."""
