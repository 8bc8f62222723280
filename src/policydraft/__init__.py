"""policydraft: formal comment letters and open letters to government agencies, as DOCX and PDF."""


def __getattr__(name: str) -> str:
    """``__version__``: the installed distribution's version, pyproject.toml's ``version``
    (one source of truth for ``--version``, manifest.json and the DOCX's properties), read
    when asked for so that importing the package stays cheap."""
    if name != "__version__":
        raise AttributeError(f"module 'policydraft' has no attribute {name!r}")
    from importlib import metadata

    try:
        return metadata.version("policydraft")
    except metadata.PackageNotFoundError:  # a source tree never installed
        return "0+unknown"
