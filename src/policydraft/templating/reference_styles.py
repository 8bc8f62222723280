"""A reference.docx's styles as Word applies them: a property's value through ``basedOn``.

Word finds a paragraph's size, font or line spacing in its style, else in the style it is
based on, and so on, else in the document defaults (``w:docDefaults``), else its own
defaults (10 pt). ``StyleSheet`` answers those questions for the style the letter's body
text takes; ``element_text`` gives a header or footer paragraph's text with its page fields
kept as ``{page}`` and ``{total}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORD_DEFAULT_SIZE = 10.0  # points: what Word sets without any w:sz
_MAX_CHAIN = 64  # basedOn chains longer than this are cycles or hostile; stop there
_FIELDS = {"PAGE": "{page}", "NUMPAGES": "{total}", "SECTIONPAGES": "{total}"}


def w(name: str) -> str:
    """The WordprocessingML qualified name ``w:name``."""
    return f"{{{_W}}}{name}"


class StyleSheet:
    """A styles part, asked for effective properties through the ``basedOn`` chain."""

    def __init__(self, root: etree._Element, theme_fonts: dict[str, str]) -> None:
        self.root = root
        self.theme_fonts = theme_fonts
        self.by_id = {str(s.get(w("styleId"))): s for s in root.findall(w("style"))}

    def body_style(self) -> etree._Element | None:
        """The style of the letter's body text: ``Body Text``, else the default paragraph
        style (``Normal``)."""
        for style in self.by_id.values():
            name = style.find(w("name"))
            if name is not None and name.get(w("val"), "").casefold() == "body text":
                return style
        for style in self.by_id.values():
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                return style
        return None

    def chain(self, style: etree._Element | None) -> Iterator[etree._Element]:
        """``style``, the style it is based on, and so on (each once)."""
        seen: set[str] = set()
        while style is not None and len(seen) < _MAX_CHAIN:
            style_id = str(style.get(w("styleId")))
            if style_id in seen:
                return
            seen.add(style_id)
            yield style
            based = style.find(w("basedOn"))
            style = self.by_id.get(based.get(w("val"), "")) if based is not None else None

    def size(self, style: etree._Element | None) -> float:
        """The style's effective font size in points."""
        for sz in self._all(style, "rPr", "sz"):
            value = _number(sz.get(w("val")))
            if value:
                return value / 2
        return WORD_DEFAULT_SIZE

    def font(self, style: etree._Element | None) -> str | None:
        """The style's effective Latin font: ``w:ascii``, or the theme font it names."""
        for fonts in self._all(style, "rPr", "rFonts"):
            theme = fonts.get(w("asciiTheme"))
            if theme is not None:
                return self.theme_fonts.get("major" if theme.startswith("major") else "minor")
            name = fonts.get(w("ascii")) or fonts.get(w("hAnsi"))
            if name:
                return name
        return None

    def line_spacing(self, style: etree._Element | None) -> tuple[float | None, str]:
        """The style's effective ``w:line`` and ``w:lineRule`` ("auto", "exact", "atLeast")."""
        for spacing in self._all(style, "pPr", "spacing"):
            line = _number(spacing.get(w("line")))
            if line is not None:
                return line, spacing.get(w("lineRule"), "auto")
        return None, "auto"

    def _all(self, style: etree._Element | None, props: str, name: str) -> Iterator[etree._Element]:
        """Every ``props/name`` element along the chain, then in the document defaults."""
        for link in self.chain(style):
            found = link.find(f"{w(props)}/{w(name)}")
            if found is not None:
                yield found
        default = self.root.find(f"{w('docDefaults')}/{w(props + 'Default')}/{w(props)}/{w(name)}")
        if default is not None:
            yield default


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def element_text(element: etree._Element) -> str:
    """The text of ``element`` as ``str.format`` takes it: braces doubled, PAGE and NUMPAGES
    fields (simple or complex) as ``{page}`` and ``{total}``, their cached results dropped."""
    out: list[str] = []
    instruction: list[str] | None = None  # inside a complex field's instruction
    in_result = False
    for node in element.iter(w("t"), w("tab"), w("fldSimple"), w("fldChar"), w("instrText")):
        tag = etree.QName(node).localname
        if tag == "fldSimple":
            out.append(_field(node.get(w("instr"), "")))
        elif tag == "fldChar":
            kind = node.get(w("fldCharType"))
            if kind == "begin":
                instruction, in_result = [], False
            elif kind == "separate" and instruction is not None:
                out.append(_field("".join(instruction)))
                instruction, in_result = None, True
            elif kind == "end":
                if instruction is not None:
                    out.append(_field("".join(instruction)))
                instruction, in_result = None, False
        elif tag == "instrText" and instruction is not None:
            instruction.append(node.text or "")
        elif in_result or _inside_simple_field(node):
            continue
        elif tag == "tab":
            out.append(" ")
        else:
            out.append((node.text or "").replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def _field(instruction: str) -> str:
    words = instruction.split()
    return _FIELDS.get(words[0].upper(), "") if words else ""


def _inside_simple_field(node: etree._Element) -> bool:
    return any(etree.QName(parent).localname == "fldSimple" for parent in node.iterancestors())
