#!/usr/bin/env python3
"""Draw claimdiff's app icon and write assets/icon-256.png, icon-512.png, icon.ico, icon.icns.

Two article pages side by side on a blue tile, one claim in each highlighted and linked: the
app in one picture. Pure standard library (the shapes are signed-distance functions, edges
anti-aliased by coverage), so the output is the same on every machine:

    python3 assets/icon.py
"""

import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

TILE_TOP = (0x2B, 0x6C, 0xB0)
TILE_BOTTOM = (0x1B, 0x3F, 0x6E)
PAGE = (0xF7, 0xF9, 0xFC)
LINE = (0xA9, 0xB6, 0xC6)
CLAIM = (0xF2, 0xA3, 0x3A)
CONFLICT = (0xE0, 0x5A, 0x4F)


def rounded_box(px, py, cx, cy, hw, hh, r):
    qx = abs(px - cx) - hw + r
    qy = abs(py - cy) - hh + r
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - r


def segment(px, py, ax, ay, bx, by, r):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy) - r


# Text lines: (page centre x, y, relative length, colour).
LINES = []
for y, left_len, right_len in [
    (0.30, 0.95, 0.85),
    (0.38, 0.80, 1.00),
    (0.46, 1.00, 0.70),
    (0.54, 0.65, 0.95),
    (0.62, 0.90, 0.80),
    (0.70, 0.55, 0.60),
]:
    LINES.append((0.305, y, left_len))
    LINES.append((0.695, y, right_len))
CLAIM_LEFT = (0.305, 0.46)
CLAIM_RIGHT = (0.695, 0.38)
CONFLICT_RIGHT = (0.695, 0.62)


def shapes(px, py):
    """(signed distance in icon units, colour) for each layer, bottom first."""
    t = max(0.0, min(1.0, (py - 0.06) / 0.88))
    tile = tuple(a + (b - a) * t for a, b in zip(TILE_TOP, TILE_BOTTOM))
    yield rounded_box(px, py, 0.5, 0.5, 0.44, 0.44, 0.10), tile
    for cx in (0.305, 0.695):
        yield rounded_box(px, py, cx, 0.5, 0.155, 0.30, 0.035), PAGE
    half = 0.105
    for cx, y, length in LINES:
        colour = LINE
        if (cx, y) == CLAIM_LEFT or (cx, y) == CLAIM_RIGHT:
            colour = CLAIM
        elif (cx, y) == CONFLICT_RIGHT:
            colour = CONFLICT
        x0 = cx - half
        yield segment(px, py, x0, y, x0 + 2 * half * length, y, 0.017), colour
    # The link between the two matched claims, across the gutter.
    yield segment(px, py, CLAIM_LEFT[0] + half, CLAIM_LEFT[1], CLAIM_RIGHT[0] - half, CLAIM_RIGHT[1], 0.022), CLAIM


def render(size):
    rows = []
    for j in range(size):
        row = bytearray()
        py = (j + 0.5) / size
        for i in range(size):
            px = (i + 0.5) / size
            r = g = b = a = 0.0
            for dist, colour in shapes(px, py):
                cover = max(0.0, min(1.0, 0.5 - dist * size))
                if cover <= 0.0:
                    continue
                # "over" compositing, premultiplied
                r = colour[0] * cover + r * (1 - cover)
                g = colour[1] * cover + g * (1 - cover)
                b = colour[2] * cover + b * (1 - cover)
                a = cover + a * (1 - cover)
            if a > 0:
                row += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size):
    rows = render(size)
    raw = b"".join(b"\0" + row for row in rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    """A Windows .ico holding PNG images (Vista and later)."""
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in images:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in images)


def icns(images):
    """A macOS .icns holding PNG images."""
    kinds = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b"".join(kinds[size] + struct.pack(">I", len(data) + 8) + data for size, data in images)
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main():
    pngs = {size: png(size) for size in (16, 32, 48, 64, 128, 256, 512)}
    files = {
        "icon-256.png": pngs[256],
        "icon-512.png": pngs[512],
        "icon.ico": ico([(s, pngs[s]) for s in (16, 32, 48, 256)]),
        "icon.icns": icns([(s, pngs[s]) for s in (16, 32, 64, 128, 256, 512)]),
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(f"wrote assets/{name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
