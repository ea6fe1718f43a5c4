#!/usr/bin/env python3
"""Draws resources/icon.png (512x512): a white 3x3 grid (网格) with a red marker on a blue rounded square.

Standard library only (zlib + struct), so it runs anywhere python3 does; electron-builder derives the
Windows .ico and the Linux icon sizes from this one PNG. Run: python3 resources/make_icon.py
"""
import math
import os
import struct
import zlib

SIZE = 512
SS = 3  # supersampling per axis, for smooth edges

BLUE = (28, 84, 160)
WHITE = (255, 255, 255)
RED = (220, 48, 48)


def in_rounded_square(x, y, inset=28, radius=100):
    lo, hi = inset, SIZE - inset
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


GRID_LO, GRID_HI, LINE = 120, 392, 16
GRID_LINES = [GRID_LO + i * (GRID_HI - GRID_LO) / 3 for i in range(4)]


def on_grid(x, y):
    if not (GRID_LO - LINE / 2 <= x <= GRID_HI + LINE / 2 and GRID_LO - LINE / 2 <= y <= GRID_HI + LINE / 2):
        return False
    return any(abs(x - g) <= LINE / 2 for g in GRID_LINES) or any(abs(y - g) <= LINE / 2 for g in GRID_LINES)


# The marker sits in the centre cell: a red dot with a white ring that cuts the grid lines around it.
MX, MY, MR, RING = 256, 256, 40, 12


def colour_at(x, y):
    """The colour at a sub-pixel, or None for transparent."""
    if not in_rounded_square(x, y):
        return None
    d = math.hypot(x - MX, y - MY)
    if d <= MR:
        return RED
    if d <= MR + RING:
        return BLUE
    return WHITE if on_grid(x, y) else BLUE


def render():
    rows = []
    n = SS * SS
    for py in range(SIZE):
        row = bytearray([0])  # filter type: none
        for px in range(SIZE):
            r = g = b = a = 0
            for sy in range(SS):
                for sx in range(SS):
                    c = colour_at(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                    if c is not None:
                        r += c[0]
                        g += c[1]
                        b += c[2]
                        a += 1
            if a:
                row += bytes((round(r / a), round(g / a), round(b / a), round(255 * a / n)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main():
    ihdr = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(render(), 9)) + chunk(b"IEND", b"")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(out, "wb") as f:
        f.write(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
