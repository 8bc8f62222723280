"""Trees for the publication page's tests, built by hand: the writer sees only the model."""

from __future__ import annotations

import datetime as dt

from policydraft.model import (
    Appendix,
    BlockQuote,
    Document,
    Emph,
    Heading,
    LetterPart,
    Metadata,
    Note,
    Para,
    SignatoryEntry,
    SignatoryGroup,
    Text,
)

# Indigo Book 2.0, R11 (full case citation) and R13.1 (a parenthetical after the date):
# case names italic, the rest roman. The PDF prints the Emph runs in italics; the page as <em>.
CAMPBELL = Note(
    (Para((Emph((Text("Campbell v. Acuff-Rose Music, Inc."),)), Text(", 510 U.S. 569 (1994)."))),)
)
HARRIS = Note(
    (Para((Emph((Text("Harris v. State"),)), Text(", 887 S.W.2d 514 (Ark. 1994) (per curiam)."))),)
)

NAMES = ("Zoë Kravitz", "José Feliciano", "Ada Lovelace", "Grace Hopper", "Søren Kierkegaard")


def entries(count: int, prefix: str = "Signer") -> tuple[SignatoryEntry, ...]:
    """``count`` signers with distinct names and affiliations."""
    return tuple(SignatoryEntry(f"{prefix} {n:05d}", f"Studio {n % 7}") for n in range(count))


def letter(
    groups: tuple[SignatoryGroup, ...],
    *,
    language: str = "en-US",
    title: str = "Open Letter on the AI Action Plan",
) -> Document:
    """A short letter: title, date, two numbered arguments and a conclusion, notes, a list."""
    blocks = (
        LetterPart("title", (Para((Text(title),)),)),
        LetterPart("date", (Para((Text("March 15, 2025"),)),)),
        Para((Text("We write about fair use."), CAMPBELL)),
        Heading(1, (Text("Copyright is a national asset"),), number=1),
        Para((Text("Courts weigh each use."), HARRIS)),
        BlockQuote((Para((Text("To promote the Progress of Science"), CAMPBELL)),)),
        Heading(1, (Text("License the works"),), number=2),
        Heading(1, (Text("Conclusion"),)),
        LetterPart("closing", (Para((Text("Respectfully submitted,"),)),)),
        Appendix((Text(f"Signatories ({sum(len(g.entries) for g in groups):,})"),), (), groups),
    )
    metadata = Metadata(
        title, "The Undersigned", "Docket No. NSF_FRDOC_0001", dt.date(2025, 3, 15), language
    )
    return Document(metadata, blocks)


def grouped(count: int) -> tuple[SignatoryGroup, ...]:
    """The accented names, then ``count`` numbered signers, in two groups."""
    famous = tuple(SignatoryEntry(name, "Guild") for name in NAMES)
    return (SignatoryGroup("Actors", famous), SignatoryGroup("Writers", entries(count)))
