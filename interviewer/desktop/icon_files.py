"""Pack PNG renderings into Windows .ico and macOS .icns files, without an image library.

Both formats may hold PNG data as is (Windows Vista and later, macOS 10.7 and later), so
packing is a header and a table of contents in front of the PNG bytes.
"""

from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# icns element types that hold PNG data, by pixel size (Apple's icns format).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def pack_ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding each PNG (ICONDIR, one ICONDIRENTRY per image, then the images)."""
    sizes = sorted(s for s in pngs if s in ICO_SIZES)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 stands for 256 in a one-byte field
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def pack_icns(pngs: dict[int, bytes]) -> bytes:
    """An .icns holding each PNG as the element type macOS reads for that size."""
    body = b""
    for size in sorted(s for s in pngs if s in ICNS_TYPES):
        png = pngs[size]
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body
