"""What can be kept of a ``policydraft.yaml`` whose keys are partly broken.

pydantic reports every broken key at once; ``keep_valid`` then removes the broken parts, so
that the rest validates and the later stages (signatories, bibliography, arguments,
citations, profile) report their own findings in the same run, as a compiler does:

- an unknown key is left out;
- a broken key that has a default (``sort: random`` in ``signatories``) falls back to it,
  and an optional section whose required key is broken (``signatories`` without ``file``)
  is left out whole;
- a list item that cannot be mended (an argument without a heading) is left out, and the
  items after it keep pointing at their own lines (``KeptItems``);
- a required top-level key (``title``, ``date``, ``commenter``) gets a ``PLACEHOLDERS``
  value that no check objects to.

The problems themselves were already reported; a submission kept this way always has errors,
so it is never rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from policydraft.diagnostics import Location
from policydraft.readers.schema_errors import model_at
from policydraft.readers.yaml_source import MISSING, Segment, YamlDocument, find_key
from policydraft.submission.schema import Submission

PLACEHOLDERS: Mapping[str, Any] = {
    "title": "",
    "date": dt.date.max,  # no source is dated after it (PD507)
    "commenter": {"name": ""},
}
"""What stands for a required top-level key that is missing or broken (a test holds that
every required key of ``Submission`` has one)."""

MAX_ROUNDS = 8
"""Mending one part can uncover another (an argument whose broken ``body:`` is left out now
has neither body nor file); after this many rounds the submission is given up."""

Path = tuple[Segment, ...]


@dataclass(frozen=True)
class Kept:
    """A submission validated without its broken parts."""

    submission: Submission
    broken: frozenset[str]  # the top-level keys that lost a part, fell back or stand in
    items: Mapping[Path, tuple[int, ...]]  # a list that lost items: the positions of the rest


@dataclass(frozen=True)
class KeptItems(YamlDocument):
    """The YAML document, seen through the positions of list items that were kept: item 1 of
    ``arguments`` after the broken item 0 was left out is located at item 1 as written."""

    items: Mapping[Path, tuple[int, ...]] = field(default_factory=dict)

    def value_location(self, path: Sequence[Segment]) -> Location:
        return super().value_location(written_path(path, self.items))

    def key_location(self, path: Sequence[Segment]) -> Location:
        return super().key_location(written_path(path, self.items))


def written_path(path: Sequence[Segment], items: Mapping[Path, tuple[int, ...]]) -> Path:
    """``path`` into the kept data, as a path into the data as written."""
    written: list[Segment] = []
    for segment in path:
        kept = items.get(tuple(written))
        if kept is not None and isinstance(segment, int) and 0 <= segment < len(kept):
            segment = kept[segment]
        written.append(segment)
    return tuple(written)


def keep_valid(data: dict[str, Any], error: ValidationError) -> Kept | None:
    """``data`` (plain, as validated) without the parts ``error`` found broken, validated;
    None when it still does not validate after ``MAX_ROUNDS`` rounds of mending."""
    mending = _Mending(deepcopy(data))
    for _ in range(MAX_ROUNDS):
        if not mending.mend(error.errors(include_url=False)):
            return None
        try:
            submission = Submission.model_validate(mending.data)
        except ValidationError as again:
            error = again
            continue
        return Kept(submission, frozenset(mending.broken), dict(mending.items))
    return None


@dataclass
class _Mending:
    data: dict[str, Any]
    broken: set[str] = field(default_factory=set)
    items: dict[Path, tuple[int, ...]] = field(default_factory=dict)

    def mend(self, details: Sequence[ErrorDetails]) -> bool:
        """Apply one round of repairs; False when no error could be mended."""
        actions = {_action(self.data, detail) for detail in details}
        actions.discard(None)
        if not actions:
            return False
        drops: list[Path] = []
        for action in actions:
            assert action is not None
            what, path = action
            self.broken.add(str(path[0]))
            if what == "drop":
                drops.append(path)
                continue
            if what == "placeholder":
                key = find_key(self.data, path[0])
                name = str(path[0])
                self.data[name if key is MISSING else key] = deepcopy(PLACEHOLDERS[name])
                continue
            parent = _node(self.data, path[:-1])
            if isinstance(parent, dict) and (key := find_key(parent, path[-1])) is not MISSING:
                del parent[key]
        # Later items first, so that the positions of the earlier ones still hold.
        for path in sorted(drops, key=lambda p: (tuple(map(str, p[:-1])), p[-1]), reverse=True):
            self._drop(path)
        return True

    def _drop(self, path: Path) -> None:
        listing = _node(self.data, path[:-1])
        index = path[-1]
        assert isinstance(listing, list) and isinstance(index, int)
        written = written_path(path[:-1], self.items)
        kept = list(self.items.get(written, range(len(listing))))
        del listing[index], kept[index]
        self.items[written] = tuple(kept)


def _action(data: dict[str, Any], detail: ErrorDetails) -> tuple[str, Path] | None:
    """What mends one error: ("delete" | "drop" | "placeholder", path)."""
    loc: Path = tuple(detail["loc"])
    given = detail["input"]
    both = isinstance(given, Mapping) and given.get("body") is not None and "file" in given
    if detail["type"] == "body_or_file" and both:
        return "delete", (*loc, "file")  # the body is kept
    for end in range(len(loc), 0, -1):
        path = loc[:end]
        parent = _node(data, path[:-1])
        last = path[-1]
        if isinstance(parent, list):
            if isinstance(last, int) and 0 <= last < len(parent):
                return "drop", path
            continue
        if not isinstance(parent, dict) or find_key(parent, last) is MISSING:
            continue  # a union's member name, or the key that is missing
        if len(path) == 1 and str(last) in PLACEHOLDERS:
            return "placeholder", path
        if not _required(path):
            return "delete", path
    if loc and str(loc[0]) in PLACEHOLDERS:  # a required key that is missing
        return "placeholder", (str(loc[0]),)
    return None


def _required(path: Path) -> bool:
    owner = model_at(Submission, path[:-1])
    if owner is None:
        return False  # an entry of a free mapping (columns:): leaving it out is safe
    declared = owner.model_fields.get(str(path[-1]))
    return declared is not None and declared.is_required()


def _node(data: Any, path: Sequence[Segment]) -> Any:
    node = data
    for segment in path:
        if isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            node = node[segment]
        elif isinstance(node, dict) and (key := find_key(node, segment)) is not MISSING:
            node = node[key]
        else:
            return MISSING
    return node
