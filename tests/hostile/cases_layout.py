"""Heavy input for layout and citations: valid letters that must render, in linear time.

Each row is a letter a real writer could produce by accident (a pasted report as one
paragraph, a footnote of twenty pages, a string of citations) at a size where the old code
took minutes or crashed: a 300 KB paragraph (quadratic in the PDF writer, about 70 s), a
20,000-word footnote ("internal error": more than ten pages of note without body text), a
line marking thirty long notes (no page could hold them), 4,000 citations in one paragraph
and 5,000 in one footnote (quadratic in the reader and in citation resolution), a 40 KB
quotation missing from its source (quadratic closest-passage search). Now each takes
seconds; the growth with size is measured by ``bench/hostile.py``, not asserted here.
"""

from __future__ import annotations

from tests.hostile.harness import Case, base

SENTENCE = "The agency should reconsider this rule because it harms small-business owners. "
VOCABULARY = ("law", "agency", "rule", "copyright", "fair", "use", "work", "author", "court")

SOURCES = "".join(
    f"- id: r{i}\n  type: report\n  author: Agency {i}\n  title: Report {i}\n  date: 2020-01-01\n"
    for i in range(10)
)


def _argument(body: str, heading: str = "Argument") -> dict[str, str | bytes]:
    return base(arguments=[{"heading": heading, "body": body + "\n"}])


def _cited(body: str, **files: str) -> dict[str, str | bytes]:
    cited_all = " ".join(f"Also.[@r{i}]" for i in range(10))  # no PD503 for an uncited one
    letter = base(
        sources="sources.yaml",
        arguments=[{"heading": "Argument", "body": body + "\n\n" + cited_all + "\n"}],
    )
    return {**letter, "sources.yaml": SOURCES, **files}


def _words(count: int, offset: int = 0) -> str:
    return " ".join(VOCABULARY[(i * 7 + offset) % len(VOCABULARY)] for i in range(count))


def _misquoted() -> dict[str, str | bytes]:
    quoted = _words(6_000)
    copy = _words(6_000, offset=3)  # same words, another order: a miss, near everywhere
    sources = SOURCES + "- id: copy\n  type: report\n  author: A\n  title: R\n"
    sources += "  date: 2020-01-01\n  file: copy.txt\n"
    files = _cited(f"The report says “{quoted}”[@copy].")
    return {**files, "sources.yaml": sources, "copy.txt": copy}


CASES: list[Case] = [
    Case("paragraph-300kb", _argument(SENTENCE * 3_800), None, exit=0),
    Case("word-50000-chars", _argument("x" * 50_000), None, exit=0),
    Case("hyphenated-word-50000-chars", _argument("a-" + "b" * 50_000), None, exit=0),
    Case("heading-100kb", _argument("Body.", heading="word " * 20_000), None, exit=0),
    Case(
        "footnote-20000-words",
        _argument("Text.[^n]\n\n[^n]: " + " ".join(["word"] * 20_000)),
        None,
        exit=0,
    ),
    Case(
        "line-marking-30-long-notes",
        _argument(
            "Line"
            + "".join(f"[^n{i}]" for i in range(30))
            + " end.\n\n"
            + "\n".join(f"[^n{i}]: " + " ".join(["long"] * 300) for i in range(30))
        ),
        None,
        exit=0,
    ),
    Case(
        "notes-4000-in-one-paragraph",
        _argument(
            " ".join(f"S{i}.[^n{i}]" for i in range(4_000))
            + "\n\n"
            + "\n".join(f"[^n{i}]: Note {i}." for i in range(4_000))
        ),
        None,
        exit=0,
    ),
    Case(
        "citations-4000-in-one-paragraph",
        _cited(" ".join(f"Claim {i}.[@r{i % 10}, {i}]" for i in range(4_000))),
        None,
        exit=0,
    ),
    Case(
        "citations-5000-in-one-footnote",
        _cited(
            "Text.[^n]\n\n[^n]: " + " ".join(f"Claim {i} [@r{i % 10}, {i}]." for i in range(5_000))
        ),
        None,
        exit=0,
    ),
    Case(
        "citation-bracket-of-3000-items",
        _cited("Claim.[" + "; ".join(f"@r{i % 10}, {i}" for i in range(3_000)) + "]"),
        None,
        exit=0,
    ),
    Case("quotation-40kb-missing-from-copy", _misquoted(), "PD521", exit=1),
]
