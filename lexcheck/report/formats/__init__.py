"""One module per output format; each has `render(report) -> str` and a `GENERATOR_MARKER`."""
