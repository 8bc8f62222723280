"""Resolving a redline's tracked changes as Word's Accept All and Reject All do, and reading
the text (with italics and bold marked) that a reader then sees, notes in reference order."""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
KEPT = {"ins": ("ins", "moveTo"), "del": ("del", "moveFrom")}
"""Accepting keeps insertions and moves' new places; rejecting keeps deletions and old places."""
RANGES = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")


def resolve(xml: bytes, keep: str) -> bytes:
    """Accept all (keep="ins") or reject all (keep="del") of the tracked changes in ``xml``."""
    kept = KEPT[keep]
    dropped = KEPT["del" if keep == "ins" else "ins"]
    root = etree.fromstring(xml)
    for props in list(root.iter(f"{W}rPr")):
        record = props.find(f"{W}rPrChange")
        if record is None:
            continue
        if keep == "ins":
            props.remove(record)
        else:
            props[:] = list(record.find(f"{W}rPr"))
    for name in RANGES:
        for marker in list(root.iter(f"{W}{name}")):
            marker.getparent().remove(marker)
    for props in list(root.iter(f"{W}trPr")):  # a table row inserted or deleted
        if any(props.find(f"{W}{local}") is not None for local in dropped):
            row = props.getparent()
            table = row.getparent()
            table.remove(row)
            if table.find(f"{W}tr") is None:
                table.getparent().remove(table)
        for local in kept:
            for mark in props.findall(f"{W}{local}"):
                props.remove(mark)
    for ppr in list(root.iter(f"{W}pPr")):
        rpr = ppr.find(f"{W}rPr")
        if rpr is None:
            continue
        for local in (*kept, *dropped):
            mark = rpr.find(f"{W}{local}")
            if mark is None:
                continue
            if local in dropped:
                _join_next(ppr.getparent())
            else:
                rpr.remove(mark)
    for local in dropped:
        for gone in list(root.iter(f"{W}{local}")):
            gone.getparent().remove(gone)
    for local in kept:
        for mark in list(root.iter(f"{W}{local}")):
            parent = mark.getparent()
            for text in mark.iter(f"{W}delText"):
                text.tag = f"{W}t"
            index = parent.index(mark)
            for offset, child in enumerate(list(mark)):
                parent.insert(index + offset, child)
            parent.remove(mark)
    return etree.tostring(root)


def _join_next(paragraph: etree._Element) -> None:
    """A paragraph mark gone: the paragraph's content joins the next paragraph (whose mark
    ends them both), as in Word; the last paragraph of its container just goes."""
    following = paragraph.getnext()
    while following is not None and following.tag != f"{W}p" and following.tag != f"{W}tbl":
        following = following.getnext()
    if following is not None and following.tag == f"{W}p":
        content = [child for child in paragraph if child.tag != f"{W}pPr"]
        at = 1 if following.find(f"{W}pPr") is not None else 0
        for offset, child in enumerate(content):
            following.insert(at + offset, child)
    paragraph.getparent().remove(paragraph)


def texts(xml: bytes) -> list[str]:
    """Each paragraph's text (w:t only), italic runs as <i>...</i>, bold as <b>...</b>."""
    root = etree.fromstring(xml)
    return [_paragraph_text(p) for p in root.iter(f"{W}p")]


def _paragraph_text(paragraph: etree._Element) -> str:
    made = ""
    for run in paragraph.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        rpr = run.find(f"{W}rPr")
        for tag in ("i", "b"):
            if text and rpr is not None and rpr.find(f"{W}{tag}") is not None:
                text = f"<{tag}>{text}</{tag}>"
        made += text
    return made.replace("</i><i>", "").replace("</b><b>", "")  # runs of one look read as one


def shown(parts: dict[str, bytes], keep: str | None = None) -> tuple[list[str], list[str]]:
    """The body's paragraphs and the notes' paragraphs, each note where the body references
    it (a note whose reference is gone is gone), after accepting or rejecting (or as is)."""
    body = parts["word/document.xml"]
    notes = parts.get("word/footnotes.xml", b"<w:footnotes xmlns:w='x'/>")
    if keep is not None:
        body, notes = resolve(body, keep), resolve(notes, keep)
    order = [ref.get(f"{W}id") for ref in etree.fromstring(body).iter(f"{W}footnoteReference")]
    by_id = {n.get(f"{W}id"): n for n in etree.fromstring(notes).iter(f"{W}footnote")}
    note_texts = [text for ref in order for text in texts(etree.tostring(by_id[ref]))]
    return texts(body), note_texts
