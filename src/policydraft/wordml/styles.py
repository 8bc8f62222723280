"""A styles part (``word/styles.xml``) as Word applies it: a property through ``basedOn``.

Word finds a paragraph's size, font or line spacing in its style, else in the style that one
is based on, and so on, else in the document defaults (``w:docDefaults``), else its own
defaults (10 pt, ECMA-376 Part 1, 17.7.5.2). A ``basedOn`` naming a style that does not exist
ends the chain there, and a chain that comes back on itself is followed once: Word opens such
files, so a reader must too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WORD_DEFAULT_HALF_POINTS = 20
"""Word's size where nothing sets one: 10 pt, in the half points ``w:sz`` counts."""
WORD_DEFAULT_SIZE = WORD_DEFAULT_HALF_POINTS / 2
MAX_CHAIN = 64
"""``basedOn`` chains longer than this are hostile: the walk stops there."""
_MAX_HALF_POINTS_DIGITS = 5  # Word's largest size is 1,638 pt: a longer number is nonsense


def w(name: str) -> str:
    """The WordprocessingML qualified name ``w:name``."""
    return f"{{{W_NS}}}{name}"


def half_points(rpr: etree._Element | None) -> int | None:
    """The size a run-properties element (``w:rPr``) sets in half points, if a usable one:
    ``w:sz`` is an unsigned whole number of half points (17.3.2.38)."""
    return sz_half_points(rpr.find(w("sz")) if rpr is not None else None)


def sz_half_points(sz: etree._Element | None) -> int | None:
    """The half points a ``w:sz`` or ``w:szCs`` element gives, if a usable number."""
    value = sz.get(w("val")) if sz is not None else None
    if value is None or not value.isdigit() or len(value) > _MAX_HALF_POINTS_DIGITS:
        return None
    return int(value) or None


def superscript(rpr: etree._Element | None) -> bool | None:
    """Whether ``w:rPr`` raises its text as a superscript; None when it does not say."""
    align = rpr.find(w("vertAlign")) if rpr is not None else None
    return None if align is None else align.get(w("val")) == "superscript"


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """A theme part's major (headings) and minor (body) Latin fonts, by ``major``/``minor``."""
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            fonts[kind] = str(latin.get("typeface"))
    return fonts


class StyleSheet:
    """A styles part, asked for effective properties through the ``basedOn`` chain.

    It reads the elements each time it is asked, so a size raised in the tree is seen at once.
    ``root`` may be None (a document without a styles part): every style is then missing and
    every answer is the document's or Word's default.
    """

    def __init__(self, root: etree._Element | None, fonts: Mapping[str, str] | None = None):
        self.root = root if root is not None else etree.Element(w("styles"))
        self.theme_fonts = dict(fonts or {})
        self.by_id = {str(s.get(w("styleId"))): s for s in self.root.findall(w("style"))}

    def style(self, style_id: str | None) -> etree._Element | None:
        """The style with that id, or None (no id, or one the part does not define)."""
        return self.by_id.get(style_id) if style_id else None

    def by_name(self, name: str) -> etree._Element | None:
        """The first style Word shows under ``name`` (names compare regardless of case)."""
        wanted = name.casefold()
        return next((s for s in self.by_id.values() if self.name(s).casefold() == wanted), None)

    def name(self, style: etree._Element) -> str:
        """The style's name as Word's style list shows it, else its id."""
        name = style.find(w("name"))
        return (name.get(w("val")) if name is not None else None) or str(style.get(w("styleId")))

    def default_paragraph(self) -> etree._Element | None:
        """The style of a paragraph that names none (``Normal``, marked ``w:default``)."""
        return next(
            (
                s
                for s in self.by_id.values()
                if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true")
            ),
            None,
        )

    def body_style(self) -> etree._Element | None:
        """The style of a letter's body text: ``Body Text``, else the default paragraph style."""
        body = self.by_name("Body Text")
        return body if body is not None else self.default_paragraph()

    def chain(self, style: etree._Element | None) -> Iterator[etree._Element]:
        """``style``, the style it is based on, and so on (each once, at most ``MAX_CHAIN``)."""
        seen: set[str] = set()
        while style is not None and len(seen) < MAX_CHAIN:
            style_id = str(style.get(w("styleId")))
            if style_id in seen:
                return
            seen.add(style_id)
            yield style
            based = style.find(w("basedOn"))
            style = self.style(based.get(w("val"))) if based is not None else None

    def depth(self, style: etree._Element) -> int:
        """How many styles ``style`` is based on, through the chain."""
        return sum(1 for _ in self.chain(style)) - 1

    def chain_half_points(self, style: etree._Element | None) -> int | None:
        """The size the style or one it is based on sets, in half points; None if none does."""
        return next((s for link in self.chain(style) if (s := half_points(_rpr(link)))), None)

    def default_half_points(self) -> int:
        """The document defaults' size in half points, else Word's 20 (10 pt)."""
        return half_points(self._default("rPr")) or WORD_DEFAULT_HALF_POINTS

    def effective_half_points(self, style: etree._Element) -> int | None:
        """The size text in ``style`` takes, in half points. A character style that sets none
        has no size of its own (its text takes its paragraph's): None."""
        own = self.chain_half_points(style)
        if own is not None or style.get(w("type")) == "character":
            return own
        return self.default_half_points()

    def size(self, style: etree._Element | None) -> float:
        """The effective font size in points of a paragraph in ``style`` (None: no style)."""
        return (self.chain_half_points(style) or self.default_half_points()) / 2

    def superscript(self, style: etree._Element | None) -> bool:
        """Whether text in ``style`` is raised as a superscript."""
        found = (superscript(rpr) for rpr in self._all(style, "rPr"))
        return next((raised for raised in found if raised is not None), False)

    def font(self, style: etree._Element | None) -> str | None:
        """The effective Latin font: ``w:ascii`` (or ``w:hAnsi``), or the theme font named by
        ``w:asciiTheme`` (``major...`` for headings, ``minor...`` for body text)."""
        for rpr in self._all(style, "rPr"):
            fonts = rpr.find(w("rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(w("asciiTheme"))
            if theme is not None:
                return self.theme_fonts.get("major" if theme.startswith("major") else "minor")
            name = fonts.get(w("ascii")) or fonts.get(w("hAnsi"))
            if name:
                return name
        return None

    def line_spacing(self, style: etree._Element | None) -> tuple[float | None, str]:
        """The effective ``w:line`` and ``w:lineRule`` ("auto", "exact" or "atLeast"); a
        ``w:line`` that is no number is skipped, as Word skips it."""
        for ppr in self._all(style, "pPr"):
            spacing = ppr.find(w("spacing"))
            line = _number(spacing.get(w("line"))) if spacing is not None else None
            if spacing is not None and line is not None:
                return line, spacing.get(w("lineRule"), "auto")
        return None, "auto"

    def _all(self, style: etree._Element | None, props: str) -> Iterator[etree._Element]:
        """Each ``w:rPr`` or ``w:pPr`` along the chain, then the document defaults'."""
        for link in self.chain(style):
            found = link.find(w(props))
            if found is not None:
                yield found
        default = self._default(props)
        if default is not None:
            yield default

    def _default(self, props: str) -> etree._Element | None:
        return self.root.find(f"{w('docDefaults')}/{w(props + 'Default')}/{w(props)}")


def _rpr(style: etree._Element) -> etree._Element | None:
    return style.find(w("rPr"))


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
