"""Hostile workbooks, small files that ask a reader for a lot: for the tests and the benchmark
that prints how long the batch's reader takes on each (bench/hostile_files.py)."""

from __future__ import annotations

import io
import zipfile

_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
          b'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
          b'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          b'"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
          b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
          b'"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          b'officedocument.spreadsheetml.worksheet+xml"/>%s</Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
         b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
         b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
         b'"xl/workbook.xml"/></Relationships>')
_BOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats'
         b'.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
         b'officeDocument/2006/relationships"><sheets><sheet name="Business units" sheetId="1" '
         b'r:id="rId1"/></sheets></workbook>')
_BOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
              b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
              b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
              b'Target="worksheets/sheet1.xml"/>%s</Relationships>')
_SHEET = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
          b'openxmlformats.org/spreadsheetml/2006/main">%s<sheetData>%s</sheetData></worksheet>')
_STRINGS_REL = (b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
_STRINGS_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                 b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def _cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def workbook(sheet_data: bytes, dimension: str | None = None, strings: bytes | None = None,
             extra: dict[str, bytes] | None = None) -> bytes:
    """An .xlsx with one sheet holding `sheet_data` (its <row> elements), deflated; `extra`
    parts are added as they are (one named xl/worksheets/sheet1.xml replaces the sheet)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in (extra or {}).items():
            archive.writestr(name, part)
        archive.writestr("[Content_Types].xml", _TYPES % (_STRINGS_TYPE if strings else b""))
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels",
                         _BOOK_RELS % (_STRINGS_REL if strings else b""))
        head = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
        if "xl/worksheets/sheet1.xml" not in (extra or {}):
            archive.writestr("xl/worksheets/sheet1.xml", _SHEET % (head, sheet_data))
        if strings is not None:
            archive.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


HEADER = b'<row r="1">' + _cell("A1", "industry") + b"</row>"


def far_row(row: int = 999_999_999) -> bytes:
    """A header and one cell at a far row, no dimension: the reader yields every row between."""
    return workbook(HEADER + f'<row r="{row}">'.encode() + _cell(f"A{row}", "x") + b"</row>")


def declared_rows(rows: int = 999_999_999) -> bytes:
    """A sheet whose dimension declares a vast range over two real rows."""
    return workbook(HEADER, dimension=f"A1:A{rows}")


def wide_header(cells: int = 1_000_000) -> bytes:
    """One header row of `cells` cells."""
    row = b"".join(b'<c t="inlineStr"><is><t>c%d</t></is></c>' % i for i in range(cells))
    return workbook(b'<row r="1">' + row + b"</row>")


def many_strings(count: int = 1_200_000) -> bytes:
    """A shared-strings table of `count` tiny texts."""
    body = b"<si><t>a</t></si>" * count
    table = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
             b'org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (count, count)
             + body + b"</sst>")
    return workbook(HEADER, strings=table)


def many_sheets(count: int = 2_000) -> bytes:
    """A workbook carrying `count` sheet parts."""
    return workbook(HEADER, extra={f"xl/worksheets/sheet{n}.xml": _SHEET % (b"", HEADER)
                                   for n in range(2, count + 2)})


def big_styles(count: int = 400_000) -> bytes:
    """A styles part of `count` cell formats (a real workbook has a few dozen)."""
    body = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * count
    styles = (b'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.'
              b'openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="%d">' % count
              + body + b"</cellXfs></styleSheet>")
    return workbook(HEADER, extra={"xl/styles.xml": styles})


def many_cells(rows: int = 20_000, columns: int = 60) -> bytes:
    """A sheet of `rows` rows of `columns` empty cells each (under the row limit)."""
    row = b"".join(b"<c/>" for _ in range(columns))
    return workbook(HEADER + b"".join(b'<row r="%d">' % r + row + b"</row>"
                                      for r in range(2, rows + 2)))


def largest_valid(rows: int = 20_000, columns: int = 29) -> bytes:
    """The most a valid upload asks: the row limit of text in every cell, as many columns
    as cells allow (the bound the hostile files are held to)."""
    head = (b'<row r="1">' + b"".join(b'<c t="inlineStr"><is><t>q%d</t></is></c>' % c
                                      for c in range(columns)) + b"</row>")
    row = b"".join(b'<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(columns))
    return workbook(head + b"".join(b'<row r="%d">' % r + row + b"</row>"
                                    for r in range(2, rows + 2)))


def bad_reference() -> bytes:
    """A cell whose reference is not a cell reference."""
    return workbook(b'<row r="1">' + _cell("R1C0", "industry") + b"</row>")


HOSTILE = {"a cell at row 999,999,999": far_row, "a dimension of 999,999,999 rows": declared_rows,
           "1,000,000 header cells": wide_header, "1,200,000 shared strings": many_strings,
           "2,000 sheets": many_sheets, "400,000 cell formats": big_styles,
           "1,200,000 empty cells": many_cells,
           "a malformed cell reference": bad_reference,
           "20,000 full rows (largest valid)": largest_valid}
