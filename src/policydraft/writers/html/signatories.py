"""The signatory list: a section with its heading, count, search box, groups and names.

Names are untrusted text and are escaped like everything else. Each row's search text is
what the script compares the query with: lowercase, accents removed (NFKD without marks, as
the script folds the query). The script folds each row's text itself; only a row whose text
holds more than its search text (a late signer's mark) carries it (``data-s``). That keeps a
100,000-name page small.

Without JavaScript the search box stays hidden and every name shows; the script reveals the
box, keeps the live "N of M signatories shown" line up to date and, while a query is typed,
shows the matches in the results block (``pd-results``) in place of the full list.
"""

from __future__ import annotations

import unicodedata

from policydraft.model import Appendix, SignatoryEntry, SignatoryGroup

from .inlines import text
from .marks import JoinedAfter

CHUNK = 500
"""Names per ``<ul>``: the browser skips laying out the lists that are off screen."""


def fold(value: str) -> str:
    """``value`` as the search compares it: decomposed, marks removed, lowercase."""
    decomposed = unicodedata.normalize("NFKD", value)
    kept = [c for c in decomposed if not unicodedata.category(c).startswith("M")]
    return "".join(kept).lower()


def count_line(count: int) -> str:
    """The list's size in words: "1 signatory", "1,204 signatories"."""
    return f"{count:,} signator{'y' if count == 1 else 'ies'}"


def row_html(entry: SignatoryEntry, joined_after: JoinedAfter | None) -> str:
    """One signer as a list item: name, affiliation, and the late mark when it applies."""
    shown = f"{entry.name}, {entry.affiliation}" if entry.affiliation else entry.name
    late = joined_after is not None and joined_after.marks(entry)
    key = f' data-s="{text(fold(shown))}"' if late else ""
    affiliation = (
        f'<span class="pd-aff">, {text(entry.affiliation)}</span>' if entry.affiliation else ""
    )
    mark = (
        f' <span class="pd-late">({text(joined_after.label)})</span>'
        if late and joined_after
        else ""
    )
    return f"<li{key}>{text(entry.name)}{affiliation}{mark}</li>"


def group_html(number: int, group: SignatoryGroup, joined_after: JoinedAfter | None) -> str:
    """A group of signers: its heading and count over its names, or just the names."""
    rows = [row_html(entry, joined_after) for entry in group.entries]
    names = "\n".join(
        [
            '<ul class="pd-names">\n' + "\n".join(rows[start : start + CHUNK]) + "\n</ul>"
            for start in range(0, max(len(rows), 1), CHUNK)
        ]
    )
    if group.heading is None:
        return f'<div class="pd-group">\n{names}\n</div>'
    heading = f"{text(group.heading)} ({len(group.entries):,})"
    return (
        f'<section class="pd-group" aria-labelledby="group-{number}">\n'
        f'<h3 id="group-{number}">{heading}</h3>\n{names}\n</section>'
    )


def search_html(count: int) -> str:
    """The search box (hidden until the script runs), the live count, and where matches show."""
    return (
        '<div class="pd-search" id="pd-search" role="search" hidden>\n'
        '<label for="pd-q">Search signatories</label>\n'
        '<input id="pd-q" type="search" autocomplete="off" spellcheck="false">\n'
        "</div>\n"
        f'<p class="pd-shown" id="pd-shown" role="status" aria-live="polite">'
        f"{count_line(count)}</p>\n"
        '<div class="pd-results" id="pd-results" hidden></div>\n'
        '<button class="pd-all" id="pd-all" type="button" hidden>Show all matches</button>\n'
    )


def signatories_html(
    appendix: Appendix, heading: str, intro: str, joined_after: JoinedAfter | None
) -> str:
    """The whole list as a section of the page, headed by the appendix heading."""
    groups = "\n".join(
        [group_html(number, group, joined_after) for number, group in enumerate(appendix.groups, 1)]
    )
    legend = ""
    if joined_after is not None and joined_after.signers:
        label = text(joined_after.label)
        legend = f"<p>Names marked “{label}” signed after the letter was filed.</p>\n"
    return (
        '<section class="pd-signatories" id="signatories" aria-labelledby="signatories-heading">\n'
        f'<h2 id="signatories-heading">{heading}</h2>\n{intro}{legend}'
        f"{search_html(appendix.count)}"
        f'<div id="pd-list">\n{groups}\n</div>\n</section>\n'
    )
