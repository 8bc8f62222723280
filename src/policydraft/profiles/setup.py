"""A submission's agency profile: loaded, its defaults applied, and the checks that need no PDF.

Runs right after policydraft.yaml loads, so a wrong docket or a profile that contradicts
itself (it attaches a file type its own rules refuse) is reported with everything else in one
pass, and so the profile's addressee and docket reach the template. Each rule's ``reading``
is a note (PD690), because a legal team should see which interpretation of the agency's
words it is relying on; the command line prints them as one line unless ``-v`` is given
(``profiles/readings.py``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from policydraft.diagnostics import Diagnostics
from policydraft.profiles.load import load_profile
from policydraft.profiles.readings import reading_note
from policydraft.profiles.rules import SetUp
from policydraft.profiles.schema import Profile, docket_matcher
from policydraft.submission.load import LoadedSubmission


def apply_profile(
    loaded: LoadedSubmission, diags: Diagnostics
) -> tuple[LoadedSubmission, Profile | None]:
    """The submission with the profile's defaults filled in, and the profile (if any)."""
    name = loaded.submission.profile
    if name is None:
        return loaded, None
    profile = load_profile(name, loaded.folder, diags, loaded.locate("profile"))
    if profile is None:
        return loaded, None
    loaded = with_defaults(loaded, profile)
    check_setup(loaded, profile, diags)
    return loaded, profile


def with_defaults(loaded: LoadedSubmission, profile: Profile) -> LoadedSubmission:
    """Fill in the addressee, docket and salutation the submission leaves out."""
    submission = loaded.submission
    defaults = profile.defaults
    update: dict[str, Any] = {}
    if submission.addressee is None and defaults.addressee is not None:
        update["addressee"] = defaults.addressee
    if submission.docket is None and defaults.docket is not None:
        update["docket"] = defaults.docket
    if "salutation" not in submission.model_fields_set and defaults.salutation is not None:
        update["salutation"] = defaults.salutation
    if not update:
        return loaded
    return dataclasses.replace(loaded, submission=submission.model_copy(update=update))


def check_setup(loaded: LoadedSubmission, profile: Profile, diags: Diagnostics) -> None:
    """The docket's form, each rule's own set-up check, and each reading as a note."""
    where = loaded.locate("profile")
    _check_docket(loaded, profile, diags)
    setup = SetUp(profile, diags, where)
    for rule in profile.rules:
        if rule.reading:
            message = reading_note(profile.name, rule.rule, rule.reading)
            diags.note("PD690", message, where)
        rule.check_setup(setup)


def _check_docket(loaded: LoadedSubmission, profile: Profile, diags: Diagnostics) -> None:
    docket = loaded.submission.docket
    pattern = profile.docket_pattern
    if docket is None or pattern is None or docket_matcher(pattern)(docket):
        return  # RE2: linear in the docket's length, whatever a shared profile's pattern is
    given = "docket" in loaded.submission.model_fields_set
    where = loaded.locate("docket") if given else loaded.locate("profile")
    message = (
        f"docket '{docket}' is not of the form {profile.name} expects "
        f"(pattern {pattern}); check the docket number in the agency's notice"
    )
    diags.error("PD602", message, where)
