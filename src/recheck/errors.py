"""Errors a user can act on. The CLI prints their message as one line and exits 2."""


class RecheckError(Exception):
    """Base for every error that maps to exit code 2."""


class InputError(RecheckError):
    """A path or file the user gave cannot be read."""


class ConfigError(RecheckError):
    """The configuration file or an option value is wrong."""


class ReferenceDataError(RecheckError):
    """A reference file is missing or does not validate."""
