"""A case's volume against its year (PD524), and a Supreme Court reporter with a lower court
(PD525): the impossible case citations a reader spots at a glance.

reporters-db gives each reporter edition's first and last years (``reporters.py``, PD506), not
the years of each volume. Volumes are published in order, so two volumes whose years are known
bound the years of every volume between them: 510 U.S. (1994) and 545 U.S. (2005) mean that
530 U.S. cannot hold a case decided in 1980. The known volumes here are landmark decisions,
each a citation anyone can look up (the comment names the case); an edition's first and last
volumes come from the reporter's own history. A case decided late in a year may be printed
with the next year's, and a volume may close with a case held over from the last, so a year
one off the bounds passes (``SLACK``). The check is a warning: the bounds are as good as the
anchors.
"""

from __future__ import annotations

import bisect
import re

from policydraft.citations.bibliography import LocatedSource
from policydraft.citations.reporters import covers, reporter_index, resolve
from policydraft.citations.source import Case
from policydraft.diagnostics import Diagnostics

SLACK = 1  # years a case may stand outside the bounds of its neighbouring known volumes

# (volume, year of decision) pairs, in volume order, per reporter edition. Each case pair was
# checked against public text: the citation "VOLUME REPORTER PAGE (YEAR)" as the comment gives
# it was found, with that year, in independent public documents and repositories (court
# opinions, law-library guides, case-law datasets) indexed by public code search. Pairs that
# could not be found that way were removed rather than kept from memory. A series' first and
# last volumes are reporters-db's edition years (F.3d's close in 2021 is the publisher's).
KNOWN_VOLUMES: dict[str, tuple[tuple[int, int], ...]] = {
    "U.S.": (
        (5, 1803),  # Marbury v. Madison, 5 U.S. (1 Cranch) 137
        (17, 1819),  # McCulloch v. Maryland, 17 U.S. (4 Wheat.) 316
        (22, 1824),  # Gibbons v. Ogden, 22 U.S. (9 Wheat.) 1
        (60, 1857),  # Dred Scott v. Sandford, 60 U.S. (19 How.) 393
        (83, 1873),  # Slaughter-House Cases, 83 U.S. (16 Wall.) 36
        (109, 1883),  # Civil Rights Cases, 109 U.S. 3
        (118, 1886),  # Yick Wo v. Hopkins, 118 U.S. 356
        (163, 1896),  # Plessy v. Ferguson, 163 U.S. 537
        (198, 1905),  # Lochner v. New York, 198 U.S. 45
        (208, 1908),  # Muller v. Oregon, 208 U.S. 412
        (249, 1919),  # Schenck v. United States, 249 U.S. 47
        (295, 1935),  # A.L.A. Schechter Poultry Corp. v. United States, 295 U.S. 495
        (304, 1938),  # Erie R.R. Co. v. Tompkins, 304 U.S. 64
        (317, 1942),  # Wickard v. Filburn, 317 U.S. 111
        (323, 1944),  # Korematsu v. United States, 323 U.S. 214
        (347, 1954),  # Brown v. Board of Education, 347 U.S. 483
        (369, 1962),  # Baker v. Carr, 369 U.S. 186
        (376, 1964),  # New York Times Co. v. Sullivan, 376 U.S. 254
        (384, 1966),  # Miranda v. Arizona, 384 U.S. 436
        (395, 1969),  # Brandenburg v. Ohio, 395 U.S. 444
        (410, 1973),  # Roe v. Wade, 410 U.S. 113
        (418, 1974),  # United States v. Nixon, 418 U.S. 683
        (438, 1978),  # Regents of the Univ. of Cal. v. Bakke, 438 U.S. 265
        (464, 1984),  # Sony Corp. of Am. v. Universal City Studios, Inc., 464 U.S. 417
        (471, 1985),  # Harper & Row, Publishers, Inc. v. Nation Enters., 471 U.S. 539
        (491, 1989),  # Texas v. Johnson, 491 U.S. 397
        (499, 1991),  # Feist Publ'ns, Inc. v. Rural Tel. Serv. Co., 499 U.S. 340
        (505, 1992),  # Planned Parenthood of Se. Pa. v. Casey, 505 U.S. 833
        (510, 1994),  # Campbell v. Acuff-Rose Music, Inc., 510 U.S. 569
        (531, 2000),  # Bush v. Gore, 531 U.S. 98
        (539, 2003),  # Lawrence v. Texas, 539 U.S. 558
        (545, 2005),  # MGM Studios Inc. v. Grokster, Ltd., 545 U.S. 913
        (554, 2008),  # District of Columbia v. Heller, 554 U.S. 570
        (558, 2010),  # Citizens United v. FEC, 558 U.S. 310
        (567, 2012),  # Nat'l Fed'n of Indep. Bus. v. Sebelius, 567 U.S. 519
        (573, 2014),  # Burwell v. Hobby Lobby Stores, Inc., 573 U.S. 682
        (576, 2015),  # Obergefell v. Hodges, 576 U.S. 644
        (590, 2020),  # Bostock v. Clayton County, 590 U.S. 644
        (593, 2021),  # Google LLC v. Oracle Am., Inc., 593 U.S. 1
        (597, 2022),  # Dobbs v. Jackson Women's Health Org., 597 U.S. 215
        (598, 2023),  # Andy Warhol Found. for the Visual Arts, Inc. v. Goldsmith, 598 U.S. 508
        (603, 2024),  # Loper Bright Enters. v. Raimondo, 603 U.S. 369
    ),
    "F.2d": (
        (1, 1924),  # the series' first volume
        (45, 1930),  # Nichols v. Universal Pictures Corp., 45 F.2d 119 (2d Cir.)
        (148, 1945),  # United States v. Aluminum Co. of Am., 148 F.2d 416 (2d Cir.)
        (159, 1947),  # United States v. Carroll Towing Co., 159 F.2d 169 (2d Cir.)
        (287, 1961),  # Polaroid Corp. v. Polarad Elecs. Corp., 287 F.2d 492 (2d Cir.)
        (537, 1976),  # Abercrombie & Fitch Co. v. Hunting World, Inc., 537 F.2d 4 (2d Cir.)
        (714, 1983),  # Apple Comput., Inc. v. Franklin Comput. Corp., 714 F.2d 1240 (3d Cir.)
        (797, 1986),  # Whelan Assocs. v. Jaslow Dental Lab'y, Inc., 797 F.2d 1222 (3d Cir.)
        (875, 1989),  # Rogers v. Grimaldi, 875 F.2d 994 (2d Cir.)
        (982, 1992),  # Comput. Assocs. Int'l, Inc. v. Altai, Inc., 982 F.2d 693 (2d Cir.)
        (999, 1993),  # the series' last volume
    ),
    "F.3d": (
        (1, 1993),  # the series' first volume
        (49, 1995),  # Lotus Dev. Corp. v. Borland Int'l, Inc., 49 F.3d 807 (1st Cir.)
        (86, 1996),  # ProCD, Inc. v. Zeidenberg, 86 F.3d 1447 (7th Cir.)
        (129, 1997),  # Zeran v. Am. Online, Inc., 129 F.3d 327 (4th Cir.)
        (239, 2001),  # A&M Records, Inc. v. Napster, Inc., 239 F.3d 1004 (9th Cir.)
        (336, 2003),  # Kelly v. Arriba Soft Corp., 336 F.3d 811 (9th Cir.)
        (508, 2007),  # Perfect 10, Inc. v. Amazon.com, Inc., 508 F.3d 1146 (9th Cir.)
        (536, 2008),  # Cartoon Network LP v. CSC Holdings, Inc., 536 F.3d 121 (2d Cir.)
        (676, 2012),  # Viacom Int'l, Inc. v. YouTube, Inc., 676 F.3d 19 (2d Cir.)
        (755, 2014),  # Authors Guild, Inc. v. HathiTrust, 755 F.3d 87 (2d Cir.)
        (804, 2015),  # Authors Guild v. Google, Inc., 804 F.3d 202 (2d Cir.)
        (886, 2018),  # Oracle Am., Inc. v. Google LLC, 886 F.3d 1179 (Fed. Cir.)
        (938, 2019),  # hiQ Labs, Inc. v. LinkedIn Corp., 938 F.3d 985 (9th Cir.)
        (999, 2021),  # the series' last volume
    ),
    "F.4th": (
        (1, 2021),  # the series' first volume
        (115, 2024),  # Hachette Book Grp., Inc. v. Internet Archive, 115 F.4th 163 (2d Cir.)
    ),
    "F. Supp.": (
        (1, 1932),  # the series' first volume
        (907, 1995),  # Religious Tech. Ctr. v. Netcom On-Line, 907 F. Supp. 1361 (N.D. Cal.)
        (999, 1998),  # the series' last volume
    ),
    "F. Supp. 2d": (
        (1, 1998),  # the series' first volume
        (111, 2000),  # Universal City Studios, Inc. v. Reimerdes, 111 F. Supp. 2d 294
        (999, 2014),  # the series' last volume
    ),
    "F. Supp. 3d": (
        (1, 2014),  # the series' first volume
        (664, 2023),  # In re Google Play Store Antitrust Litig., 664 F. Supp. 3d 981 (N.D. Cal.)
        (687, 2023),  # Thaler v. Perlmutter, 687 F. Supp. 3d 140 (D.D.C.)
    ),
}


def possible_years(reporter: str, volume: int) -> tuple[int | None, int | None]:
    """The first and last years a case in ``volume`` of ``reporter`` can have been decided,
    slack included; None where no known volume bounds it (or the reporter is not tabled)."""
    known = KNOWN_VOLUMES.get(reporter)
    if not known:
        return None, None
    split = bisect.bisect_left(known, volume, key=lambda pair: pair[0])
    exact = split < len(known) and known[split][0] == volume
    before = known[split] if exact else (known[split - 1] if split else None)
    after = known[split] if split < len(known) else None
    first = before[1] - SLACK if before else None
    last = after[1] + SLACK if after else None
    return first, last


def check_volume_year(located: LocatedSource, diags: Diagnostics) -> None:
    """PD524: a case whose year its volume cannot hold ("510 U.S. 569 (2010)")."""
    case = located.source
    if not isinstance(case, Case):
        return
    resolution = resolve(case.reporter)
    if resolution.kind == "unknown" or len(resolution.candidates) != 1:
        return  # PD505 already speaks of the reporter
    reporter = resolution.candidates[0]
    if not covers(reporter_index().editions[reporter], case.year):
        return  # PD506: the reporter was not published that year at all
    first, last = possible_years(reporter, case.volume)
    if (first is None or case.year >= first) and (last is None or case.year <= last):
        return
    if first is not None and last is not None:
        low, high = first + SLACK, last - SLACK
        span = str(low) if low == high else f"{low}–{high}"
    elif first is not None:
        span = f"{first + SLACK} or later"
    else:
        span = f"{(last or 0) - SLACK} or earlier"
    message = (
        f"volume {case.volume} of {reporter} holds cases decided about {span}, but source "
        f"'{case.id}' is dated {case.year}; check the volume and the year"
    )
    diags.warning("PD524", message, located.at("year"))


# The reporters that print only the Supreme Court's decisions.
SUPREME_COURT_REPORTERS = frozenset({"U.S.", "S. Ct.", "L. Ed.", "L. Ed. 2d"})
_SUPREME_COURT = re.compile(
    r"^\s*(?:U\.\s*S\.(?:\s*Sup(?:reme|\.)?\s*Ct\.?)?|Sup(?:reme|\.)?\s*Ct\.?|SCOTUS)\s*$", re.I
)


def check_supreme_court(located: LocatedSource, diags: Diagnostics) -> None:
    """PD525: U.S., S. Ct. and L. Ed. print the Supreme Court's decisions only, and the
    Bluebook leaves the court out of their parenthetical; a ``court: 2d Cir.`` is a mistake
    in the reporter or in the court."""
    case = located.source
    if not isinstance(case, Case) or not case.court or _SUPREME_COURT.match(case.court):
        return
    resolution = resolve(case.reporter)
    if not set(resolution.candidates) & SUPREME_COURT_REPORTERS:
        return
    reporter = next(name for name in resolution.candidates if name in SUPREME_COURT_REPORTERS)
    message = (
        f"source '{case.id}' is cited to {reporter}, which reports only the Supreme Court, "
        f"but names the court '{case.court}'; cite the lower court's reporter (F.3d, "
        "F. Supp. 3d) or remove court: for a Supreme Court case"
    )
    diags.error("PD525", message, located.at("court"))
