"""``python -m attrlint``."""

from attrlint.cli import run

run()
