"""What Bluebook's later forms depend on: which sources were cited, where, and the last authority.

All the state of the *Id.*, short-form and *supra* rules lives in this one small object,
walked in document order by ``resolve.py``:

- the first citation of a source anywhere is its full form, later ones its short form;
- a case takes its short form only when it was cited (in any form) in the same footnote or
  one of the five before it (Bluebook rule 10.9(b), the "five footnotes" rule); otherwise its
  full form again. ``five_footnotes=False`` turns the rule off for a letter read straight
  through;
- the footnote of a source's first citation is kept: "*supra* note 4" names it;
- *Id.* when a citation names the same single source as the one just before it: the
  previous item in the same note, or the previous note's authority when that note cited
  that one source and nothing else. A note citing several sources (or none, a note of prose
  only) leaves nothing for *Id.* to point at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policydraft.citations.format import Form

FIVE_FOOTNOTES = 5
"""How many footnotes back a case's citation still allows its short form (rule 10.9(b))."""


@dataclass
class CitationHistory:
    five_footnotes: bool = True
    cited: set[str] = field(default_factory=set)
    first_note: dict[str, int] = field(default_factory=dict)  # the note of the full form
    last_note: dict[str, int] = field(default_factory=dict)  # the note of the latest citation
    note_number: int = 0  # the footnote being read, counting from 1
    previous: tuple[str, str] | None = None  # the authority Id. would name, and its pin
    open_notes: list[set[str]] = field(default_factory=list)  # sources cited per open note

    def form(self, key: str, pin: str, *, case: bool = False) -> tuple[Form, str]:
        """The form to cite ``key`` in, and the pin to print with it.

        *Id.* prints a pin only when it differs from the one just cited; a citation without a
        pin after one with a pin stays plain *Id.* (it names the same place). A ``case`` last
        cited more than five footnotes back is cited in full again.
        """
        if self.previous is not None and self.previous[0] == key:
            return "id", "" if pin in ("", self.previous[1]) else pin
        if key not in self.cited or (case and self._out_of_sight(key)):
            return "full", pin
        return "short", pin

    def _out_of_sight(self, key: str) -> bool:
        last = self.last_note.get(key, self.note_number)
        return self.five_footnotes and self.note_number - last > FIVE_FOOTNOTES

    def first_footnote(self, key: str) -> int | None:
        """The footnote of ``key``'s first citation (its full form), None before it."""
        return self.first_note.get(key)

    def record(self, key: str, pin: str) -> None:
        if self.previous is not None and self.previous[0] == key and not pin:
            pin = self.previous[1]
        self.cited.add(key)
        self.first_note.setdefault(key, self.note_number)
        self.last_note[key] = self.note_number
        self.previous = (key, pin)
        if self.open_notes:
            self.open_notes[-1].add(key)

    def record_unknown(self, key: str) -> None:
        """An unknown key still interrupts the chain: nothing after it may be *Id.* to it."""
        self.previous = None
        if self.open_notes:
            self.open_notes[-1].add(f"@{key}")

    def begin_note(self) -> None:
        if not self.open_notes:  # a note opened inside another is no new footnote
            self.note_number += 1
        self.open_notes.append(set())

    def end_note(self) -> None:
        cited = self.open_notes.pop()
        if len(cited) != 1:
            self.previous = None
        if self.open_notes:
            self.open_notes[-1].update(cited)
