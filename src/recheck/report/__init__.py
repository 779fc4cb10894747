"""Output formats, side by side: one module each."""

FORMATS = ("text", "json")
