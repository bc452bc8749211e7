"""The exception tree, in one place.

Every error a user can cause carries a message meant to be printed as one line
naming the file and the reason; the CLI prints `str(err)` and nothing else.
"""
from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class InputRefused(StorylineError):
    """One input cannot become an article; the run records it and goes on."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""


class SettingsError(StorylineError):
    """A settings file, variable or flag has a value storyline cannot use."""
