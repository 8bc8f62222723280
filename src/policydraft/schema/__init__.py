"""pydantic models of what users write: the submission (and later sources, profiles)."""
