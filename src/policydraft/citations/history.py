"""What Bluebook's later forms depend on: which sources were cited, and the last authority.

All the state of the *Id.* and short-form rules lives in this one small object, walked in
document order by ``resolve.py``:

- the first citation of a source anywhere is its full form, later ones its short form
  (no "five footnotes" rule: a comment letter is read straight through);
- *Id.* when a citation names the same single source as the one just before it: the
  previous item in the same note, or the previous note's authority when that note cited
  that one source and nothing else. A note citing several sources (or none, a note of prose
  only) leaves nothing for *Id.* to point at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policydraft.citations.format import Form


@dataclass
class CitationHistory:
    cited: set[str] = field(default_factory=set)
    previous: tuple[str, str] | None = None  # the authority Id. would name, and its pin
    open_notes: list[set[str]] = field(default_factory=list)  # sources cited per open note

    def form(self, key: str, pin: str) -> tuple[Form, str]:
        """The form to cite ``key`` in, and the pin to print with it.

        *Id.* prints a pin only when it differs from the one just cited; a citation without a
        pin after one with a pin stays plain *Id.* (it names the same place).
        """
        if self.previous is not None and self.previous[0] == key:
            return "id", "" if pin in ("", self.previous[1]) else pin
        return ("short" if key in self.cited else "full"), pin

    def record(self, key: str, pin: str) -> None:
        if self.previous is not None and self.previous[0] == key and not pin:
            pin = self.previous[1]
        self.cited.add(key)
        self.previous = (key, pin)
        if self.open_notes:
            self.open_notes[-1].add(key)

    def record_unknown(self, key: str) -> None:
        """An unknown key still interrupts the chain: nothing after it may be *Id.* to it."""
        self.previous = None
        if self.open_notes:
            self.open_notes[-1].add(f"@{key}")

    def begin_note(self) -> None:
        self.open_notes.append(set())

    def end_note(self) -> None:
        cited = self.open_notes.pop()
        if len(cited) != 1:
            self.previous = None
        if self.open_notes:
            self.open_notes[-1].update(cited)
