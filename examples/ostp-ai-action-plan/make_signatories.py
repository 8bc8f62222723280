#!/usr/bin/env python3
"""Generate the example's fictional signatory list, deterministically.

Every name, affiliation and address here is invented. Names are put together from pools of
common given names and surnames, so a generated name may coincide with a real person's, but
none refers to one, and the pools avoid the surnames of well-known performers. E-mail
addresses use the reserved example.com and example.org domains (RFC 2606).

The list is meant to exercise what real sign-on lists contain: diacritics, surname particles,
generational suffixes, mononyms, Greek, Cyrillic, Chinese, Japanese and Korean names,
hyphenated and very long names, and a few values that look like markup. The same seed and
count always give the same bytes: only ``random.Random(seed)`` is used, never the clock or
hash order.

    python examples/ostp-ai-action-plan/make_signatories.py [--count N] [--seed S] [-o FILE]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_COUNT = 420
DEFAULT_SEED = 20250315
COLUMNS = ("name", "title", "organization", "category", "email", "consent", "signed")

# Signatures were collected in the two and a half days before the comment deadline
# (11:59 p.m. Eastern on March 15, 2025); Eastern Daylight Time began on March 9.
EASTERN = dt.timezone(dt.timedelta(hours=-4))
FIRST_SIGNATURE = dt.datetime(2025, 3, 13, 9, 0, tzinfo=EASTERN)
LAST_SIGNATURE = dt.datetime(2025, 3, 15, 21, 30, tzinfo=EASTERN)

DOMAINS = ("example.com", "example.org")


@dataclass(frozen=True)
class Person:
    """A display name and, for other scripts, the Latin form it is e-mailed under."""

    name: str
    romanized: str | None = None

    @property
    def latin(self) -> str:
        return self.romanized or self.name


@dataclass(frozen=True)
class Signatory:
    person: Person
    category: str
    title: str
    organization: str | None = None  # None: drawn from the category's pool


# fmt: off
# --- names -----------------------------------------------------------------------------------

ANGLO_GIVEN_MEN = (  # the generational suffixes (Jr., III) are drawn only with these
    "Adrian", "Bennett", "Callum", "Colin", "Desmond", "Dorian", "Elliot", "Gideon", "Jasper",
    "Malcolm", "Marcus", "Nathaniel", "Oscar", "Quentin", "Silas", "Theodore", "Wendell",
    "Zachary",
)
ANGLO_GIVEN = (
    *ANGLO_GIVEN_MEN,
    "Abigail", "Alana", "Beatrice", "Camille", "Clara", "Delia", "Eleanor", "Fiona", "Harriet",
    "Hollis", "Imogen", "Juniper", "Keaton", "Lydia", "Maren", "Noelle", "Phoebe", "Rosalind",
    "Rowan", "Tabitha", "Tessa", "Vivian", "Wren", "Yvonne",
)
ANGLO_SURNAME = (
    "Abernathy", "Ashworth", "Barlow", "Blackwood", "Brightwater", "Calloway", "Carrington",
    "Dunmore", "Ellsworth", "Fairbanks", "Fenwick", "Galloway", "Hargrove", "Hatherley",
    "Kingsley", "Langford", "Lockhart", "Marchbanks", "Merriweather", "Northcott", "Pemberton",
    "Quarles", "Radcliffe", "Rutherford", "Sayers", "Thackeray", "Underhill", "Vickery",
    "Wakefield", "Whitcombe", "Winslow", "Yardley", "Talbot", "Sutcliffe", "Holloway", "Tolliver",
)
HISPANIC_GIVEN = (
    "Alejandro", "Beatriz", "Catalina", "Esteban", "Inés", "Joaquín", "Lucía", "Matías",
    "Noemí", "Ramón", "Rocío", "Sebastián", "Ximena", "Yolanda",
)
HISPANIC_SURNAME = (
    "Ávila", "Benítez", "Castañeda", "Echeverría", "Fuentes", "Galván", "Ibáñez", "Montoya",
    "Núñez", "Olmedo", "Quiñones", "Saldaña", "Villaseñor", "Zárate",
)
HISPANIC_PARTICLE = ("del Río", "de la Cruz", "de la Vega", "del Valle", "de los Santos")
EUROPEAN = (  # (given names, surnames) that belong together
    (("François", "Hélène", "Élodie", "Jérôme", "Anaïs", "Benoît"),
     ("Lefèvre", "Girardot", "Béranger", "Marchetti", "Rousseau-Vidal", "de Villeneuve")),
    (("Jürgen", "Katrin", "Anja", "Matthias", "Sönke", "Lotte"),
     ("Müller", "Schäfer", "Brückner", "Krämer", "von Hoffmann", "Weißenborn")),
    (("Ingrid", "Bjørn", "Åsa", "Sigrún", "Torvald", "Liv"),
     ("Ødegaard", "Sørensen", "Lindqvist", "Håkansson", "Bjørnstad", "Halvorsen")),
    (("Anneke", "Joost", "Maartje", "Sander", "Femke", "Wouter"),
     ("van der Berg", "de Vries", "van Dijk", "Verhoeven", "ter Horst", "van den Broek")),
    (("João", "Conceição", "Thiago", "Beatriz", "Gonçalo", "Leonor"),
     ("da Silva", "dos Santos", "Magalhães", "Araújo", "da Costa", "Gonçalves")),
    (("Giulia", "Lorenzo", "Chiara", "Matteo", "Ilaria", "Niccolò"),
     ("di Marco", "Ferraro", "D'Amato", "Lombardi", "De Santis", "Bellandi")),
    (("Siobhán", "Ciarán", "Niamh", "Eoin", "Aoife", "Pádraig"),
     ("O'Callaghan", "O'Sullivan", "McGrath", "Ó Súilleabháin", "Donnelly", "Mulcahy")),
    (("Ayşe", "Emre", "Gökhan", "Elif", "Özge", "Barış"),
     ("Şahin", "Yıldız", "Çelik", "Aydın", "Öztürk", "Kılıç")),
    (("Chiamaka", "Adebayo", "Oluwaseun", "Ngozi", "Emeka", "Folake"),
     ("Anyanwu", "Adeyemi", "Nwosu", "Balogun", "Eze", "Okonkwo-Reyes")),
    (("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram"),
     ("Raghunathan", "Venkataraman", "Chatterjee", "Iyer", "Deshpande", "Mehta-Collins")),
    (("Layla", "Karim", "Nadia", "Omar", "Rania", "Yusuf"),
     ("Haddad", "El-Amin", "Khoury", "Nasser", "Mansour", "Al-Rashid")),
)
# Gendered surnames: (given, romanized, female?) and (male, female, male romanized,
# female romanized).
GenderedPools = tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[str, str, str, str], ...]]
RomanizedPools = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
POLISH: GenderedPools = (
    (("Łukasz", "Lukasz", False), ("Małgorzata", "Malgorzata", True),
     ("Zbigniew", "Zbigniew", False), ("Agnieszka", "Agnieszka", True),
     ("Wojciech", "Wojciech", False), ("Żaneta", "Zaneta", True)),
    (("Wiśniewski", "Wiśniewska", "Wisniewski", "Wisniewska"),
     ("Kowalczyk", "Kowalczyk", "Kowalczyk", "Kowalczyk"),
     ("Zieliński", "Zielińska", "Zielinski", "Zielinska"),
     ("Grabowski", "Grabowska", "Grabowski", "Grabowska")),
)
GREEK: GenderedPools = (
    (("Αλέξης", "Alexis", False), ("Ελένη", "Eleni", True), ("Νίκος", "Nikos", False),
     ("Κατερίνα", "Katerina", True), ("Στέφανος", "Stefanos", False), ("Δήμητρα", "Dimitra", True)),
    (("Καραγιάννης", "Καραγιάννη", "Karagiannis", "Karagianni"),
     ("Μαυρίδης", "Μαυρίδου", "Mavridis", "Mavridou"),
     ("Αλεξίου", "Αλεξίου", "Alexiou", "Alexiou"),
     ("Σταματόπουλος", "Σταματοπούλου", "Stamatopoulos", "Stamatopoulou")),
)
RUSSIAN: GenderedPools = (
    (("Дмитрий", "Dmitry", False), ("Милена", "Milena", True), ("Арсений", "Arseny", False),
     ("Вера", "Vera", True), ("Глеб", "Gleb", False), ("Ульяна", "Ulyana", True)),
    (("Воронцов", "Воронцова", "Vorontsov", "Vorontsova"),
     ("Белозёров", "Белозёрова", "Belozyorov", "Belozyorova"),
     ("Ткаченко", "Ткаченко", "Tkachenko", "Tkachenko"),
     ("Лаврентьев", "Лаврентьева", "Lavrentyev", "Lavrentyeva")),
)
CHINESE: RomanizedPools = (  # written surname first, without a space
    (("王", "Wang"), ("陈", "Chen"), ("林", "Lin"), ("赵", "Zhao"), ("许", "Xu")),
    (("雨桐", "Yutong"), ("子轩", "Zixuan"), ("思远", "Siyuan"), ("嘉怡", "Jiayi"),
     ("浩然", "Haoran")),
)
JAPANESE: RomanizedPools = (  # surname first, separated by a space as Japanese lists often are
    (("中村", "Nakamura"), ("高橋", "Takahashi"), ("小林", "Kobayashi"), ("森田", "Morita")),
    (("千尋", "Chihiro"), ("健太", "Kenta"), ("美咲", "Misaki"), ("蒼", "Aoi"), ("颯太", "Sota")),
)
KOREAN: RomanizedPools = (
    (("최", "Choi"), ("박", "Park"), ("정", "Jung"), ("윤", "Yoon")),
    (("하은", "Haeun"), ("서윤", "Seoyun"), ("시온", "Sion"), ("수아", "Sua"), ("예준", "Yejun")),
)
VIETNAMESE = (  # surname, middle name, given name; the middle name goes with the given name
    ("Nguyễn", "Trần", "Lê", "Phạm", "Vũ"),
    (("Thị", ("Minh Anh", "Thu Hà", "Hải Yến", "Phương Linh")),
     ("Văn", ("Bảo Long", "Đức Huy", "Quang Vinh")),
     ("Ngọc", ("Bích Trâm", "Khánh Vy"))),
)
MONONYMS = ("Solvane", "Miravel", "Kaelo", "Zarené", "Orsolya", "Tamberlin", "Vessaly", "Quillon")
SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")
NICKNAMES = (("Margaret", "Peggy"), ("Robert", "Bobby"), ("William", "Liam"), ("Katherine", "Kit"))

# --- roles and affiliations ------------------------------------------------------------------

CATEGORIES: dict[str, tuple[int, tuple[str, ...]]] = {  # category: (share, titles)
    "Actors": (38, ("Actor", "Actor", "Actor", "Actor, Producer", "Voice Actor",
                    "Stage and Screen Actor")),
    "Directors": (14, ("Director", "Director", "Director, Writer", "Documentary Filmmaker",
                       "Director, Producer")),
    "Writers": (16, ("Screenwriter", "Screenwriter", "Novelist", "Showrunner", "Playwright",
                     "Television Writer")),
    "Musicians": (13, ("Composer", "Songwriter", "Singer-Songwriter", "Musician",
                       "Film Composer", "Music Producer")),
    "Producers": (10, ("Producer", "Producer", "Executive Producer",
                       "Showrunner, Executive Producer")),
    "Crafts": (9, ("Cinematographer", "Film Editor", "Production Designer", "Costume Designer",
                   "Sound Mixer", "Visual Effects Supervisor", "Makeup Artist",
                   "Stunt Coordinator", "Animator")),
}
SCREEN_ORGS = (
    "Wrenfield Pictures", "Kettlewick Films", "Marrowbone Media", "Lodestar Hollow Productions",
    "Thistledown Studios", "Ambergate Entertainment", "Quillfeather Pictures", "Saltgrass Studios",
    "Larkspur & Vine Productions, Inc.", "Ateliers Lumière-Sauvage", "Studio Kōhaku",
    "Meridian Arc Talent", "Northlight Artists Management", "Copperleaf Talent Partners",
    "Halvard & Quist Artists", "Screen Craftworkers Union, Local 812",
    "Allied Scenic Artists, Local 4470", "Guild of Dramatic Writers West",
)
MUSIC_ORGS = (
    "Cobaltline Records", "Fernhook Music Publishing", "Brassmoor Sound",
    "Independent Musicians' Association, Local 309", "Nightjar Songs", "Velvet Tern Recordings",
)
INDEPENDENT_SHARE = 0.22
LONG_ORG = (
    "Cooperative of Independent Documentary Filmmakers of the Lower Rio Grande Valley "
    "and the Western Gulf Coast"
)

# Rows every full-size list contains, so the variety never depends on luck.
SPECIALS = (
    Signatory(Person("Zoë Ávila"), "Actors", "Actor"),
    Signatory(Person("Ingrid Ødegaard"), "Crafts", "Cinematographer"),
    Signatory(Person("Łukasz Wiśniewski"), "Musicians", "Composer"),
    Signatory(Person("Nguyễn Thị Minh Anh", "MinhAnh Nguyen"), "Writers", "Screenwriter"),
    Signatory(Person("François Lefèvre-Duval"), "Directors", "Director"),
    Signatory(Person("Katrin Müller"), "Crafts", "Film Editor"),
    Signatory(Person("Elif Şahin"), "Musicians", "Songwriter"),
    Signatory(Person("Penélope del Río"), "Actors", "Actor"),
    Signatory(Person("Anneke van der Berg"), "Producers", "Producer"),
    Signatory(Person("Ludwig von Hoffmann"), "Musicians", "Film Composer"),
    Signatory(Person("Marie de la Cruz"), "Directors", "Director, Writer"),
    Signatory(Person("Siobhán O'Callaghan"), "Writers", "Showrunner"),
    Signatory(Person("Ana da Silva"), "Crafts", "Production Designer"),
    Signatory(Person("Robert Hale Jr."), "Actors", "Actor"),
    Signatory(Person("James Whitaker III"), "Producers", "Executive Producer"),
    Signatory(Person("Solvane"), "Musicians", "Singer-Songwriter", "Independent"),
    Signatory(Person("Miravel"), "Musicians", "Musician"),
    Signatory(Person("Αλέξης Καραγιάννης", "Alexis Karagiannis"), "Actors", "Actor"),
    Signatory(Person("Милена Воронцова", "Milena Vorontsova"), "Crafts", "Cinematographer"),
    Signatory(Person("王小明", "Xiaoming Wang"), "Directors", "Director"),
    Signatory(Person("中村 千尋", "Chihiro Nakamura"), "Musicians", "Composer"),
    Signatory(Person("최하은", "Haeun Choi"), "Actors", "Actor"),
    Signatory(Person("Chiamaka Okafor-Lindqvist"), "Directors", "Director"),
    Signatory(Person("María Fernanda de los Ángeles Villanueva-Castellanos"),
              "Directors", "Documentary Filmmaker", LONG_ORG),
    Signatory(Person("Tom *Star* Baxter", "Tom Baxter"), "Actors", "Actor"),
    Signatory(Person("Dana Whitcombe"), "Producers", "Producer", "Hart & Hart <LLC>"),
    Signatory(Person('Margaret "Peggy" Lindahl', "Peggy Lindahl"), "Writers", "Novelist"),
    Signatory(Person("Riley Fenn [they/them]", "Riley Fenn"), "Crafts", "Animator"),
    Signatory(Person("Gianna D'Amato"), "Actors", "Actor, Producer"),
    Signatory(Person("Gökhan Yıldız"), "Crafts", "Sound Mixer"),
)


def _pick_gendered(rng: random.Random, pools: GenderedPools) -> Person:
    given, given_latin, female = rng.choice(pools[0])
    male, female_form, male_latin, female_latin = rng.choice(pools[1])
    if female:
        return Person(f"{given} {female_form}", f"{given_latin} {female_latin}")
    return Person(f"{given} {male}", f"{given_latin} {male_latin}")


def _pick_romanized(rng: random.Random, pools: RomanizedPools, sep: str) -> Person:
    (surname, surname_latin), (given, given_latin) = rng.choice(pools[0]), rng.choice(pools[1])
    return Person(f"{surname}{sep}{given}", f"{given_latin} {surname_latin}")


def _anglo(rng: random.Random) -> Person:
    given, (surname, other) = rng.choice(ANGLO_GIVEN), rng.sample(ANGLO_SURNAME, 2)
    roll = rng.random()
    if roll < 0.06:
        surname = f"{surname}-{other}"
    elif roll < 0.10:
        given = rng.choice(ANGLO_GIVEN_MEN)
        surname = f"{surname} {rng.choice(SUFFIXES)}"
    elif roll < 0.20:
        given = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    elif roll < 0.22:
        formal, nickname = rng.choice(NICKNAMES)
        return Person(f'{formal} "{nickname}" {surname}', f"{nickname} {surname}")
    return Person(f"{given} {surname}")


def _hispanic(rng: random.Random) -> Person:
    given, (surname, other) = rng.choice(HISPANIC_GIVEN), rng.sample(HISPANIC_SURNAME, 2)
    roll = rng.random()
    if roll < 0.25:
        surname = rng.choice(HISPANIC_PARTICLE)
    elif roll < 0.55:
        surname = f"{surname} {other}"
    return Person(f"{given} {surname}")


def _european(rng: random.Random) -> Person:
    given_names, surnames = rng.choice(EUROPEAN)
    return Person(f"{rng.choice(given_names)} {rng.choice(surnames)}")


def _vietnamese(rng: random.Random) -> Person:
    surnames, middles = VIETNAMESE
    surname, (middle, givens) = rng.choice(surnames), rng.choice(middles)
    given = rng.choice(givens)
    return Person(f"{surname} {middle} {given}", f"{given.replace(' ', '')} {surname}")


def _mononym(rng: random.Random) -> Person:
    return Person(rng.choice(MONONYMS))


NAME_STYLES: tuple[tuple[Callable[[random.Random], Person], int], ...] = (
    (_anglo, 46),
    (_hispanic, 12),
    (_european, 26),
    (lambda rng: _pick_gendered(rng, POLISH), 3),
    (lambda rng: _pick_gendered(rng, GREEK), 2),
    (lambda rng: _pick_gendered(rng, RUSSIAN), 2),
    (lambda rng: _pick_romanized(rng, CHINESE, ""), 2),
    (lambda rng: _pick_romanized(rng, JAPANESE, " "), 2),
    (lambda rng: _pick_romanized(rng, KOREAN, ""), 2),
    (_vietnamese, 2),
    (_mononym, 1),
)

# fmt: on
# --- assembly --------------------------------------------------------------------------------

_ASCII_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)


def email_local_part(romanized: str) -> str:
    """given.surname in lower-case ASCII letters, digits and hyphens, without initials."""
    kept = [w for w in romanized.split() if not (len(w) == 2 and w.endswith("."))]
    folded = unicodedata.normalize("NFKD", " ".join(kept).translate(_ASCII_FOLD)).lower()
    words = [
        "".join(c for c in w if c.isascii() and (c.isalnum() or c == "-")) for w in folded.split()
    ]
    words = [w for w in words if w]
    return words[0] if len(words) == 1 else f"{words[0]}.{''.join(words[1:])}"


def random_person(rng: random.Random) -> Person:
    style = rng.choices([s for s, _ in NAME_STYLES], weights=[w for _, w in NAME_STYLES])[0]
    return style(rng)


def random_signatory(rng: random.Random) -> Signatory:
    names = list(CATEGORIES)
    category = rng.choices(names, weights=[CATEGORIES[n][0] for n in names])[0]
    return Signatory(random_person(rng), category, rng.choice(CATEGORIES[category][1]))


def affiliation(rng: random.Random, signer: Signatory) -> str:
    if signer.organization is not None:
        return signer.organization
    if rng.random() < INDEPENDENT_SHARE:
        return "Independent"
    return rng.choice(MUSIC_ORGS if signer.category == "Musicians" else SCREEN_ORGS)


def signing_times(rng: random.Random, count: int) -> list[str]:
    """Distinct, ascending timestamps between the first and last signature."""
    span = int((LAST_SIGNATURE - FIRST_SIGNATURE).total_seconds())
    offsets = sorted(rng.sample(range(span), count))
    return [(FIRST_SIGNATURE + dt.timedelta(seconds=s)).isoformat() for s in offsets]


# The name pools hold some 88,000 distinct names; past that (large benchmark lists), people
# are told apart by a middle initial rather than the generator searching forever.
_ATTEMPTS_BEFORE_INITIALS = 200


def with_initial(signer: Signatory, rng: random.Random) -> Signatory:
    """The same signer with a middle initial after the first word of the name."""
    first, _, rest = signer.person.name.partition(" ")
    if not rest:
        return signer
    initial = f"{rng.choice('ABCDEFGHJKLMNPRSTVW')}."
    latin_first, _, latin_rest = signer.person.latin.partition(" ")
    romanized = f"{latin_first} {initial} {latin_rest}" if signer.person.romanized else None
    person = Person(f"{first} {initial} {rest}", romanized)
    return Signatory(person, signer.category, signer.title, signer.organization)


def build_rows(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    specials = list(SPECIALS) if count >= 2 * len(SPECIALS) else rng.sample(SPECIALS, count // 2)
    slots = dict(zip(sorted(rng.sample(range(count), len(specials))), specials, strict=True))
    taken = {s.person.name for s in specials}
    signers: list[Signatory] = []
    for index in range(count):
        signer = slots.get(index)
        attempts = 0
        while signer is None:
            candidate = random_signatory(rng)
            attempts += 1
            if attempts > _ATTEMPTS_BEFORE_INITIALS:
                candidate = with_initial(candidate, rng)
            if candidate.person.name not in taken:
                taken.add(candidate.person.name)
                signer = candidate
        signers.append(signer)

    emails: set[str] = set()
    rows: list[list[str]] = []
    for signer, signed in zip(signers, signing_times(rng, count), strict=True):
        local = base = email_local_part(signer.person.latin)
        number = 1
        while any(f"{local}@{d}" in emails for d in DOMAINS):
            number += 1
            local = f"{base}{number}"
        email = f"{local}@{rng.choice(DOMAINS)}"
        emails.add(email)
        rows.append(
            [
                signer.person.name,
                signer.title,
                affiliation(rng, signer),
                signer.category,
                email,
                "yes",
                signed,
            ]
        )
    return rows


def write_csv(rows: list[list[str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help=f"rows to write (default {DEFAULT_COUNT})"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).with_name("signatories.csv"),
        help="CSV to write (default: signatories.csv next to this script)",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    write_csv(build_rows(args.count, args.seed), args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
