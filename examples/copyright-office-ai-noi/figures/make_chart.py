#!/usr/bin/env python3
"""Draw the comment's one figure: an ILLUSTRATIVE bar chart of licensing deals by year.

The numbers are invented for the example (the comment's text says so); they show the shape
of a chart a trade association would file, not a measurement. Pillow only, no fonts from the
system (Pillow's built-in bitmap font), so the same script gives the same PNG bytes anywhere.

    python examples/copyright-office-ai-noi/figures/make_chart.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Illustrative counts of publicly announced AI content-licensing agreements, by year.
DEALS = {"2019": 2, "2020": 3, "2021": 5, "2022": 9, "2023": 21, "2024": 38}
WIDTH, HEIGHT, MARGIN = 900, 500, 70
OUT = Path(__file__).with_name("licensing-deals.png")


def draw_chart(deals: dict[str, int]) -> Image.Image:
    """Bars, value labels and axis labels on a white canvas."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    top = max(deals.values())
    plot_h = HEIGHT - 2 * MARGIN
    slot = (WIDTH - 2 * MARGIN) / len(deals)
    draw.line([(MARGIN, HEIGHT - MARGIN), (WIDTH - MARGIN, HEIGHT - MARGIN)], fill="black", width=2)
    draw.line([(MARGIN, MARGIN), (MARGIN, HEIGHT - MARGIN)], fill="black", width=2)
    for i, (year, count) in enumerate(deals.items()):
        x0 = int(MARGIN + i * slot + slot * 0.2)
        x1 = int(MARGIN + (i + 1) * slot - slot * 0.2)
        y0 = int(HEIGHT - MARGIN - plot_h * count / top)
        draw.rectangle([x0, y0, x1, HEIGHT - MARGIN], fill=(40, 80, 140))
        draw.text((x0 + 10, y0 - 16), str(count), fill="black", font=font)
        draw.text((x0 + 10, HEIGHT - MARGIN + 8), year, fill="black", font=font)
    draw.text(
        (MARGIN, 20),
        "AI content-licensing agreements announced, by year (ILLUSTRATIVE)",
        fill="black",
        font=font,
    )
    return image


def main() -> None:
    draw_chart(DEALS).save(OUT, format="PNG", optimize=False, dpi=(150, 150))


if __name__ == "__main__":
    main()
