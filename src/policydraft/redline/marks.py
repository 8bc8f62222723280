"""A paragraph of Word's XML as tokens, and tokens back as runs, plain or tracked.

A run's text becomes one token per word, space or punctuation mark, each keeping the run's
formatting (``w:rPr``); anything else in a run (a footnote reference, a tab, a break) is one
token, and so is a hyperlink. Tokens compare by what they show, so a reformatted word is the
same word; its formatting is its *look*, and a word kept whose look changed is written with
NEW's ``w:rPr`` holding a ``w:rPrChange`` with OLD's.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from lxml import etree

from policydraft.redline.compare import words

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(local: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W}}}{local}"


@dataclass(frozen=True)
class Token:
    """A word (``text``) with its run's formatting, or a whole element (``element``)."""

    key: Hashable
    rpr: etree._Element | None
    text: str | None = None
    element: etree._Element | None = None
    was: etree._Element | None = None  # OLD's formatting, when ``restyled``
    restyled: bool = False

    @property
    def look(self) -> bytes:
        """The token's formatting, as bytes to compare."""
        return _serialized(self.rpr)


@dataclass(frozen=True)
class Change:
    """Who made the tracked changes, and when (``w:author``, ``w:date``), and a counter."""

    author: str
    date: str  # ISO 8601, as w:date takes it
    ids: list[int]

    def mark(self, local: str) -> etree._Element:
        """A new ``w:ins``, ``w:del``, ``w:moveFrom``... with its own id, author and date."""
        element = etree.Element(w(local))
        self.ids[0] += 1
        element.set(w("id"), str(self.ids[0]))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        return element


def paragraph_tokens(paragraph: etree._Element) -> list[Token]:
    """The paragraph's content as tokens, in order (bookmarks and the like left out)."""
    tokens: list[Token] = []
    for child in paragraph:
        if child.tag == w("r"):
            tokens += _run_tokens(child)
        elif child.tag == w("hyperlink"):
            shown = "".join(str(text) for text in child.itertext())
            tokens.append(Token(("link", shown), None, element=child))
    return tokens


def _run_tokens(run: etree._Element) -> Iterable[Token]:
    rpr = run.find(w("rPr"))
    for child in run:
        if child.tag == w("rPr"):
            continue
        if child.tag == w("t"):
            yield from (Token(word, rpr, text=word) for word in words(child.text or ""))
        else:
            yield Token(etree.QName(child).localname, rpr, element=child)


def style_of(paragraph: etree._Element) -> str:
    """The paragraph's style id ('' when it has none): blocks pair only within a style."""
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return style.get(w("val"), "") if style is not None else ""


def plain_runs(tokens: Iterable[Token], change: Change | None = None) -> list[etree._Element]:
    """Tokens as runs: neighbouring words of one formatting share a run; a restyled token's
    run records OLD's formatting (``w:rPrChange``, by ``change``)."""
    made: list[etree._Element] = []
    pending: list[Token] = []
    for token in tokens:
        if token.text is not None and (not pending or _same_format(pending[0], token)):
            pending.append(token)
            continue
        made += _text_run(pending, change)
        pending = [token] if token.text is not None else []
        if token.text is None:
            made.append(_element_run(token))
    return made + _text_run(pending, change)


def _same_format(a: Token, b: Token) -> bool:
    return (a.look, a.restyled, _serialized(a.was)) == (b.look, b.restyled, _serialized(b.was))


def _serialized(rpr: etree._Element | None) -> bytes:
    return etree.tostring(rpr) if rpr is not None else b""


def _text_run(tokens: list[Token], change: Change | None) -> list[etree._Element]:
    if not tokens:
        return []
    run = _run_with(tokens[0].rpr)
    if tokens[0].restyled and change is not None:
        _restyle(run, tokens[0].was, change)
    text = etree.SubElement(run, w("t"))
    text.text = "".join(token.text or "" for token in tokens)
    text.set(XML_SPACE, "preserve")
    return [run]


def _element_run(token: Token) -> etree._Element:
    assert token.element is not None
    if token.element.tag == w("hyperlink"):
        return copy.deepcopy(token.element)
    run = _run_with(token.rpr)
    run.append(copy.deepcopy(token.element))
    return run


def _restyle(run: etree._Element, was: etree._Element | None, change: Change) -> None:
    """Give ``run`` (NEW's look) a ``w:rPrChange`` holding OLD's look ``was``."""
    props = run.find(w("rPr"))
    if props is None:
        props = etree.Element(w("rPr"))
        run.insert(0, props)
    record = change.mark("rPrChange")
    original = etree.SubElement(record, w("rPr"))
    for child in was if was is not None else ():
        if child.tag != w("rPrChange"):
            original.append(copy.deepcopy(child))
    props.append(record)


def _run_with(rpr: etree._Element | None) -> etree._Element:
    run = etree.Element(w("r"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run


def inserted(runs: list[etree._Element], change: Change) -> list[etree._Element]:
    """Runs marked as inserted: wrapped in ``w:ins`` (a hyperlink's runs inside it)."""
    return _wrapped(runs, change, "ins")


def deleted(runs: list[etree._Element], change: Change) -> list[etree._Element]:
    """Runs marked as deleted: wrapped in ``w:del``, their text as ``w:delText``."""
    for run in runs:
        for text in run.iter(w("t")):
            text.tag = w("delText")
        for text in run.iter(w("instrText")):
            text.tag = w("delInstrText")
    return _wrapped(runs, change, "del")


def moved(runs: list[etree._Element], change: Change, local: str) -> list[etree._Element]:
    """Runs marked as moved away (``moveFrom``, text kept as ``w:t``) or here (``moveTo``)."""
    return _wrapped(runs, change, local)


def move_range(
    first: etree._Element, last: etree._Element, change: Change, local: str, name: str
) -> None:
    """``w:moveFromRangeStart``/``End`` (or moveTo) around paragraphs ``first``..``last``."""
    start = change.mark(f"{local}RangeStart")
    start.set(w("name"), name)
    end = etree.Element(w(f"{local}RangeEnd"))
    end.set(w("id"), start.get(w("id"), ""))
    ppr = first.find(w("pPr"))
    if first.tag != w("p"):  # a table: the range opens and closes beside it, in the body
        first.addprevious(start)
    elif ppr is not None:
        ppr.addnext(start)
    else:
        first.insert(0, start)
    if last.tag != w("p"):
        last.addnext(end)
    else:
        last.append(end)


def _wrapped(runs: list[etree._Element], change: Change, local: str) -> list[etree._Element]:
    made: list[etree._Element] = []
    group: etree._Element | None = None
    for run in runs:
        if run.tag == w("hyperlink"):
            inner = [child for child in run if child.tag == w("r")]
            mark = change.mark(local)
            for child in inner:
                mark.append(child)  # moves it out of the hyperlink, into the mark
            run.append(mark)
            made.append(run)
            group = None
            continue
        if group is None:
            group = change.mark(local)
            made.append(group)
        group.append(run)
    return made


def mark_paragraph(paragraph: etree._Element, change: Change, local: str) -> None:
    """Mark the paragraph's mark itself inserted or deleted (``w:pPr/w:rPr/w:ins|w:del``)."""
    mark_rpr(paragraph).insert(0, change.mark(local))


def mark_rpr(paragraph: etree._Element) -> etree._Element:
    """The paragraph mark's formatting (``w:pPr/w:rPr``), made if missing, where a tracked
    paragraph mark (``w:ins``, ``w:del``...) goes."""
    ppr = paragraph.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        paragraph.insert(0, ppr)
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        before = [ppr.find(w(name)) for name in ("sectPr", "pPrChange")]
        anchor = next((el for el in before if el is not None), None)
        if anchor is not None:
            anchor.addprevious(rpr)
        else:
            ppr.append(rpr)
    return rpr


def mark_of(paragraph: etree._Element) -> etree._Element | None:
    """How the paragraph's mark is tracked (its ``w:ins``, ``w:del``, ``w:moveFrom``...), if
    it is."""
    rpr = paragraph.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    tracked = (w("ins"), w("del"), w("moveFrom"), w("moveTo"))
    return next((child for child in rpr if child.tag in tracked), None)


def section_of(paragraph: etree._Element) -> etree._Element | None:
    """The section break (``w:pPr/w:sectPr``) the paragraph's mark carries, if any: the
    mark ends a section of the document."""
    return paragraph.find(f"{w('pPr')}/{w('sectPr')}")
