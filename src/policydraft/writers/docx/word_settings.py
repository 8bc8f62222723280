"""``word/settings.xml`` as every letter leaves: Word 2013+ layout, no borrowed identity.

A reference.docx lends its settings (tab stops, hyphenation, footnote format), but not what
identifies the document it was (its revision ids and document ids, which every letter made
from it would otherwise share) and not an old compatibility mode: a letter laid out as
Word 2010 or 2007 would open in Compatibility Mode and lay out unlike a current Word. A
reference at mode 15 or above keeps its own mode; one below it (or without any) is raised
to 15. A ``w:zoom`` without the schema's required ``percent`` gets 100.
"""

from __future__ import annotations

from lxml import etree

from policydraft.writers.docx.oxml import W_NS, W_VAL, insert_before_any, w

WORD_URI = "http://schemas.microsoft.com/office/word"
MODERN_MODE = 15  # Word 2013 and later
_DOCUMENT_IDS = (
    "{http://schemas.microsoft.com/office/word/2010/wordml}docId",
    "{http://schemas.microsoft.com/office/word/2012/wordml}docId",
)
# what follows w:compat in CT_Settings (elements of other namespaces come later too)
_AFTER_COMPAT = (
    "docVars", "rsids", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)  # fmt: skip


def modernise_settings(settings: etree._Element) -> None:
    """Drop revision and document ids, complete ``w:zoom``, raise the compatibility mode."""
    for tag in (w("rsids"), *_DOCUMENT_IDS):
        for element in settings.findall(tag):
            settings.remove(element)
    zoom = settings.find(w("zoom"))
    if zoom is not None and zoom.get(w("percent")) is None:
        zoom.set(w("percent"), "100")
    mode = _mode_setting(settings)
    if _mode(mode) < MODERN_MODE:
        mode.set(W_VAL, str(MODERN_MODE))


def compatibility_mode(settings: etree._Element) -> int:
    """The document's compatibility mode (Word 2007's 12 when it names none)."""
    compat = settings.find(w("compat"))
    if compat is None:
        return 12
    for setting in compat.findall(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode" and setting.get(w("uri")) == WORD_URI:
            return _mode(setting)
    return 12


def _mode(setting: etree._Element) -> int:
    value = setting.get(W_VAL, "")
    return int(value) if value.isdigit() else 0


def _mode_setting(settings: etree._Element) -> etree._Element:
    """The ``compatibilityMode`` compat setting, added (in schema order) if missing."""
    compat = settings.find(w("compat"))
    if compat is None:
        compat = settings.makeelement(w("compat"))
        successors = {w(name) for name in _AFTER_COMPAT}
        successors |= {
            child.tag
            for child in settings
            if isinstance(child.tag, str) and not child.tag.startswith(f"{{{W_NS}}}")
        }
        insert_before_any(settings, compat, successors)
    for setting in compat.findall(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode" and setting.get(w("uri")) == WORD_URI:
            return setting
    setting = compat.makeelement(w("compatSetting"))
    setting.set(w("name"), "compatibilityMode")
    setting.set(w("uri"), WORD_URI)
    setting.set(W_VAL, "0")
    compat.append(setting)  # compatSetting elements come last in CT_Compat
    return setting
