"""Build a folder of hostile and broken input files, the way they arrive from
mail attachments, scrapers and archives."""

from __future__ import annotations

import shutil
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

GOOD_TEXT = [
    "Information note",
    "The Government of Peru hosted the meeting in Lima on 9 November 2010.",
    "Participants recommended that Member States should strengthen export controls.",
]


def good_pdf(path: Path, lines=GOOD_TEXT, encrypt: str | None = None) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    y = 780
    for line in lines:
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        y -= 18
    c.showPage()
    c.save()
    return path


def long_pdf(path: Path, pages: int) -> Path:
    """A note of many full pages of running text."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(pages):
        c.setFont("Helvetica", 11)
        for i in range(40):
            c.drawString(72, 780 - i * 18, f"Participants from Peru and Chile met in Lima on {i % 28 + 1} March 2024"
                                           f" and discussed item {page * 40 + i}.")
        c.showPage()
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scan': pages with drawing but no text layer."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(2):
        for i in range(40):
            c.rect(72, 780 - i * 18, 400, 10, fill=1)
        c.showPage()
    c.save()
    return path


def build_hostile_folder(folder: Path) -> dict[str, str]:
    """Writes the files; returns {document name: what the user should see}."""
    folder.mkdir(parents=True, exist_ok=True)
    expect = {}
    (folder / "empty.pdf").write_bytes(b"")
    expect["empty.pdf"] = "empty file"
    (folder / "saved-page.pdf").write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    expect["saved-page.pdf"] = "not a PDF"
    good = good_pdf(folder / "good.pdf")
    expect["good.pdf"] = "duplicate"  # of "=HYPERLINK(1).pdf", first in sort order
    data = good.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    expect["truncated.pdf"] = "truncated or corrupt"
    good_pdf(folder / "locked.pdf", encrypt="s3cret")
    expect["locked.pdf"] = "encrypted"
    image_only_pdf(folder / "scan.pdf")
    expect["scan.pdf"] = "no text layer"
    shutil.copyfile(good, folder / "copy of good.pdf")
    expect["copy of good.pdf"] = "duplicate"
    shutil.copyfile(good, folder / "=HYPERLINK(1).pdf")
    expect["=HYPERLINK(1).pdf"] = "ok"
    text = "Information note\n\nThe délégation of Côte d'Ivoire met in Genève on 3 March 2024.\n"
    (folder / "latin1.txt").write_bytes(text.encode("cp1252"))
    expect["latin1.txt"] = "ok"
    (folder / "utf16.txt").write_bytes(text.encode("utf-16"))
    expect["utf16.txt"] = "ok"
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("3 March", "4 March").encode("utf-8"))
    expect["bom.txt"] = "ok"
    french = ("Note d'information\n\nLes participants ont recommandé que les États Membres renforcent "
              "les contrôles des exportations et que le Comité poursuive ses travaux dans la région.\n")
    (folder / "francais.txt").write_text(french, encoding="utf-8")
    expect["francais.txt"] = "ok"
    return expect
