#!/usr/bin/env python3
"""Draws the Teams app icons (color.png 192x192, outline.png 32x32) with the standard library only.

The mark is the web chat's sail (src/IstioTutor.Bot/WebChat/wwwroot/icon.svg): two triangles over a hull.
Run from anywhere: python3 deploy/teams/make-icons.py
"""
import os
import struct
import zlib

# Shapes in the SVG's 32x32 coordinates.
SAIL_MAIN = [(16, 5), (16, 24), (8, 24)]
SAIL_JIB = [(17.5, 9), (24, 24), (17.5, 24)]
HULL = [(7, 26), (25, 26), (22, 28), (10, 28)]


def inside(poly, x, y):
    """Even-odd point-in-polygon test."""
    hit = False
    for i, (x1, y1) in enumerate(poly):
        x2, y2 = poly[(i + 1) % len(poly)]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def coverage(poly, size, px, py, samples=4):
    """Fraction of pixel (px, py) covered by poly, supersampled for smooth edges."""
    scale = 32 / size
    n = 0
    for sy in range(samples):
        for sx in range(samples):
            x = (px + (sx + 0.5) / samples) * scale
            y = (py + (sy + 0.5) / samples) * scale
            n += inside(poly, x, y)
    return n / (samples * samples)


def rounded_square(size, px, py, radius):
    cx = min(max(px + 0.5, radius), size - radius)
    cy = min(max(py + 0.5, radius), size - radius)
    d = ((px + 0.5 - cx) ** 2 + (py + 0.5 - cy) ** 2) ** 0.5
    return max(0.0, min(1.0, radius - d + 0.5))


def write_png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))
    chunk = lambda tag, data: struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def blend(a, b, t):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))


def color_pixel(x, y, size=192):
    bg = (0x46, 0x6B, 0xB0)
    c = bg
    c = blend(c, (255, 255, 255), coverage(SAIL_MAIN, size, x, y))
    c = blend(c, (0xCF, 0xE0, 0xFF), coverage(SAIL_JIB, size, x, y))
    c = blend(c, (255, 255, 255), coverage(HULL, size, x, y))
    alpha = round(255 * rounded_square(size, x, y, radius=size * 7 / 32))
    return (*c, alpha)


def outline_pixel(x, y, size=32):
    # Teams wants the outline icon white on transparent.
    a = max(coverage(SAIL_MAIN, size, x, y), coverage(SAIL_JIB, size, x, y), coverage(HULL, size, x, y))
    return (255, 255, 255, round(255 * a))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), 192, color_pixel)
    write_png(os.path.join(here, "outline.png"), 32, outline_pixel)
    print("wrote color.png and outline.png in", here)
