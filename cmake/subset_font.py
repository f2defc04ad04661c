#!/usr/bin/env python3
"""Subsets a TrueType font for embedding (portal and PDFs), and makes it safe for libharu.

usage: subset_font.py IN.ttf OUT.ttf UNICODES

The subset keeps the given code points, kerning and ligatures, and no hinting (small to
download and quick for libharu to parse).

Why a `prep` table is added back: libharu 2.3.0 writes every one of the 13 TrueType
tables it requires into the PDF, a missing one as an empty table at the current end of
its memory stream, then seeks to each table's offset to compute its checksum. `prep`
comes last, so without it that seek lands exactly at the end of the stream, and when
the font data written so far fills whole 4 KiB buffers (it depends on which glyphs a
document uses) libharu's memory stream cannot seek there: the save fails with
HPDF_INVALID_OBJECT (0x1033). The fuzzer found an English invoice that did this. A
`prep` of one harmless instruction pair (push 0, pop) means no table ever starts at
the end of the stream. `cvt ` and `fpgm` may stay empty: they are followed by real
tables, so their offsets are always inside the stream.
"""
import sys

from fontTools import subset
from fontTools.ttLib import newTable
from fontTools.ttLib.tables import ttProgram


def main() -> None:
    source, target, unicodes = sys.argv[1:]
    options = subset.Options()
    options.layout_features = ["kern", "liga"]
    options.hinting = False
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)

    if "prep" not in font:
        prep = newTable("prep")
        prep.program = ttProgram.Program()
        prep.program.fromBytecode(bytes([0xB0, 0x00, 0x21]))  # PUSHB[0] 0; POP
        font["prep"] = prep
    subset.save_font(font, target, options)


if __name__ == "__main__":
    main()
