#!/usr/bin/env python3
"""Write the example's member list: 200 FICTIONAL member companies' representatives.

Names are put together from small pools of common given names and surnames; none refers to a
real person. Only ``random.Random(seed)`` is used, so the same seed gives the same bytes.

    python examples/copyright-office-ai-noi/make_signatories.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

COUNT = 200
SEED = 20231030
OUT = Path(__file__).with_name("signatories.csv")
GIVEN = [
    "Avery",
    "Blair",
    "Carmen",
    "Dmitri",
    "Elena",
    "Farah",
    "Grant",
    "Hana",
    "Isaac",
    "Jonah",
    "Keiko",
    "Luis",
    "Maya",
    "Nadia",
    "Owen",
    "Priya",
    "Quinn",
    "Rosa",
    "Samir",
    "Tessa",
    "Uma",
    "Victor",
    "Wren",
    "Yusuf",
    "Zoë",
]
FAMILY = [
    "Abernathy",
    "Bellweather",
    "Castellano",
    "Drummond",
    "Eckhart",
    "Fairbanks",
    "Galloway",
    "Holloway",
    "Ivers",
    "Jessup",
    "Kittredge",
    "Lindqvist",
    "Marchetti",
    "Northcott",
    "Okafor",
    "Pemberton",
    "Quintero",
    "Rasmussen",
    "Sorensen",
    "Thackeray",
    "Underhill",
    "Vasquez",
    "Whitlock",
    "Yarborough",
    "Zielinski",
]
GROUPS = {
    "Book Publishers": ("Publisher", ["Press", "Books", "House"]),
    "Music Publishers and Labels": ("Chief Executive", ["Music", "Records", "Songs"]),
    "News and Magazine Publishers": ("Editor-in-Chief", ["Gazette", "Review", "Media"]),
    "Photo and Image Libraries": ("Director of Licensing", ["Images", "Pictures", "Archive"]),
    "Software and Data Companies": ("General Counsel", ["Data", "Systems", "Labs"]),
}
PLACES = ["Cedar", "Harbor", "Juniper", "Lantern", "Meridian", "Oak", "Prairie", "Summit"]


def rows(count: int, seed: int) -> list[list[str]]:
    """One row per member representative: name, title, organization, category, consent."""
    rng = random.Random(seed)
    names = rng.sample([f"{g} {f}" for g in GIVEN for f in FAMILY], count)  # no name twice
    out = []
    for i, name in enumerate(names):
        group = list(GROUPS)[i % len(GROUPS)]
        title, kinds = GROUPS[group]
        org = f"{rng.choice(PLACES)} {rng.choice(kinds)}"
        out.append([name, title, org, group, "yes"])
    return out


def main() -> None:
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "title", "organization", "category", "consent"])
        writer.writerows(rows(COUNT, SEED))


if __name__ == "__main__":
    main()
