"""The ``infoview`` command: a thin layer of one small module per command."""

from .app import main

__all__ = ["main"]
