"""Renderings of results: a report in, text out. No terminal I/O here; the CLI decides where text goes."""
