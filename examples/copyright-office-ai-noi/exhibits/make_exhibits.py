#!/usr/bin/env python3
"""Make the comment's two exhibits: a short PDF survey summary and a PNG diagram.

Both are ILLUSTRATIVE: the survey never took place and its figures are invented for the
example. reportlab's invariant mode and Pillow's default font keep the bytes the same on
every run.

    python examples/copyright-office-ai-noi/exhibits/make_exhibits.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent
SURVEY_ROWS = [
    ("Members who license works for AI training", "41%"),
    ("Members asked for a license in the past year", "63%"),
    ("Members who found their works in a training set", "57%"),
    ("Members who keep records of licensed uses", "88%"),
]


def make_survey_pdf(path: Path) -> None:
    """A two-page summary of an (illustrative) member survey."""
    pdf = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    pdf.setTitle("Member Survey on AI Licensing (illustrative)")
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 700, "Member Survey on AI Licensing, 2023")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 676, "ILLUSTRATIVE: prepared for a fictional association's example comment.")
    y = 640
    for label, share in SURVEY_ROWS:
        pdf.drawString(72, y, label)
        pdf.drawRightString(540, y, share)
        y -= 22
    pdf.showPage()
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, "Method: an online questionnaire sent to all members (illustrative).")
    pdf.drawString(72, 680, "Responses: 212 of 480 members (illustrative).")
    pdf.showPage()
    pdf.save()


def make_workflow_png(path: Path) -> None:
    """Boxes and arrows: how a licensed training set is documented, step by step."""
    steps = ["Rights holder", "License terms", "Dataset record", "Model card", "Public summary"]
    image = Image.new("RGB", (1000, 240), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    for i, step in enumerate(steps):
        x = 20 + i * 195
        draw.rectangle([x, 80, x + 160, 160], outline="black", width=2)
        draw.text((x + 12, 112), step, fill="black", font=font)
        if i < len(steps) - 1:
            draw.line([(x + 160, 120), (x + 195, 120)], fill="black", width=2)
    draw.text(
        (20, 20), "Recordkeeping for licensed training data (illustrative)", fill="black", font=font
    )
    image.save(path, format="PNG", optimize=False, dpi=(150, 150))


def main() -> None:
    make_survey_pdf(HERE / "member-survey.pdf")
    make_workflow_png(HERE / "recordkeeping-workflow.png")


if __name__ == "__main__":
    main()
