"""A log from LinkedIn's "Get a copy of your data" archive: files, then events, then rows."""

from .reader import LinkedInResult, load_linkedin, read_linkedin

__all__ = ["LinkedInResult", "load_linkedin", "read_linkedin"]
