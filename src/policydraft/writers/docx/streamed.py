"""Stretches of a part's XML kept out of its tree and written as text while the zip entry is.

A 100,000-name appendix is 200,000 paragraphs: as an lxml tree it costs seconds to build and
hundreds of megabytes to hold, and is then serialised in one piece before it is deflated. A
``Stretch`` is such a run of paragraphs that nothing after it reads or changes: the tree holds
only a placeholder for it (a processing instruction, which no text can spell: ``<`` is always
escaped), and ``save`` writes the part's serialised tree around the stretch's own XML,
straight into the deflating zip entry, a chunk at a time.

A stretch must write exactly what lxml would have written for the same elements in that
place, so that the file is the same byte for byte whichever way a paragraph went: it escapes
as libxml2 does, and is given ``w_prefix``, the prefix lxml gives ``w:`` elements there
(``appendix.Entries`` is the one stretch).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol
from weakref import WeakKeyDictionary

from lxml import etree

from policydraft.writers.docx.oxml import w, xml_text

_TARGET = "policydraft-stretch"


@dataclass(frozen=True, slots=True)
class TextCounts:
    """What docProps/app.xml counts: words, non-space characters, characters with spaces."""

    words: int = 0
    characters: int = 0
    with_spaces: int = 0

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts(
            self.words + other.words,
            self.characters + other.characters,
            self.with_spaces + other.with_spaces,
        )

    def __mul__(self, times: int) -> TextCounts:
        return TextCounts(self.words * times, self.characters * times, self.with_spaces * times)


def count_paragraphs(texts: Iterable[str]) -> TextCounts:
    """Word's counts of paragraphs with these texts (as written: without the characters
    XML cannot hold): runs of non-space text are words.

    Counted in bulk: joined with a space, paragraphs' words stay apart and no word is added
    (``str.split`` and ``str.isspace`` agree on what a space is).
    """
    words = characters = with_spaces = 0
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) == 4096:
            words, characters, with_spaces = _add_batch(batch, words, characters, with_spaces)
            batch.clear()
    words, characters, with_spaces = _add_batch(batch, words, characters, with_spaces)
    return TextCounts(words, characters, with_spaces)


def _add_batch(batch: list[str], words: int, characters: int, with_spaces: int) -> tuple[int, ...]:
    if not batch:
        return words, characters, with_spaces
    joined = xml_text(" ".join(batch))
    pieces = joined.split()
    with_spaces += len(joined) - (len(batch) - 1)
    return words + len(pieces), characters + sum(map(len, pieces)), with_spaces


class Stretch(Protocol):
    """Paragraphs written at save time, in place of their placeholder."""

    def chunks(self, w_prefix: str) -> Iterator[str]:
        """Their XML, in order, in pieces of any size; ``w_prefix`` is ``w:``'s prefix."""
        ...

    def counts(self) -> TextCounts:
        """Their words and characters, as ``count_paragraphs`` counts them."""
        ...

    def bound(self, w_prefix: str, precise: bool = False) -> int:
        """At least the size of their XML in UTF-8 (ZIP64 is needed past 2 GiB): cheaply,
        or, if ``precise``, closer at the cost of a pass over them."""
        ...


@dataclass(frozen=True, slots=True)
class _Deferred:
    stretch: Stretch
    w_prefix: str


_PENDING: WeakKeyDictionary[etree._Element, list[_Deferred]] = WeakKeyDictionary()


def defer(container: etree._Element, stretch: Stretch) -> bool:
    """Put ``stretch`` at the end of ``container`` as a placeholder; False when it cannot be.

    The stretches are kept with the part's root element for as long as it lives (python-docx
    holds it), so a tree that is never saved takes its stretches with it. A root that cannot
    be referenced weakly (a plain lxml element), or a ``w:`` namespace without a prefix where
    the container is, keeps its paragraphs in the tree instead.
    """
    prefix = w_prefix(container)
    if not prefix:
        return False
    root = container.getroottree().getroot()
    try:
        deferred = _PENDING.setdefault(root, [])
    except TypeError:
        return False
    deferred.append(_Deferred(stretch, prefix))
    container.append(etree.ProcessingInstruction(_TARGET, str(len(deferred))))
    return True


def w_prefix(container: etree._Element) -> str | None:
    """The prefix lxml gives a ``w:`` element added to ``container`` (None: no prefix)."""
    probe = etree.SubElement(container, w("p"))
    prefix = probe.prefix
    container.remove(probe)
    return prefix


def _deferred(root: etree._Element) -> tuple[_Deferred, ...]:
    try:
        return tuple(_PENDING.get(root, ()))
    except TypeError:  # an element that cannot be referenced weakly has none
        return ()


def counts(root: etree._Element) -> TextCounts:
    """The words and characters of the stretches deferred in ``root``'s tree."""
    total = TextCounts()
    for deferred in _deferred(root):
        total += deferred.stretch.counts()
    return total


_PLACEHOLDER = re.compile(rb"<\?" + _TARGET.encode() + rb" ([0-9]+)\?>")
_CHUNK_CHARS = 1 << 18


@dataclass(frozen=True)
class StreamedPart:
    """A part's serialised tree and the stretches that go where its placeholders are."""

    tree: bytes
    stretches: tuple[_Deferred, ...]

    def chunks(self) -> Iterator[bytes]:
        """The part's XML: the tree's text with each placeholder replaced by its stretch."""
        pieces = _PLACEHOLDER.split(self.tree)
        found = sorted(int(number) for number in pieces[1::2])
        if found != list(range(1, len(self.stretches) + 1)):  # never a name silently lost
            raise RuntimeError(f"placeholders {found} for {len(self.stretches)} stretches")
        yield pieces[0]
        for index in range(1, len(pieces), 2):
            deferred = self.stretches[int(pieces[index]) - 1]
            batch: list[str] = []
            size = 0
            for chunk in deferred.stretch.chunks(deferred.w_prefix):
                batch.append(chunk)
                size += len(chunk)
                if size >= _CHUNK_CHARS:
                    yield "".join(batch).encode("utf-8")
                    batch.clear()
                    size = 0
            yield "".join(batch).encode("utf-8")
            yield pieces[index + 1]

    def bound(self, precise: bool = False) -> int:
        """More than the size of the part's XML in UTF-8 (``Stretch.bound``)."""
        stretches = self.stretches
        return len(self.tree) + sum(d.stretch.bound(d.w_prefix, precise) for d in stretches)


def streamed_part(root: etree._Element, blob: bytes) -> bytes | StreamedPart:
    """``blob`` (``root``'s serialised tree) with the stretches deferred in it, if any."""
    stretches = _deferred(root)
    return StreamedPart(blob, stretches) if stretches else blob


_ZIP64_SIZE = zipfile.ZIP64_LIMIT / 1.05  # past this, ``ZipFile.open`` writes a ZIP64 header


def write_entry(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes | StreamedPart) -> None:
    """One zip entry: ``data`` deflated as it is written, never whole in memory if streamed.

    Deflating a stream in pieces gives the same bytes as deflating it whole (zlib's output
    does not depend on how its input is cut), and the entry's header is the one ``writestr``
    writes, so both ways make the same file. ``writestr`` knows the size before it writes,
    which decides a ZIP64 header; a streamed part is measured first only if it could need one.
    """
    if isinstance(data, bytes):
        target.writestr(info, data)
        return
    if data.bound() > _ZIP64_SIZE and data.bound(precise=True) > _ZIP64_SIZE:
        info.file_size = sum(len(chunk) for chunk in data.chunks())
    with target.open(info, "w") as entry:
        for chunk in data.chunks():
            entry.write(chunk)
