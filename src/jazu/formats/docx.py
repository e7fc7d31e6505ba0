"""Word documents (.docx, `pip install 'jazu[docx]'`, python-docx): the text of every paragraph
— body, tables, text boxes, headers, footers, footnotes, endnotes, comments — is converted; its
runs keep their formatting, because only the text of each `<w:t>` changes. A paragraph's pieces
of text are one text (`Transliterator.convert_pieces`): a word split across runs (a bold
letter inside it) is converted whole. Paragraphs are set right-to-left (`<w:bidi/>`) going to
Arabic, left-to-right otherwise."""

from __future__ import annotations

import io
import re
from typing import Any, Iterator, List

from jazu.errors import DocumentError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# The parts that hold a reader's text (the main document, headers, footers, notes, comments).
TEXT_PARTS = re.compile(r"^/word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")


# The elements of a paragraph's properties (pPr) that the schema puts after <w:bidi/>.
AFTER_BIDI = frozenset(f"{{{W}}}{tag}" for tag in (
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
))


BREAKS = tuple(f"{{{W}}}{tag}" for tag in ("tab", "br", "cr"))  # what separates words in a paragraph


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def convert_docx(data: bytes, transliterator: Any) -> bytes:
    """A .docx file's bytes, converted."""
    try:
        import docx  # python-docx
    except ImportError:
        raise DocumentError("DOCX needs python-docx: pip install 'jazu[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a file that is no Word document
        raise DocumentError(f"not a Word document ({type(e).__name__}: {e})") from None
    rtl = transliterator.target == "arab"
    for part in document.part.package.iter_parts():
        if not TEXT_PARTS.match(str(part.partname)):
            continue
        element = getattr(part, "element", None)
        if element is not None:  # a part python-docx reads (document, header, footer)
            _convert_element(element, transliterator, rtl)
        else:  # notes and comments: a plain part, its XML read and written back here
            from lxml import etree

            try:
                root = etree.fromstring(part.blob)
            except etree.XMLSyntaxError as e:
                raise DocumentError(f"not a Word document: {part.partname} is no XML ({e})") from None
            _convert_element(root, transliterator, rtl)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(root: Any) -> Iterator[Any]:
    """Every paragraph, text boxes' included, without one nested in another twice."""
    yield from root.iter(_w("p"))


def _convert_element(root: Any, transliterator: Any, rtl: bool) -> None:
    for paragraph in _paragraphs(root):
        # The paragraph's own texts, not those of a paragraph nested in it (a text box); a tab
        # or a line break between them is a space to the converter (its output is dropped).
        items: List[Any] = [e for e in paragraph.iter(_w("t"), *BREAKS) if _owner(e) is paragraph]
        if any(e.tag == _w("t") for e in items):
            pieces = [(e.text or "") if e.tag == _w("t") else " " for e in items]
            converted = transliterator.convert_pieces(pieces)
            for e, new in zip(items, converted):
                if e.tag != _w("t"):
                    continue
                e.text = new
                if new != new.strip():
                    e.set(XML_SPACE, "preserve")
        _set_direction(paragraph, rtl)


def _owner(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != _w("p"):
        parent = parent.getparent()
    return parent


def _set_direction(paragraph: Any, rtl: bool) -> None:
    from lxml import etree

    properties = paragraph.find(_w("pPr"))
    bidi = properties.find(_w("bidi")) if properties is not None else None
    if rtl and bidi is None:
        if properties is None:
            properties = etree.SubElement(paragraph, _w("pPr"))
            paragraph.remove(properties)
            paragraph.insert(0, properties)  # pPr comes first in a paragraph
        bidi = etree.Element(_w("bidi"))
        # Its place in pPr's sequence (the schema's order, which Word checks): before the first
        # element that comes after it.
        later = next((i for i, child in enumerate(properties) if child.tag in AFTER_BIDI), len(properties))
        properties.insert(later, bidi)
    elif not rtl and bidi is not None:
        properties.remove(bidi)
