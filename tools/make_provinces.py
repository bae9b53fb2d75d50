"""Build `src/detente/data/provinces.tsv`, the gazetteer of first-level divisions, from countryinfo.

    .venv/bin/python tools/make_provinces.py [--output PATH]

countryinfo 1.0.1 (MIT) lists the states, provinces and regions of each country. Its lists are
uneven: some are out of date (France's 22 old regions, Kenya's 8 provinces), some hold
second-level units or towns (Spain's provinces, the Philippines' cities), some sit under the
wrong country (the two Congos are swapped; South Sudan holds Spain's autonomous communities)
and many are spelled in old transliterations ("Kyonggi-do", "Donets'ka"). This script takes
countryinfo's list where it is usable, corrects it with the hand-written tables below (HAND
replaces a country's list outright; RENAMED, ADDED and ACCENTED amend one), and keeps only the
spellings that can tell a country in news text (see `Filters`). detente never imports
countryinfo: it reads the TSV this script writes.
"""

from __future__ import annotations

import argparse
import csv
import re
import textwrap
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from countryinfo import CountryInfo

from detente.actors.ambiguity import default_ambiguities
from detente.actors.dictionary import load_dictionary

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src/detente/data"
OUTPUT = DATA / "provinces.tsv"
KINDS = ("state", "province", "region", "department", "oblast", "governorate", "county", "division")


def _listed(text: str) -> tuple[str, ...]:
    """The names of a comma-separated list."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _pairs(text: str) -> dict[str, str]:
    """The "a=b" pairs of a comma-separated list."""
    return dict(pair.split("=", 1) for pair in _listed(text))


def _entries(text: str) -> tuple[str, ...]:
    """The entries of a ";"-separated list; an entry is "Name|alias|alias"."""
    return tuple(" ".join(e.split()) for e in text.split(";") if e.strip())


# --- What to leave out ----------------------------------------------------------------------

# Compass points and generic words: a name made of these words only (and "of", "and", "the")
# names a different place in each country ("Northern Province", "Federal District").
GENERIC_WORDS = frozenset(
    _listed(
        "north, south, east, west, northern, southern, eastern, western, northeast, northwest,"
        " southeast, southwest, northeastern, northwestern, southeastern, southwestern,"
        " central, centre, center, centro, centrale, middle, upper, lower, far, inner, outer,"
        " nord, sud, est, ouest, norte, sur, este, oeste, capital, coast, coastal, islands,"
        " island, border, borders, valley, federal, district, distrito, capitol, region,"
        " province, territory, river, bank, national, metropolitan, greater, of, and, the, de,"
        " del, la, le, les, y"
    )
)
# Names news uses for something else. Compared after folding accents; a qualified form
# ("Batman province", "Delta State", "Mendoza province") is still written unless said.
EXCLUDED: dict[str, tuple[str, ...]] = {
    "ordinary words": _listed(
        "Acre, Alba, Antique, Atlantique, Bale, Batman, Bay, Bled, Bong, Canelones, Collines,"
        " Colonia, Cordillera, Cork, Cuvette, Delta, Durazno, Equateur, Estuaire, Fars, Ghat,"
        " Granma, Guarda, Gulf, Hail, Ilinden, Independencia, Izvor, Kanal, Lacs, Laguna,"
        " Lagunes, Lakes, Lempira, Lira, Litoral, Littoral, Marche, Maritime, Mascara, Mayo,"
        " Medea, Meta, Midlands, Mogila, Moka, Mono, Montagnes, Mountain, Muta, Ordu, Oriental,"
        " Orientale, Perm, Pest, Plateau, Plateaux, Pool, Portuguesa, Rivers, Ruse, Saga, Salto,"
        " Santander, Saraj, Savanes, Semic, Soum, Store, Tartar, Unity, Valle, Zaire, Zambezi,"
        " Zeta"
    ),
    "given names and surnames": _listed(
        "Abai, Ahmadi, Ariana, Artigas, Ashanti, Aurora, Barahona, Bogomila, Bolivar, Bono,"
        " Cantemir, Cesar, Clare, Colon, Constantine, Cortes, Diego Martin, Duarte, Espaillat,"
        " Falcon, Flores, Francisco Morazan, Hermanas Mirabal, Herrera, Hidalgo, Isabel,"
        " Isabela, Kara, Kerry, Kirov, Kuzma, Lara, Lavalleja, Lenart, Leon, Lola, Lori,"
        " Loreto, Lorraine, Luce, Magdalena, Maldonado, Mara, Maria Trinidad Sanchez, Mary,"
        " Mendoza, Mila, Miranda, Monsenor Nouel, Morazan, Nelson, O'Higgins, Oghuz, Orellana,"
        " Pita, Presidente Hayes, Quezon, Rivas, Rivera, Rizal, Rocha, Rodrigues, Salcedo,"
        " Salima, San Martin, Sanchez Ramirez, Santa Barbara, Santiago, Santiago Rodriguez,"
        " Savannah, Soriano, Stefan Voda, Sukhbaatar, Surin, Trujillo, Valverde, Vargas,"
        " Victoria, Vladimir, Wallis"
    ),
    "peoples, landmarks and other places": _listed(
        "Afar, Altai, Ararat, Babylon, Balkan, Berea, Bistrica, Black River, Canterbury, Embu,"
        " Formosa, Jura, Kilimanjaro, Kisii, Leningrad, Meru, Nandi, Novo Selo, Pomerania,"
        " Samburu, San Marcos, Tanganyika, Tirol, Toledo, Turkana, Tyrol"
    ),
}
# Left out altogether, qualified forms too: "Georgia" is also a country, "Washington" the
# city and the US government.
OUT: frozenset[tuple[str, str]] = frozenset({("USA", "Georgia"), ("USA", "Washington")})
# Names ending in a designation word that is part of the name ("Free State" is not "Free").
LITERAL = frozenset({"Free State", "Southern Nations, Nationalities, and Peoples' Region"})
SUFFIXES = _listed(
    "Oblast, Krai, State, Province, Region, Governorate, County, District, Division, Prefecture,"
    " Voivodeship"
)
# A name holding one of these words gets no qualified form ("state of District of Columbia").
DESIGNATIONS = frozenset(
    _listed(
        "territory, territories, district, region, province, state, county, islands, island,"
        " capital, city, federation, republic, community, area, department, oblast, krai,"
        " okrug, governorate, prefecture, voivodeship, division, municipality, autonomous,"
        " federal, metropolitan, zone, areas, administrative"
    )
)
# Parishes, islands and villages of small island states and territories, the microstates'
# parishes, and places countries.tsv already lists (Réunion, Hong Kong): their divisions are
# saints' names, villages and ordinary words, rarely news, often ambiguous. And Kosovo, which
# countryinfo does not list (its districts are towns).
SKIPPED = frozenset(
    _listed(
        "ABW, AIA, ALA, AND, ASM, ATA, ATF, ATG, BES, BHS, BLM, BMU, BRB, BVT, CCK, COK, CPV,"
        " CUW, CXR, CYM, DMA, FLK, FRO, GGY, GIB, GLP, GRD, GRL, GUF, GUM, HKG, HMD, IMN, IOT,"
        " JAM, JEY, KIR, KNA, LCA, LIE, MAC, MAF, MCO, MDV, MHL, MLT, MNP, MSR, MTQ, MYT, NFK,"
        " NIU, NRU, PCN, PLW, PRI, REU, SGP, SGS, SHN, SJM, SMR, SPM, STP, SXM, SYC, TCA, TKL,"
        " TUV, UMI, VAT, VCT, VGB, VIR, WLF, XKX"
    )
)

# --- Kinds and qualified forms -----------------------------------------------------------------

QUALIFIERS: dict[str, tuple[str, ...]] = {
    "state": ("{} state",),
    "province": ("{} province",),
    "region": ("{} region",),
    "department": ("{} department",),
    "oblast": ("{} Oblast", "{} region"),
    "governorate": ("{} Governorate", "{} province"),
    "county": ("{} County",),
    "division": (),
}


@dataclass(frozen=True)
class Group:
    """Entries of one country that share a kind and the qualified forms news writes."""

    kind: str
    entries: tuple[str, ...]
    qualifiers: tuple[str, ...] | None = None  # None: the kind's

    def forms(self) -> tuple[str, ...]:
        return QUALIFIERS[self.kind] if self.qualifiers is None else self.qualifiers


def _g(kind: str, text: str, *qualifiers: str) -> Group:
    """A group; qualifiers, if given, replace the kind's ("" alone: none)."""
    return Group(kind, _entries(text), tuple(q for q in qualifiers if q) if qualifiers else None)


# Countries whose countryinfo list is kept: their kind and, if not the kind's, the qualified
# forms ("state of Texas": "Texas state" would read "Ohio State" the university).
SOURCED: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "AFG": ("province", None),
    "AGO": ("province", None),
    "ARG": ("province", None),
    "AUS": ("state", ("state of {}",)),
    "BDI": ("province", None),
    "BEN": ("department", None),
    "BGD": ("division", ("{} Division",)),
    "BLZ": ("division", ("{} District",)),
    "BOL": ("department", None),
    "BRA": ("state", None),
    "BRN": ("division", ("{} District",)),
    "BWA": ("division", ("{} District",)),
    "COL": ("department", None),
    "CRI": ("province", None),
    "CUB": ("province", None),
    "CYP": ("division", ("{} District",)),
    "DJI": ("region", None),
    "DOM": ("province", None),
    "DZA": ("province", None),
    "ECU": ("province", None),
    "FJI": ("division", ()),
    "FSM": ("state", ()),
    "GAB": ("province", None),
    "GIN": ("province", ("{} prefecture",)),
    "GMB": ("division", ()),
    "GNB": ("region", None),
    "GNQ": ("province", None),
    "GTM": ("department", None),
    "GUY": ("region", None),
    "HND": ("department", None),
    "IRL": ("county", ("County {}",)),
    "ISR": ("division", ("{} District",)),
    "JPN": ("province", ("{} Prefecture",)),
    "LBR": ("county", None),
    "LKA": ("province", None),
    "LSO": ("division", ("{} District",)),
    "LUX": ("division", ()),
    "MDG": ("province", None),
    "MEX": ("state", None),
    "MKD": ("division", ()),
    "MLI": ("region", None),
    "MNE": ("division", ()),
    "MOZ": ("province", None),
    "MRT": ("region", None),
    "MUS": ("division", ("{} District",)),
    "MWI": ("division", ("{} District",)),
    "MYS": ("state", None),
    "NAM": ("region", None),
    "NER": ("region", None),
    "NGA": ("state", ("{} State",)),
    "NIC": ("department", None),
    "PAK": ("province", None),
    "PAN": ("province", None),
    "PER": ("region", None),
    "PHL": ("province", None),
    "PNG": ("province", None),
    "PRY": ("department", None),
    "PSE": ("governorate", ("{} Governorate",)),
    "ROU": ("county", None),
    "SEN": ("region", None),
    "SLB": ("province", None),
    "SLE": ("province", None),
    "SLV": ("department", None),
    "SRB": ("division", ("{} District",)),
    "SUR": ("division", ("{} District",)),
    "SVN": ("division", ()),
    "SWZ": ("region", None),
    "THA": ("province", None),
    "TON": ("division", ()),
    "TUN": ("governorate", None),
    "TUR": ("province", None),
    "TZA": ("region", None),
    "UGA": ("division", ("{} District",)),
    "URY": ("department", None),
    "USA": ("state", ("state of {}",)),
    "VEN": ("state", None),
    "VNM": ("province", None),
    "VUT": ("province", None),
    "WSM": ("division", ()),
    "ZAF": ("province", None),
    "ZMB": ("province", None),
}

# Groups added to a countryinfo list.
EXTRA: dict[str, tuple[Group, ...]] = {
    "PHL": (
        _g(
            "region",
            "Bicol Region|Bicol; Calabarzon; Mimaropa; Caraga; Soccsksargen; Eastern Visayas;"
            " Western Visayas; Central Visayas; Ilocos Region; Cagayan Valley; Central Luzon;"
            " Zamboanga Peninsula; Northern Mindanao; Davao Region;"
            " Cordillera Administrative Region; Metro Manila",
            "",
        ),
    ),
    "SRB": (_g("region", "Vojvodina|Autonomous Province of Vojvodina", ""),),
}
# countryinfo's spelling -> ours ("" drops it: a town, an abolished unit or another country's;
# ";" splits it). Applied after dropping a parenthesis ("Xizang (Tibet)" is "Xizang").
RENAMED: dict[str, dict[str, str]] = {
    "AFG": {
        "Bamian": "Bamyan|Bamiyan|Bamian",
        "Ghowr": "Ghor|Ghowr",
        "Jowzjan": "Jowzjan|Jawzjan",
        "Kabol": "Kabul",
        "Konar": "Kunar|Konar",
        "Kondoz": "Kunduz|Kondoz",
        "Lowgar": "Logar|Lowgar",
        "Oruzgan": "Uruzgan|Oruzgan",
        "Paktia": "Paktia|Paktiya",
        "Parvan": "Parwan|Parvan",
        "Sar-e Pol": "Sar-e Pol|Sar-e Pul|Sari Pul",
        "Vardak": "Wardak|Maidan Wardak|Vardak",
        "Zabol": "Zabul|Zabol",
    },
    "AGO": {
        "Andorra la Vella": "",  # Andorra's parishes, listed under Angola
        "Canillo": "",
        "Encamp": "",
        "Escaldes-Engordany": "",
        "La Massana": "",
        "Ordino": "",
        "Sant Julia de Loria": "",
        "Cuando Cubango": "Cuando Cubango|Kuando Kubango",
    },
    "ARG": {
        "Buenos Aires Capital Federal": "",  # the city
        "Antartica e Islas del Atlantico Sur": "",  # a claim, part of Tierra del Fuego
    },
    "BEN": {"Atakora": "Atacora|Atakora"},
    "BGD": {"Barisal": "Barisal|Barishal", "Chittagong": "Chittagong|Chattogram"},
    "BRA": {"Distrito Federal": ""},
    "BRN": {"Brunei and Muara": "Brunei-Muara|Brunei and Muara"},
    "COL": {
        "Distrito Capital de Santa Fe de Bogota": "",
        "San Andres y Providencia": "San Andrés and Providencia|San Andrés y Providencia",
    },
    "CUB": {
        "Ciudad de La Habana": "",
        "La Habana": "",  # split into Artemisa and Mayabeque in 2011
        "Isla de la Juventud": "Isla de la Juventud|Isle of Youth",
    },
    "DJI": {"'Ali Sabih": "Ali Sabieh", "Tadjoura": "Tadjourah|Tadjoura"},
    "DOM": {
        "Distrito Nacional": "",
        "Salcedo": "Hermanas Mirabal|Salcedo",
        "Baoruco": "Bahoruco|Baoruco",
        "Monte Cristi": "Monte Cristi|Montecristi",
    },
    "DZA": {
        "Alger": "Algiers|Alger",
        "Tamanghasset": "Tamanrasset|Tamanghasset",
        "Oum el Bouaghi": "Oum El Bouaghi",
    },
    "ECU": {
        "Galapagos": "Galápagos|Galápagos Islands|Galapagos Islands",
        "Morona-Santiago": "Morona Santiago|Morona-Santiago",
    },
    "GIN": {"Conakry": ""},
    "GNB": {
        "Bissau": "",
        "Bafata": "Bafatá",
        "Bolama-Bijagos": "Bolama|Bolama-Bijagós",
        "Gabu": "Gabú",
    },
    "GNQ": {"Annobon": "Annobón", "Kie-Ntem": "Kié-Ntem"},
    "GTM": {"Quiche": "Quiché|El Quiché"},
    "JPN": {"Gumma": "Gunma|Gumma"},
    "LBR": {"River Cess": "River Cess|Rivercess"},
    "LSO": {"Mohales Hoek": "Mohale's Hoek"},
    "MEX": {
        "Coahuila de Zaragoza": "Coahuila|Coahuila de Zaragoza",
        "Distrito Federal": "",  # Mexico City
        "Mexico": "State of Mexico|Estado de México|Edomex",
        "Michoacan de Ocampo": "Michoacán|Michoacán de Ocampo",
        "Queretaro de Arteaga": "Querétaro|Querétaro de Arteaga",
        "Veracruz-Llave": "Veracruz|Veracruz de Ignacio de la Llave",
    },
    "MKD": {  # the City of Skopje's municipalities
        "Cair": "",
        "Centar": "",
        "Dorce Petrov": "",
        "Gazi Baba": "",
        "Karpos": "",
        "Kisela Voda": "",
        "Suto Orizari": "",
    },
    "MLI": {"Tombouctou": "Timbuktu|Tombouctou"},
    "MNE": {"Šušan": ""},
    "MOZ": {"Zambezia": "Zambézia"},
    "MUS": {
        "Agalega Islands": "Agaléga|Agalega Islands",
        "Riviere du Rempart": "Rivière du Rempart",
    },
    "MYS": {
        "Labuan": "Federal Territory of Labuan|Labuan",
        "Melaka": "Malacca|Melaka",
        "Pulau Pinang": "Penang|Pulau Pinang",
        "Wilayah Persekutuan": "",  # the federal territories: Kuala Lumpur, Putrajaya
    },
    "NAM": {
        "Caprivi": "Zambezi|Caprivi",
        "Okavango": "",  # split into Kavango East and West in 2013
    },
    "NGA": {
        "Abuja Federal Capital Territory": "Federal Capital Territory",
        "Nassarawa": "Nasarawa|Nassarawa",
        "Niger": "Niger State",
    },
    "NIC": {
        "Atlantico Norte": "North Caribbean Coast Autonomous Region|RACCN|RAAN",
        "Atlantico Sur": "South Caribbean Coast Autonomous Region|RACCS|RAAS",
    },
    "PAK": {"Federally Administered Tribal Areas": "Federally Administered Tribal Areas|FATA"},
    "PAN": {"Panama": "", "San Blas": "Guna Yala|Kuna Yala|San Blas"},
    "PHL": {  # cities countryinfo lists among the provinces
        **dict.fromkeys(
            _listed(
                "Angeles, Bacolod, Bago, Bais, Baguio, Basilan City, Batangas City, Butuan,"
                " Cabanatuan, Cadiz, Cagayan de Oro, Calbayog, Caloocan, Canlaon, Cavite City,"
                " Cebu City, Dagupan, Danao, Dapitan, Davao City Davao, Dipolog, Dumaguete,"
                " General Santos, Gingoog, Iligan, Iloilo City, Iriga, La Carlota, Lapu-Lapu,"
                " Laoag, Legaspi, Lipa, Lucena, Mandaue, Manila, Marawi, Naga, Olongapo, Ormoc,"
                " Oroquieta, Ozamis, Pagadian, Palayan, Pasay, Puerto Princesa, Quezon City,"
                " Roxas, San Carlos, San Jose, San Pablo, Silay, Surigao, Tacloban, Tagaytay,"
                " Tagbilaran, Tangub, Toledo, Trece Martires, Zamboanga, Cotabato"
            ),
            "",
        ),
        "North Cotabato": "Cotabato|North Cotabato",
        "Kalinga-Apayao": "Kalinga;Apayao",
        "Mountain": "Mountain Province",
        "Mindoro Occidental": "Occidental Mindoro|Mindoro Occidental",
        "Mindoro Oriental": "Oriental Mindoro|Mindoro Oriental",
        "Tawitawi": "Tawi-Tawi|Tawitawi",
    },
    "PNG": {
        "Chimbu": "Chimbu|Simbu",
        "Northern": "Oro",
        "National Capital": "",
        "Sandaun": "Sandaun|West Sepik",
    },
    "PRY": {"Asuncion": ""},
    "SUR": {"Para": "Para"},  # not Brazil's Pará
    "PSE": {
        "Hebron and Jerusalem": "Hebron;Jerusalem",
        "Khan Yunis and Rafah": "Khan Yunis|Khan Younis;Rafah",
        "Jericho and the Jordan Valley": "Jericho",
        "Ramallah and al-Bireh": "Ramallah and al-Bireh|Ramallah",
    },
    "ROU": {
        "Bucuresti": "",  # Bucharest is a municipality, not a county
        "Dimbovita": "Dâmbovița|Dimbovita",
        "Vilcea": "Vâlcea|Vilcea",
    },
    "SLB": {
        "Bellona": "",
        "Rennell": "Rennell and Bellona|Rennell Bellona",
        "Makira": "Makira-Ulawa|Makira",
    },
    "SRB": {  # Kosovo's districts as Serbia counts them
        "Kosovo": "",
        "Kosovo-Pomoravlje": "",
        "Kosovska Mitrovica": "",
        "Peć": "",
        "Prizren": "",
    },
    "THA": {
        "Krung Thep Mahanakhon": "",  # Bangkok
        "Chon Buri": "Chon Buri|Chonburi",
        "Lop Buri": "Lop Buri|Lopburi",
        "Prachin Buri": "Prachin Buri|Prachinburi",
        "Sara Buri": "Saraburi|Sara Buri",
        "Sing Buri": "Sing Buri|Singburi",
        "Suphan Buri": "Suphan Buri|Suphanburi",
        "Phangnga": "Phang Nga|Phangnga",
        "Phra Nakhon Si Ayutthaya": "Phra Nakhon Si Ayutthaya|Ayutthaya",
        "Buriram": "Buriram|Buri Ram",
        "Sisaket": "Sisaket|Si Sa Ket",
        "Nakhon Ratchasima": "Nakhon Ratchasima|Korat",
    },
    "TUN": {"El Kef": "Kef|El Kef|Le Kef", "Sidi Bou Zid": "Sidi Bouzid|Sidi Bou Zid"},
    "TUR": {"Icel": "Mersin|İçel|Icel", "Afyon": "Afyonkarahisar|Afyon"},
    "TZA": {
        "Pemba North": "North Pemba|Pemba North",
        "Pemba South": "South Pemba|Pemba South",
        "Zanzibar Central/South": "Zanzibar South|Unguja South",
        "Zanzibar North": "Zanzibar North|Unguja North",
        "Zanzibar Urban/West": "Zanzibar Urban West|Mjini Magharibi",
    },
    "USA": {"New York": "New York|New York State"},
    "VEN": {
        "Distrito Federal": "",
        "Dependencias Federales": "Federal Dependencies|Dependencias Federales",
        "Vargas": "La Guaira|Vargas",
    },
    "VNM": {
        "Ha Noi": "",  # the centrally governed cities
        "Hai Phong": "",
        "Da Nang": "",
        "Can Tho": "",
        "Ho Chi Minh": "",
        "Ha Tay": "",  # merged into Hanoi in 2008
        "Dac Lak": "Dak Lak|Đắk Lắk|Daklak",
        "Thua Thien-Hue": "Thua Thien Hue|Thừa Thiên Huế|Thua Thien-Hue",
    },
    "ZAF": {"Northern Province": "Limpopo", "North-West": "North West"},
}
# Divisions countryinfo lacks (created since, or missed).
ADDED: dict[str, str] = {
    "AFG": "Daykundi|Daikundi; Khost|Khowst; Nuristan; Panjshir",
    "BDI": "Rumonge",
    "CUB": "Artemisa; Mayabeque",
    "DJI": "Arta",
    "DOM": "Santo Domingo",
    "ECU": "Santa Elena; Santo Domingo de los Tsáchilas",
    "GNQ": "Djibloho",
    "LBR": "Gbarpolu; River Gee",
    "MLI": "Ménaka; Taoudénit",
    "MNE": "Tuzi; Zeta",
    "MWI": "Neno",
    "NAM": "Kavango East; Kavango West",
    "PAK": "Gilgit-Baltistan; Azad Kashmir",
    "PAN": "Panamá Oeste|West Panama; Emberá-Wounaan; Ngäbe-Buglé",
    "PHL": (
        "Apayao; Biliran; Guimaras; Sarangani; Dinagat Islands; Zamboanga Sibugay;"
        " Davao del Norte; Davao de Oro|Compostela Valley; Davao Occidental;"
        " Maguindanao del Norte; Maguindanao del Sur"
    ),
    "PNG": "Hela; Jiwaka",
    "ROU": "Ilfov",
    "SEN": "Kaffrine; Kédougou; Matam; Sédhiou",
    "THA": "Bueng Kan",
    "TUN": "Manouba",
    "TZA": "Geita; Katavi; Njombe; Simiyu; Songwe; Manyara",
    "VNM": "Dien Bien; Dak Nong; Hau Giang",
    "ZMB": "Muchinga",
}
# countryinfo's ASCII spelling -> the accented one, which becomes the name (the ASCII stays
# an alias).
ACCENTED: dict[str, str] = _pairs(
    # Spanish and Portuguese America
    "Cordoba=Córdoba, Entre Rios=Entre Ríos, Neuquen=Neuquén, Rio Negro=Río Negro,"
    " Tucuman=Tucumán, Potosi=Potosí, Amapa=Amapá, Ceara=Ceará,"
    " Espirito Santo=Espírito Santo, Goias=Goiás, Maranhao=Maranhão, Para=Pará,"
    " Paraiba=Paraíba, Parana=Paraná, Piaui=Piauí, Rondonia=Rondônia, Sao Paulo=São Paulo,"
    " Atlantico=Atlántico, Bolivar=Bolívar, Boyaca=Boyacá, Caqueta=Caquetá, Choco=Chocó,"
    " Guainia=Guainía, Narino=Nariño, Quindio=Quindío, Vaupes=Vaupés, Limon=Limón,"
    " San Jose=San José, Camaguey=Camagüey, Ciego de Avila=Ciego de Ávila,"
    " Guantanamo=Guantánamo, Holguin=Holguín, Pinar del Rio=Pinar del Río,"
    " Sancti Spiritus=Sancti Spíritus, Dajabon=Dajabón, Elias Pina=Elías Piña,"
    " Monsenor Nouel=Monseñor Nouel, Samana=Samaná, San Cristobal=San Cristóbal,"
    " San Pedro de Macoris=San Pedro de Macorís, Sanchez Ramirez=Sánchez Ramírez,"
    " Maria Trinidad Sanchez=María Trinidad Sánchez,"
    " Santiago Rodriguez=Santiago Rodríguez, Canar=Cañar, Manabi=Manabí,"
    " Los Rios=Los Ríos, Sucumbios=Sucumbíos, Peten=Petén, Sacatepequez=Sacatepéquez,"
    " Solola=Sololá, Suchitepequez=Suchitepéquez, Totonicapan=Totonicapán,"
    " Atlantida=Atlántida, Colon=Colón, Copan=Copán, Cortes=Cortés,"
    " El Paraiso=El Paraíso, Francisco Morazan=Francisco Morazán, Intibuca=Intibucá,"
    " Islas de la Bahia=Islas de la Bahía, Santa Barbara=Santa Bárbara,"
    " Nuevo Leon=Nuevo León, San Luis Potosi=San Luis Potosí, Yucatan=Yucatán,"
    " Esteli=Estelí, Leon=León, Rio San Juan=Río San Juan, Chiriqui=Chiriquí,"
    " Cocle=Coclé, Darien=Darién, Ancash=Áncash, Apurimac=Apurímac, Huanuco=Huánuco,"
    " Junin=Junín, San Martin=San Martín, Alto Parana=Alto Paraná, Boqueron=Boquerón,"
    " Caaguazu=Caaguazú, Caazapa=Caazapá, Canindeyu=Canindeyú, Concepcion=Concepción,"
    " Guaira=Guairá, Itapua=Itapúa, Neembucu=Ñeembucú, Paraguari=Paraguarí,"
    " Ahuachapan=Ahuachapán, Cabanas=Cabañas, Cuscatlan=Cuscatlán, La Union=La Unión,"
    " Morazan=Morazán, Usulutan=Usulután, Paysandu=Paysandú, Tacuarembo=Tacuarembó,"
    " Anzoategui=Anzoátegui, Falcon=Falcón, Guarico=Guárico, Merida=Mérida,"
    " Tachira=Táchira,"
    # Turkey
    " Adiyaman=Adıyaman, Agri=Ağrı, Aydin=Aydın, Balikesir=Balıkesir, Bartin=Bartın,"
    " Bingol=Bingöl, Canakkale=Çanakkale, Cankiri=Çankırı, Corum=Çorum,"
    " Diyarbakir=Diyarbakır, Duzce=Düzce, Elazig=Elazığ, Eskisehir=Eskişehir,"
    " Gumushane=Gümüşhane, Igdir=Iğdır, Istanbul=İstanbul, Izmir=İzmir,"
    " Kahramanmaras=Kahramanmaraş, Karabuk=Karabük, Kirikkale=Kırıkkale,"
    " Kirklareli=Kırklareli, Kirsehir=Kırşehir, Kutahya=Kütahya, Mugla=Muğla, Mus=Muş,"
    " Nevsehir=Nevşehir, Nigde=Niğde, Sanliurfa=Şanlıurfa, Sirnak=Şırnak,"
    " Tekirdag=Tekirdağ, Usak=Uşak,"
    # Romania
    " Arges=Argeș, Bacau=Bacău, Bistrita-Nasaud=Bistrița-Năsăud, Botosani=Botoșani,"
    " Braila=Brăila, Brasov=Brașov, Buzau=Buzău, Calarasi=Călărași,"
    " Caras-Severin=Caraș-Severin, Constanta=Constanța, Galati=Galați, Ialomita=Ialomița,"
    " Iasi=Iași, Maramures=Maramureș, Mehedinti=Mehedinți, Mures=Mureș, Neamt=Neamț,"
    " Salaj=Sălaj, Timis=Timiș,"
    # French- and Portuguese-speaking Africa
    " Ain Defla=Aïn Defla, Ain Temouchent=Aïn Témouchent, Bechar=Béchar, Bejaia=Béjaïa,"
    " Boumerdes=Boumerdès, Ghardaia=Ghardaïa, Medea=Médéa, Saida=Saïda, Setif=Sétif,"
    " Sidi Bel Abbes=Sidi Bel Abbès, Tebessa=Tébessa, Naama=Naâma, Boke=Boké,"
    " Dubreka=Dubréka, Forecariah=Forécariah, Gueckedou=Guéckédou, Kerouane=Kérouané,"
    " Labe=Labé, Lelouma=Lélouma, Nzerekore=Nzérékoré, Telimele=Télimélé, Tougue=Tougué,"
    " Haut-Ogooue=Haut-Ogooué, Moyen-Ogooue=Moyen-Ogooué, Ngounie=Ngounié,"
    " Ogooue-Ivindo=Ogooué-Ivindo, Ogooue-Lolo=Ogooué-Lolo,"
    " Ogooue-Maritime=Ogooué-Maritime, Oueme=Ouémé, Thies=Thiès, Tillaberi=Tillabéri,"
    " Segou=Ségou, Beja=Béja, Gabes=Gabès, Medenine=Médenine, Kebili=Kébili, Bie=Bié,"
    " Huila=Huíla, Uige=Uíge"
)


# Countries whose countryinfo list is replaced: out of date, second-level, in an old
# transliteration or under another country.
HAND: dict[str, tuple[Group, ...]] = {
    "ALB": (
        _g(
            "county",
            "Berat; Dibër|Dibra; Durrës|Durres; Elbasan; Fier; Gjirokastër; Korçë|Korca;"
            " Kukës; Lezhë; Shkodër|Shkodra; Tirana; Vlorë|Vlora",
        ),
    ),
    "ARE": (
        _g(
            "division",
            "Abu Dhabi; Ajman; Dubai; Fujairah; Ras al-Khaimah|Ras Al Khaimah; Sharjah;"
            " Umm al-Quwain|Umm Al Quwain",
            "emirate of {}",
        ),
    ),
    "ARM": (
        _g(
            "province",
            "Aragatsotn; Ararat; Armavir; Gegharkunik; Kotayk; Lori; Shirak; Syunik; Tavush;"
            " Vayots Dzor",
        ),
    ),
    "AUT": (
        _g(
            "state",
            "Burgenland; Carinthia|Kärnten; Lower Austria|Niederösterreich;"
            " Upper Austria|Oberösterreich; Salzburg; Styria|Steiermark; Tyrol|Tirol;"
            " Vorarlberg; Vienna",
            "state of {}",
        ),
    ),
    "AZE": (
        _g(
            "division",
            "Absheron; Aghjabadi; Aghdam|Agdam; Aghdash; Aghstafa; Aghsu; Astara; Balakan;"
            " Barda; Beylagan; Bilasuvar; Jabrayil|Jabrail; Jalilabad; Dashkasan; Fuzuli;"
            " Gadabay; Goranboy; Goychay; Goygol; Hajigabul; Imishli; Ismayilli;"
            " Kalbajar|Kelbajar; Kurdamir; Lachin; Lankaran|Lenkoran; Lerik; Masalli;"
            " Nakhchivan; Neftchala; Oghuz; Gabala|Qabala; Qakh; Qazakh; Gobustan; Quba;"
            " Qubadli|Gubadli; Qusar; Saatly; Sabirabad; Shaki|Sheki; Salyan; Shamakhi;"
            " Shamkir; Samukh; Shabran; Siyazan; Shusha|Shushi; Tartar|Terter; Tovuz; Ujar;"
            " Khachmaz; Khizi; Khojaly; Khojavend; Yardymli; Yevlakh; Zangilan; Zaqatala;"
            " Zardab",
            "{} District",
        ),
    ),
    "BEL": (
        _g(
            "province",
            "Antwerp; East Flanders|Oost-Vlaanderen; West Flanders|West-Vlaanderen;"
            " Flemish Brabant|Vlaams-Brabant; Walloon Brabant|Brabant wallon; Hainaut;"
            " Liège; Limburg; Luxembourg; Namur",
        ),
        _g("region", "Brussels-Capital Region|Brussels Capital Region", ""),
    ),
    "BFA": (
        _g(
            "province",
            "Balé; Bam; Banwa; Bazèga; Bougouriba; Boulgou; Boulkiemdé; Comoé; Ganzourgou;"
            " Gnagna; Gourma; Houet; Ioba; Kadiogo; Kénédougou; Komondjari; Kompienga; Kossi;"
            " Koulpélogo; Kouritenga; Kourwéogo; Léraba; Loroum; Mouhoun; Nahouri; Namentenga;"
            " Nayala; Noumbiel; Oubritenga; Oudalan; Passoré; Poni; Sanguié; Sanmatenga;"
            " Séno; Sissili; Soum; Sourou; Tapoa; Tuy; Yagha; Yatenga; Ziro; Zondoma;"
            " Zoundwéogo",
        ),
        _g("region", "Boucle du Mouhoun; Hauts-Bassins; Centre-Nord; Sahel"),
    ),
    "BGR": (
        _g(
            "province",
            "Blagoevgrad; Burgas; Dobrich; Gabrovo; Haskovo|Khaskovo; Kardzhali|Kurdzhali;"
            " Kyustendil; Lovech; Montana; Pazardzhik; Pernik; Pleven; Plovdiv; Razgrad;"
            " Ruse|Rousse; Shumen; Silistra; Sliven; Smolyan; Sofia; Stara Zagora;"
            " Targovishte|Turgovishte; Varna; Veliko Tarnovo|Veliko Turnovo; Vidin; Vratsa;"
            " Yambol",
        ),
    ),
    "BHR": (
        _g(
            "governorate",
            "Capital Governorate; Muharraq; Northern Governorate; Southern Governorate",
        ),
    ),
    "BIH": (
        _g(
            "division",
            "Federation of Bosnia and Herzegovina|Federation of BiH; Republika Srpska;"
            " Brčko District|Brčko",
        ),
    ),
    "BLR": (
        _g(
            "oblast",
            "Brest; Gomel|Homel; Grodno|Hrodna; Mogilev|Mahilyow; Vitebsk|Viciebsk; Minsk",
            "{} Oblast",
            "{} region",
        ),
    ),
    "BTN": (
        _g(
            "division",
            "Bumthang; Chukha|Chhukha; Dagana; Gasa; Haa; Lhuentse|Lhuntse; Mongar; Paro;"
            " Pemagatshel; Punakha; Samdrup Jongkhar; Samtse; Sarpang; Thimphu; Trashigang;"
            " Trashiyangtse; Trongsa; Tsirang; Wangdue Phodrang; Zhemgang",
            "{} District",
        ),
    ),
    "CAF": (
        _g(
            "province",
            "Bamingui-Bangoran; Basse-Kotto; Haut-Mbomou; Haute-Kotto; Kémo; Lobaye;"
            " Mambéré-Kadéï; Mbomou; Nana-Grébizi; Nana-Mambéré; Ombella-M'Poko; Ouaka;"
            " Ouham; Ouham-Pendé; Sangha-Mbaéré; Vakaga",
            "{} prefecture",
        ),
    ),
    "CAN": (
        _g(
            "province",
            "Alberta; British Columbia; Manitoba; New Brunswick;"
            " Newfoundland and Labrador|Newfoundland; Nova Scotia; Ontario;"
            " Prince Edward Island; Quebec|Québec; Saskatchewan",
            "province of {}",
        ),
        _g("province", "Northwest Territories; Nunavut; Yukon|Yukon Territory", ""),
    ),
    "CHE": (
        _g(
            "division",
            "Aargau; Appenzell Ausserrhoden; Appenzell Innerrhoden;"
            " Basel-Landschaft|Basel-Country; Basel-Stadt|Basel-City; Bern|Berne;"
            " Fribourg|Freiburg; Geneva; Glarus; Graubünden|Grisons; Jura;"
            " Lucerne|Luzern; Neuchâtel; Nidwalden; Obwalden; St. Gallen|Sankt Gallen|St Gallen;"
            " Schaffhausen; Schwyz; Solothurn; Thurgau; Ticino; Uri; Valais|Wallis; Vaud; Zug;"
            " Zurich|Zürich",
            "canton of {}",
        ),
    ),
    "CHL": (
        _g(
            "region",
            "Arica y Parinacota|Arica and Parinacota; Tarapacá; Antofagasta; Atacama;"
            " Coquimbo; Valparaíso; Santiago Metropolitan Region|Región Metropolitana;"
            " O'Higgins|Libertador General Bernardo O'Higgins; Maule; Ñuble;"
            " Biobío|Bío Bío|Bio-Bio; Araucanía|La Araucanía; Los Ríos; Los Lagos;"
            " Aysén|Aisén; Magallanes|Magallanes y de la Antártica Chilena",
        ),
    ),
    "CHN": (
        _g(
            "province",
            "Anhui; Fujian; Gansu; Guangdong|Kwangtung; Guizhou; Hainan; Hebei; Heilongjiang;"
            " Henan; Hubei; Hunan; Jiangsu; Jiangxi; Jilin; Liaoning; Qinghai; Shaanxi;"
            " Shandong; Shanxi; Sichuan|Szechuan|Szechwan; Yunnan; Zhejiang",
        ),
        _g(
            "region",
            "Guangxi|Guangxi Zhuang Autonomous Region; Inner Mongolia|Nei Mongol;"
            " Ningxia|Ningxia Hui Autonomous Region; Xinjiang; Tibet|Xizang",
        ),
        _g("division", "Beijing; Chongqing; Shanghai; Tianjin"),
    ),
    "CIV": (
        _g(
            "division",
            "Abidjan; Bas-Sassandra; Comoé; Denguélé; Gôh-Djiboua; Lacs; Lagunes; Montagnes;"
            " Sassandra-Marahoué; Savanes; Vallée du Bandama; Woroba; Yamoussoukro; Zanzan",
            "{} District",
        ),
    ),
    "CMR": (
        _g(
            "region",
            "Adamaoua; Centre; Est; Extrême-Nord|Far North Region; Littoral; Nord;"
            " Nord-Ouest; Ouest; Sud; Sud-Ouest",
        ),
    ),
    "COD": (  # countryinfo lists these under the Republic of the Congo
        _g(
            "province",
            "Kinshasa; Kongo Central|Bas-Congo; Kwango; Kwilu; Mai-Ndombe|Maï-Ndombe;"
            " Kasai|Kasaï; Kasai-Central|Kasaï-Central; Kasai-Oriental|Kasaï-Oriental;"
            " Lomami; Sankuru; Maniema; South Kivu|Sud-Kivu; North Kivu|Nord-Kivu; Ituri;"
            " Haut-Uélé; Tshopo; Bas-Uélé; Nord-Ubangi|North Ubangi; Mongala;"
            " Sud-Ubangi|South Ubangi; Équateur|Equateur; Tshuapa; Tanganyika; Haut-Lomami;"
            " Lualaba; Haut-Katanga; Katanga; Orientale; Bandundu",
        ),
    ),
    "COG": (  # ...and these under the Democratic Republic
        _g(
            "department",
            "Bouenza; Brazzaville; Cuvette; Cuvette-Ouest; Kouilou; Lékoumou; Likouala; Niari;"
            " Plateaux; Pool; Sangha; Pointe-Noire",
        ),
    ),
    "COM": (_g("division", "Anjouan|Ndzuwani|Nzwani; Grande Comore|Ngazidja; Mohéli|Mwali"),),
    "CZE": (
        _g(
            "region",
            "Central Bohemia|Central Bohemian Region;"
            " South Bohemia|South Bohemian Region; Plzeň|Pilsen; Karlovy Vary;"
            " Ústí nad Labem; Liberec; Hradec Králové; Pardubice; Vysočina;"
            " South Moravia|South Moravian Region; Olomouc; Zlín;"
            " Moravia-Silesia|Moravian-Silesian Region",
        ),
    ),
    "DEU": (
        _g(
            "state",
            "Baden-Württemberg; Bavaria|Bayern; Berlin; Brandenburg; Bremen; Hamburg;"
            " Hesse|Hessen; Lower Saxony|Niedersachsen;"
            " Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern|Mecklenburg-West Pomerania;"
            " North Rhine-Westphalia|Nordrhein-Westfalen|North Rhine Westphalia;"
            " Rhineland-Palatinate|Rheinland-Pfalz; Saarland; Saxony|Sachsen;"
            " Saxony-Anhalt|Sachsen-Anhalt; Schleswig-Holstein; Thuringia|Thüringen",
            "state of {}",
        ),
    ),
    "DNK": (
        _g(
            "region",
            "Capital Region of Denmark|Hovedstaden; Region Zealand|Sjælland;"
            " Southern Denmark|Region of Southern Denmark|Syddanmark;"
            " Central Denmark Region|Central Jutland|Midtjylland;"
            " North Denmark Region|North Jutland|Nordjylland",
            "",
        ),
    ),
    "EGY": (
        _g(
            "governorate",
            "Alexandria; Aswan; Asyut|Assiut; Beheira; Beni Suef; Cairo; Dakahlia; Damietta;"
            " Faiyum|Fayoum; Gharbia; Giza; Ismailia; Kafr el-Sheikh; Luxor; Matrouh;"
            " Minya; Monufia|Menoufia; New Valley; North Sinai; Port Said; Qalyubia; Qena;"
            " Red Sea; Sharqia; Sohag; South Sinai; Suez",
        ),
    ),
    "ERI": (_g("region", "Anseba; Maekel; Debub; Gash-Barka; Northern Red Sea; Southern Red Sea"),),
    "ESH": (  # Morocco's regions in Western Sahara
        _g("region", "Laâyoune-Sakia El Hamra; Dakhla-Oued Ed-Dahab", ""),
    ),
    "ESP": (
        _g(
            "region",
            "Andalusia; Aragon|Aragón; Asturias; Balearic Islands; Basque Country;"
            " Canary Islands; Cantabria; Castile and León|Castilla y León;"
            " Castilla-La Mancha|Castile-La Mancha; Catalonia; Extremadura; Galicia;"
            " La Rioja; Madrid|Community of Madrid; Murcia|Region of Murcia;"
            " Navarre|Navarra; Valencian Community|Comunitat Valenciana",
        ),
        _g("division", "Ceuta; Melilla", ""),
    ),
    "EST": (
        _g(
            "county",
            "Harju|Harjumaa; Hiiu|Hiiumaa; Ida-Viru|Ida-Virumaa; Järva|Järvamaa;"
            " Jõgeva|Jõgevamaa; Lääne|Läänemaa; Lääne-Viru|Lääne-Virumaa; Pärnu|Pärnumaa;"
            " Põlva|Põlvamaa; Rapla|Raplamaa; Saare|Saaremaa; Tartu|Tartumaa;"
            " Valga|Valgamaa; Viljandi|Viljandimaa; Võru|Võrumaa",
        ),
    ),
    "ETH": (
        _g(
            "region",
            "Afar; Amhara; Benishangul-Gumuz; Gambela|Gambella;"
            " Harari; Oromia; Sidama; Somali; South Ethiopia; Central Ethiopia;"
            " South West Ethiopia; Southern Nations, Nationalities, and Peoples' Region|SNNPR;"
            " Tigray",
        ),
    ),
    "FIN": (
        _g(
            "region",
            "Lapland|Lappi; North Ostrobothnia; Kainuu; North Karelia; North Savo; South Savo;"
            " South Ostrobothnia; Central Ostrobothnia; Ostrobothnia; Pirkanmaa;"
            " Central Finland; Satakunta; Southwest Finland|Finland Proper;"
            " Päijät-Häme|Päijänne Tavastia; Kanta-Häme|Tavastia Proper; Uusimaa;"
            " Kymenlaakso; South Karelia",
        ),
    ),
    "FRA": (
        _g(
            "region",
            "Auvergne-Rhône-Alpes; Bourgogne-Franche-Comté|Burgundy-Franche-Comté;"
            " Brittany|Bretagne; Centre-Val de Loire; Corsica|Corse; Grand Est;"
            " Hauts-de-France; Île-de-France; Normandy|Normandie; Nouvelle-Aquitaine;"
            " Occitanie|Occitania; Pays de la Loire;"
            " Provence-Alpes-Côte d'Azur|PACA|Provence-Alpes-Cote d'Azur",
        ),
        _g(  # the regions before 2016, still in the news
            "region",
            "Alsace; Aquitaine; Auvergne; Burgundy|Bourgogne; Champagne-Ardenne;"
            " Franche-Comté; Languedoc-Roussillon; Limousin; Lorraine; Midi-Pyrénées;"
            " Nord-Pas-de-Calais; Picardy|Picardie; Poitou-Charentes; Rhône-Alpes;"
            " Lower Normandy|Basse-Normandie; Upper Normandy|Haute-Normandie",
        ),
    ),
    "GBR": (_g("region", "England; Scotland; Wales; Northern Ireland", ""),),
    "GEO": (
        _g(
            "region",
            "Abkhazia; Adjara|Ajara|Adjaria; Guria; Imereti; Kakheti; Kvemo Kartli;"
            " Mtskheta-Mtianeti; Racha-Lechkhumi and Kvemo Svaneti|Racha-Lechkhumi;"
            " Samegrelo-Zemo Svaneti|Samegrelo|Mingrelia; Samtskhe-Javakheti; Shida Kartli",
        ),
    ),
    "GHA": (
        _g(
            "region",
            "Ashanti; Ahafo; Bono; Bono East; Central; Eastern; Greater Accra; Northern;"
            " North East; Oti; Savannah; Upper East; Upper West; Volta; Western; Western North",
        ),
    ),
    "GRC": (
        _g(
            "region",
            "Attica|Attiki; Central Greece; Central Macedonia; Crete;"
            " East Macedonia and Thrace|Eastern Macedonia and Thrace; Epirus; Ionian Islands;"
            " North Aegean; Peloponnese; South Aegean; Thessaly; Western Greece|West Greece;"
            " Western Macedonia|West Macedonia",
        ),
        _g("division", "Mount Athos|Agion Oros", ""),
    ),
    "HRV": (
        _g(
            "county",
            "Zagreb; Krapina-Zagorje; Sisak-Moslavina; Karlovac; Varaždin;"
            " Koprivnica-Križevci; Bjelovar-Bilogora; Primorje-Gorski Kotar; Lika-Senj;"
            " Virovitica-Podravina; Požega-Slavonia; Brod-Posavina; Zadar; Osijek-Baranja;"
            " Šibenik-Knin; Vukovar-Srijem|Vukovar-Syrmia; Split-Dalmatia; Istria;"
            " Dubrovnik-Neretva; Međimurje",
        ),
    ),
    "HTI": (
        _g(
            "department",
            "Artibonite; Centre; Grand'Anse|Grand-Anse|Grande-Anse; Nippes; Nord; Nord-Est;"
            " Nord-Ouest; Ouest; Sud; Sud-Est",
        ),
    ),
    "HUN": (
        _g(
            "county",
            "Bács-Kiskun; Baranya; Békés; Borsod-Abaúj-Zemplén; Csongrád-Csanád|Csongrád;"
            " Fejér; Győr-Moson-Sopron; Hajdú-Bihar; Heves; Jász-Nagykun-Szolnok;"
            " Komárom-Esztergom; Nógrád; Pest; Somogy; Szabolcs-Szatmár-Bereg; Tolna; Vas;"
            " Veszprém; Zala",
        ),
    ),
    "IDN": (
        _g(
            "province",
            "Aceh; Bali; Bangka Belitung|Bangka Belitung Islands|Kepulauan Bangka Belitung;"
            " Banten; Bengkulu; Central Java|Jawa Tengah;"
            " Central Kalimantan|Kalimantan Tengah; Central Papua|Papua Tengah;"
            " Central Sulawesi|Sulawesi Tengah; East Java|Jawa Timur;"
            " East Kalimantan|Kalimantan Timur; East Nusa Tenggara|Nusa Tenggara Timur;"
            " Gorontalo; Highland Papua|Papua Pegunungan; Jakarta; Jambi; Lampung;"
            " Maluku|Moluccas; North Kalimantan|Kalimantan Utara; North Maluku|Maluku Utara;"
            " North Sulawesi|Sulawesi Utara; North Sumatra|Sumatera Utara; Papua; Riau;"
            " Riau Islands|Kepulauan Riau; Southeast Sulawesi|Sulawesi Tenggara;"
            " South Kalimantan|Kalimantan Selatan; South Papua|Papua Selatan;"
            " South Sulawesi|Sulawesi Selatan; South Sumatra|Sumatera Selatan;"
            " Southwest Papua|Papua Barat Daya; West Java|Jawa Barat;"
            " West Kalimantan|Kalimantan Barat; West Nusa Tenggara|Nusa Tenggara Barat;"
            " West Papua|Papua Barat; West Sulawesi|Sulawesi Barat;"
            " West Sumatra|Sumatera Barat; Yogyakarta|Special Region of Yogyakarta",
        ),
    ),
    "IND": (
        _g(
            "state",
            "Andhra Pradesh; Arunachal Pradesh; Assam; Bihar; Chhattisgarh; Goa; Gujarat;"
            " Haryana; Himachal Pradesh; Jharkhand; Karnataka; Kerala; Madhya Pradesh;"
            " Maharashtra; Manipur; Meghalaya; Mizoram; Nagaland; Odisha|Orissa; Punjab;"
            " Rajasthan; Sikkim; Tamil Nadu; Telangana; Tripura; Uttar Pradesh;"
            " Uttarakhand|Uttaranchal; West Bengal",
        ),
        _g(
            "division",
            "Andaman and Nicobar Islands; Chandigarh;"
            " Dadra and Nagar Haveli and Daman and Diu; Delhi|National Capital Territory of Delhi;"
            " Jammu and Kashmir; Ladakh; Lakshadweep; Puducherry|Pondicherry",
        ),
    ),
    "IRN": (
        _g(
            "province",
            "Alborz; Ardabil; Bushehr; Chaharmahal and Bakhtiari; East Azerbaijan;"
            " West Azerbaijan; Fars; Gilan; Golestan; Hamadan; Hormozgan; Ilam;"
            " Isfahan|Esfahan; Kerman; Kermanshah; Khuzestan; Kohgiluyeh and Boyer-Ahmad;"
            " Kurdistan|Kordestan; Lorestan|Luristan; Markazi; Mazandaran; North Khorasan;"
            " Razavi Khorasan|Khorasan Razavi; South Khorasan; Qazvin; Qom; Semnan;"
            " Sistan and Baluchestan; Tehran; Yazd; Zanjan",
        ),
    ),
    "IRQ": (
        _g(
            "governorate",
            "Anbar; Babil|Babylon; Baghdad; Basra|Basrah; Dhi Qar; Diyala; Duhok|Dohuk|Dahuk;"
            " Erbil|Arbil|Irbil; Halabja; Karbala; Kirkuk; Maysan|Missan; Muthanna; Najaf;"
            " Nineveh; Qadisiyah|Al-Qadisiyah|Diwaniyah; Salahuddin;"
            " Sulaymaniyah|Sulaimaniyah|Suleimaniyah; Wasit",
        ),
    ),
    "ISL": (_g("region", "Westfjords; Suðurnes|Southern Peninsula"),),
    "ITA": (
        _g(
            "region",
            "Abruzzo; Aosta Valley|Valle d'Aosta; Apulia|Puglia; Basilicata; Calabria;"
            " Campania; Emilia-Romagna; Friuli-Venezia Giulia|Friuli Venezia Giulia;"
            " Lazio|Latium; Liguria; Lombardy|Lombardia; Marche; Molise; Piedmont|Piemonte;"
            " Sardinia|Sardegna; Sicily|Sicilia; Trentino-Alto Adige|Trentino-South Tyrol;"
            " Tuscany|Toscana; Umbria; Veneto",
        ),
    ),
    "JOR": (
        _g(
            "governorate",
            "Ajloun; Amman; Aqaba; Balqa; Irbid; Jerash; Karak; Ma'an; Madaba; Mafraq;"
            " Tafilah; Zarqa",
        ),
    ),
    "KAZ": (
        _g(
            "region",
            "Abai; Akmola|Aqmola; Aktobe|Aqtobe; Almaty; Atyrau; East Kazakhstan;"
            " Jetisu|Zhetysu; Karaganda|Qaraghandy; Kostanay|Qostanay; Kyzylorda|Qyzylorda;"
            " Mangystau|Mangghystau; North Kazakhstan; Pavlodar; Turkistan; Ulytau;"
            " West Kazakhstan; Zhambyl|Jambyl",
        ),
    ),
    "KEN": (
        _g(
            "county",
            "Mombasa; Kwale; Kilifi; Tana River; Lamu; Taita-Taveta; Garissa; Wajir; Mandera;"
            " Marsabit; Isiolo; Meru; Tharaka-Nithi; Embu; Kitui; Machakos; Makueni;"
            " Nyandarua; Nyeri; Kirinyaga; Murang'a; Kiambu; Turkana; West Pokot; Samburu;"
            " Trans-Nzoia; Uasin Gishu; Elgeyo-Marakwet; Nandi; Baringo; Laikipia; Nakuru;"
            " Narok; Kajiado; Kericho; Bomet; Kakamega; Vihiga; Bungoma; Busia; Siaya; Kisumu;"
            " Homa Bay; Migori; Kisii; Nyamira; Nairobi",
        ),
    ),
    "KGZ": (
        _g(
            "region",
            "Batken; Chüy|Chuy|Chui; Jalal-Abad; Naryn; Osh; Talas; Issyk-Kul|Ysyk-Köl",
        ),
    ),
    "KHM": (
        _g(
            "province",
            "Banteay Meanchey; Battambang; Kampong Cham; Kampong Chhnang; Kampong Speu;"
            " Kampong Thom; Kampot; Kandal; Kep; Koh Kong; Kratie; Mondulkiri;"
            " Oddar Meanchey; Pailin; Phnom Penh; Preah Sihanouk|Sihanoukville; Preah Vihear;"
            " Prey Veng; Pursat; Ratanakiri; Siem Reap; Stung Treng; Svay Rieng; Takeo;"
            " Tbong Khmum",
        ),
    ),
    "KOR": (
        _g(
            "province",
            "Gyeonggi|Kyonggi|Gyeonggi-do; Gangwon|Kangwon|Gangwon-do;"
            " North Chungcheong|Chungcheongbuk-do; South Chungcheong|Chungcheongnam-do;"
            " North Gyeongsang|Gyeongsangbuk-do; South Gyeongsang|Gyeongsangnam-do;"
            " North Jeolla|Jeollabuk-do|Jeonbuk; South Jeolla|Jeollanam-do|Jeonnam;"
            " Jeju|Jeju-do|Cheju",
            "{} Province",
        ),
    ),
    "KWT": (
        _g(
            "governorate",
            "Capital Governorate|Al Asimah; Ahmadi|Al Ahmadi; Farwaniya; Jahra; Hawalli;"
            " Mubarak Al-Kabeer",
        ),
    ),
    "LAO": (
        _g(
            "province",
            "Attapeu; Bokeo; Bolikhamxay|Bolikhamsai; Champasak; Houaphanh; Khammouane;"
            " Luang Namtha; Luang Prabang; Oudomxay; Phongsaly; Salavan; Savannakhet;"
            " Vientiane; Sainyabuli|Xaignabouli|Xayaboury; Xaisomboun; Sekong|Xekong;"
            " Xiangkhouang|Xieng Khouang",
        ),
    ),
    "LBN": (
        _g(
            "governorate",
            "Akkar; Baalbek-Hermel; Beirut; Bekaa; Mount Lebanon; Nabatieh|Nabatiyeh;"
            " North Lebanon; South Lebanon",
        ),
    ),
    "LBY": (
        _g(
            "division",
            "Butnan; Derna; Jabal al Akhdar|Green Mountain; Marj; Benghazi; Al Wahat; Kufra;"
            " Sirte; Jufra; Misrata; Murqub; Tripoli; Jafara; Zawiya; Nuqat al Khams;"
            " Jabal al Gharbi|Nafusa Mountains; Nalut; Sabha; Wadi al Shatii; Wadi al Hayaa;"
            " Ghat; Murzuq",
            "{} District",
        ),
    ),
    "LTU": (
        _g(
            "county",
            "Alytus; Kaunas; Klaipėda; Marijampolė; Panevėžys; Šiauliai; Tauragė; Telšiai;"
            " Utena; Vilnius",
        ),
    ),
    "LVA": (_g("region", "Courland|Kurzeme; Latgale; Vidzeme; Zemgale|Semigallia"),),
    "MAR": (
        _g(
            "region",
            "Tanger-Tetouan-Al Hoceima|Tangier-Tetouan-Al Hoceima; Oriental;"
            " Fès-Meknès|Fez-Meknes; Rabat-Salé-Kénitra; Béni Mellal-Khénifra;"
            " Casablanca-Settat; Marrakesh-Safi|Marrakech-Safi; Drâa-Tafilalet; Souss-Massa;"
            " Guelmim-Oued Noun",
        ),
    ),
    "MDA": (
        _g(
            "division",
            "Anenii Noi; Basarabeasca; Briceni; Cahul; Cantemir; Călărași; Căușeni; Cimișlia;"
            " Criuleni; Dondușeni; Drochia; Dubăsari; Edineț; Fălești; Florești; Glodeni;"
            " Hîncești; Ialoveni; Leova; Nisporeni; Ocnița; Orhei; Rezina; Rîșcani; Sîngerei;"
            " Soroca; Strășeni; Șoldănești; Ștefan Vodă; Taraclia; Telenești; Ungheni",
            "{} District",
        ),
        _g("division", "Gagauzia; Transnistria", ""),
    ),
    "MMR": (
        _g(
            "state",
            "Chin; Kachin; Kayah|Karenni; Kayin|Karen; Mon; Rakhine|Arakan; Shan",
            "{} State",
        ),
        _g(
            "region",
            "Ayeyarwady|Irrawaddy; Bago|Pegu; Magway|Magwe; Mandalay; Sagaing;"
            " Tanintharyi|Tenasserim; Yangon|Rangoon; Naypyidaw Union Territory",
            "{} Region",
        ),
    ),
    "MNG": (
        _g(
            "province",
            "Arkhangai; Bayan-Ölgii; Bayankhongor; Bulgan; Darkhan-Uul; Dornod; Dornogovi;"
            " Dundgovi; Zavkhan; Govi-Altai; Govisümber; Khentii; Khovd; Khövsgöl; Ömnögovi;"
            " Orkhon; Övörkhangai; Selenge; Sükhbaatar; Töv; Uvs",
        ),
    ),
    "NCL": (_g("province", "Loyalty Islands|Îles Loyauté; Province Nord; Province Sud", ""),),
    "NLD": (
        _g(
            "province",
            "Drenthe; Flevoland; Friesland|Fryslân; Gelderland; Groningen; Limburg;"
            " North Brabant|Noord-Brabant; North Holland|Noord-Holland; Overijssel; Utrecht;"
            " Zeeland; South Holland|Zuid-Holland",
        ),
    ),
    "NOR": (
        _g(
            "county",
            "Oslo; Rogaland; Møre og Romsdal; Nordland; Østfold; Akershus; Buskerud;"
            " Innlandet; Vestfold; Telemark; Agder; Vestland; Trøndelag; Troms; Finnmark",
        ),
    ),
    "NPL": (
        _g(
            "province",
            "Koshi; Madhesh; Bagmati; Gandaki; Lumbini; Karnali; Sudurpashchim",
        ),
    ),
    "NZL": (
        _g(
            "region",
            "Northland; Auckland; Waikato; Bay of Plenty; Gisborne; Hawke's Bay; Taranaki;"
            " Manawatū-Whanganui|Manawatu-Wanganui; Wellington; Tasman; Nelson; Marlborough;"
            " West Coast; Canterbury; Otago; Southland",
        ),
    ),
    "OMN": (
        _g(
            "governorate",
            "Dakhiliyah; North Batinah; South Batinah; Al Wusta; North Sharqiyah;"
            " South Sharqiyah; Dhahirah; Buraimi; Muscat; Musandam; Dhofar",
        ),
    ),
    "POL": (
        _g(
            "province",
            "Lower Silesia|Dolnośląskie; Kuyavia-Pomerania|Kujawsko-Pomorskie; Łódź; Lublin;"
            " Lubusz|Lubuskie; Lesser Poland|Małopolska; Masovia|Mazowieckie|Mazovia; Opole;"
            " Subcarpathia|Podkarpackie; Podlaskie|Podlasie; Pomerania|Pomorskie;"
            " Silesia|Śląskie; Świętokrzyskie; Warmia-Masuria|Warmińsko-Mazurskie;"
            " Greater Poland|Wielkopolska; West Pomerania|Zachodniopomorskie",
            "{} Voivodeship",
            "{} province",
        ),
    ),
    "PRK": (
        _g(
            "province",
            "Chagang; North Hamgyong; South Hamgyong; North Hwanghae; South Hwanghae; Kangwon;"
            " North Pyongan; South Pyongan; Ryanggang|Yanggang; Rason",
            "{} Province",
        ),
    ),
    "PRT": (
        _g(
            "division",
            "Aveiro; Beja; Braga; Bragança; Castelo Branco; Coimbra; Évora; Faro; Guarda;"
            " Leiria; Lisbon; Portalegre; Porto; Santarém; Setúbal; Viana do Castelo;"
            " Vila Real; Viseu",
            "{} District",
        ),
        _g("region", "Azores|Açores; Madeira", ""),
    ),
    "PYF": (
        _g(
            "division",
            "Marquesas Islands|Marquesas; Tuamotu|Tuamotus; Austral Islands; Society Islands",
        ),
    ),
    "QAT": (
        _g(
            "division",
            "Al Daayen; Al Khor; Al Rayyan; Al Shamal; Al Shahaniya; Al Wakrah; Umm Salal",
        ),
    ),
    "RUS": (
        _g(
            "oblast",
            "Amur; Arkhangelsk; Astrakhan; Belgorod; Bryansk; Chelyabinsk; Irkutsk; Ivanovo;"
            " Kaliningrad; Kaluga; Kemerovo|Kuzbass; Kirov; Kostroma; Kurgan; Kursk;"
            " Leningrad; Lipetsk; Magadan; Moscow; Murmansk; Nizhny Novgorod; Novgorod;"
            " Novosibirsk; Omsk; Orenburg; Oryol|Orel; Penza; Pskov; Rostov; Ryazan;"
            " Sakhalin; Samara; Saratov; Smolensk; Sverdlovsk; Tambov; Tomsk; Tula; Tver;"
            " Tyumen; Ulyanovsk; Vladimir; Volgograd; Vologda; Voronezh; Yaroslavl",
            "{} Oblast",
            "{} region",
        ),
        _g(
            "region",
            "Kamchatka; Khabarovsk; Krasnodar; Krasnoyarsk; Perm; Primorsky|Primorye;"
            " Stavropol; Zabaykalsky",
            "{} Krai",
            "{} region",
        ),
        _g(
            "region",
            "Adygea; Altai Republic; Altai Krai; Bashkortostan|Bashkiria; Buryatia; Chechnya;"
            " Chuvashia; Dagestan; Ingushetia; Kabardino-Balkaria; Kalmykia;"
            " Karachay-Cherkessia; Karelia; Khakassia; Komi Republic|Komi; Mari El; Mordovia;"
            " North Ossetia|North Ossetia-Alania; Sakha|Yakutia; Tatarstan; Tuva; Udmurtia;"
            " Chukotka; Khanty-Mansi Autonomous Okrug|Khanty-Mansi|Yugra;"
            " Nenets Autonomous Okrug; Yamalo-Nenets Autonomous Okrug|Yamalo-Nenets;"
            " Jewish Autonomous Oblast",
            "",
        ),
    ),
    "RWA": (_g("province", "Kigali; Northern; Southern; Eastern; Western"),),
    "SAU": (
        _g(
            "province",
            "Asir; Al Bahah|Baha; Northern Borders; Al Jawf|Jawf|Al-Jouf; Medina|Madinah;"
            " Qassim|Al-Qassim; Riyadh; Eastern Province; Hail|Ha'il; Jazan|Jizan; Najran;"
            " Tabuk; Mecca|Makkah",
            "{} Province",
            "{} region",
        ),
    ),
    "SDN": (
        _g(
            "state",
            "Khartoum; North Darfur; South Darfur; West Darfur; Central Darfur; East Darfur;"
            " North Kordofan; South Kordofan; West Kordofan; Blue Nile; White Nile;"
            " Gezira|Al Jazirah; Kassala; Gedaref|Al Qadarif; Sennar|Sinnar; Red Sea;"
            " River Nile; Northern",
            "{} State",
        ),
    ),
    "SOM": (
        _g(
            "region",
            "Awdal; Bakool; Banadir|Benadir|Banaadir; Bari; Bay; Galguduud; Gedo;"
            " Hiran|Hiiraan; Middle Juba|Jubbada Dhexe; Lower Juba|Jubbada Hoose; Mudug;"
            " Nugal|Nugaal; Sanaag; Middle Shabelle|Shabeellaha Dhexe; Lower Shabelle; Sool;"
            " Togdheer; Woqooyi Galbeed|Maroodi Jeex",
        ),
        _g("state", "Galmudug; Hirshabelle; South West State; Puntland; Jubaland", ""),
    ),
    "SSD": (
        _g(
            "state",
            "Central Equatoria; Eastern Equatoria; Western Equatoria; Jonglei; Unity;"
            " Upper Nile; Lakes; Warrap; Northern Bahr el Ghazal; Western Bahr el Ghazal",
            "{} State",
        ),
    ),
    "SVK": (
        _g(
            "region",
            "Bratislava; Trnava; Trenčín; Nitra; Žilina; Banská Bystrica; Prešov; Košice",
        ),
    ),
    "SWE": (
        _g(
            "county",
            "Blekinge; Dalarna; Gävleborg; Gotland; Halland; Jämtland; Jönköping; Kalmar;"
            " Kronoberg; Norrbotten; Örebro; Skåne|Scania; Stockholm; Södermanland; Uppsala;"
            " Värmland; Västerbotten; Västernorrland; Västmanland; Västra Götaland;"
            " Östergötland",
        ),
    ),
    "SYR": (
        _g(
            "governorate",
            "Aleppo; Damascus; Daraa|Deraa; Deir ez-Zor; Hama; Hasakah|Al-Hasakah; Homs; Idlib;"
            " Latakia; Quneitra; Raqqa; Rif Dimashq|Rural Damascus; Suwayda; Tartus",
        ),
    ),
    "TCD": (
        _g(
            "province",
            "Batha; Borkou; Chari-Baguirmi; Ennedi-Est|Ennedi East; Ennedi-Ouest|Ennedi West;"
            " Guéra; Hadjer-Lamis; Kanem; Lac; Logone Occidental; Logone Oriental; Mandoul;"
            " Mayo-Kebbi Est; Mayo-Kebbi Ouest; Moyen-Chari; Ouaddaï|Wadai; Salamat; Sila;"
            " Tandjilé; Tibesti; Wadi Fira; Barh El Gazel; N'Djamena",
        ),
    ),
    "TGO": (_g("region", "Kara; Plateaux; Savanes; Centrale; Maritime"),),
    "TJK": (
        _g(
            "region",
            "Khatlon; Sughd|Sogd; Gorno-Badakhshan|Gorno-Badakhshan Autonomous Region",
        ),
    ),
    "TKM": (_g("region", "Ahal; Balkan; Dashoguz; Lebap; Mary"),),
    "TLS": (
        _g(
            "division",
            "Aileu; Ainaro; Atauro; Baucau; Bobonaro; Covalima; Dili; Ermera; Lautém;"
            " Liquiçá; Manatuto; Manufahi; Viqueque; Oecusse",
            "{} Municipality",
        ),
    ),
    "TTO": (
        _g(
            "division",
            "Couva-Tabaquite-Talparo; Diego Martin; Mayaro-Rio Claro; Penal-Debe;"
            " Princes Town; Sangre Grande; San Juan-Laventille; Siparia; Tunapuna-Piarco;"
            " Arima; Chaguanas; Point Fortin; Port of Spain; San Fernando; Tobago",
        ),
    ),
    "TWN": (
        _g(
            "county",
            "Changhua; Chiayi; Hsinchu; Hualien; Kinmen; Lienchiang|Matsu; Miaoli; Nantou;"
            " Penghu|Pescadores; Pingtung; Taitung; Yilan|Ilan; Yunlin",
        ),
    ),
    "UKR": (
        _g(
            "oblast",
            "Cherkasy; Chernihiv; Chernivtsi; Dnipropetrovsk; Donetsk; Ivano-Frankivsk;"
            " Kharkiv|Kharkov; Kherson; Khmelnytskyi|Khmelnytsky; Kirovohrad; Kyiv|Kiev;"
            " Luhansk|Lugansk; Lviv; Mykolaiv; Odesa|Odessa; Poltava; Rivne; Sumy; Ternopil;"
            " Vinnytsia; Volyn|Volhynia; Zakarpattia|Transcarpathia;"
            " Zaporizhzhia|Zaporizhia; Zhytomyr; Kiev Oblast|Kiev region",
        ),
    ),
    "UZB": (
        _g(
            "region",
            "Andijan|Andijon; Bukhara; Fergana|Ferghana; Jizzakh; Khorezm|Xorazm;"
            " Namangan; Navoiy|Navoi; Kashkadarya|Qashqadaryo; Karakalpakstan; Samarkand;"
            " Syrdarya|Sirdaryo; Surkhandarya|Surxondaryo; Tashkent",
        ),
    ),
    "YEM": (
        _g(
            "governorate",
            "Abyan; Aden; Al Bayda|Bayda; Al Dhale|Dhale; Hodeidah|Al Hudaydah; Al Jawf;"
            " Al Mahrah|Mahra; Al Mahwit|Mahwit; Amran; Dhamar; Hadramawt; Hajjah; Ibb;"
            " Lahij|Lahj; Marib; Raymah; Saada; Sanaa|Sana'a; Shabwah|Shabwa; Socotra;"
            " Taiz|Ta'izz",
        ),
    ),
    "ZWE": (
        _g(
            "province",
            "Bulawayo; Harare; Manicaland; Mashonaland Central; Mashonaland East;"
            " Mashonaland West; Masvingo; Matabeleland North; Matabeleland South; Midlands",
        ),
    ),
}
# The "Kiev Oblast" entry above only adds spellings to "Kyiv": merge it (see `_merge`).
MERGED: dict[tuple[str, str], str] = {("UKR", "Kiev Oblast"): "Kyiv"}

# --- Reading ---------------------------------------------------------------------------------

_FOLD = str.maketrans(
    {"‘": "", "’": "'", "ʿ": "", "ʾ": "", "ʼ": "'", "`": ""}
    | {"ł": "l", "Ł": "L", "ı": "i", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss"}
    | {"ð": "d", "Ð": "D", "æ": "ae", "Æ": "Ae", "å": "a", "Å": "A"}
)


def fold(name: str) -> str:
    """The name in plain ASCII letters: accents dropped, quote marks straightened."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(name: str) -> str:
    """What two spellings must share to be the same name: case and accents ignored."""
    return " ".join(fold(name).casefold().split())


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of one of our TSV files (comment lines skipped, the first line the header)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def spellings(row: dict[str, str], *columns: str) -> Iterator[str]:
    for column in columns:
        yield from (s.strip() for s in row.get(column, "").split("|") if s.strip())


@dataclass
class Taken:
    """The names other data files hold, folded, with what holds them."""

    countries: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    regions: dict[str, set[str]] = field(default_factory=dict)  # folded name -> iso3s
    dictionary: set[str] = field(default_factory=set)
    codes: list[str] = field(default_factory=list)


def load_taken() -> Taken:
    taken = Taken()
    for row in read_rows(DATA / "countries.tsv"):
        taken.codes.append(row["iso3"])
        taken.countries |= {key(s) for s in spellings(row, "name", "aliases")}
        taken.capitals |= {key(s) for s in spellings(row, "capital", "capital_aliases")}
    for row in read_rows(DATA / "cities.tsv"):
        taken.cities |= {key(s) for s in spellings(row, "name", "aliases")}
    for row in read_rows(DATA / "regions.tsv"):
        for s in spellings(row, "name", "aliases"):
            taken.regions.setdefault(key(s), set()).add(row["iso3"])
    dictionary = load_dictionary()
    phrases: list[str] = []
    for c in dictionary.countries:
        phrases += [*c.adjectives, *c.nationals]
    for m in dictionary.metonyms:
        phrases += m.phrases
    for o in dictionary.igos:
        phrases += [o.name, *o.aliases]
    for p in dictionary.people:
        phrases += [p.name, *p.aliases]
    phrases += [t.term for t in dictionary.sector_terms]
    phrases += [a.phrase for a in default_ambiguities().by_phrase.values()]
    taken.dictionary = {key(p) for p in phrases}
    return taken


def countryinfo_lists() -> dict[str, list[str]]:
    """countryinfo's province names by ISO alpha-3 code (entries sharing a code merged)."""
    found: dict[str, list[str]] = defaultdict(list)
    for info in CountryInfo.all().values():
        data: dict[str, Any] = dict(info)
        iso3 = (data.get("ISO") or {}).get("alpha3")
        if iso3:
            found[iso3] += [p for p in data.get("provinces") or [] if p not in found[iso3]]
    return found


def clean(raw: str) -> str:
    """countryinfo's name without its parenthesis ("Xizang (Tibet)") and extra spaces."""
    return " ".join(re.sub(r"\s*\([^)]*\)", "", raw).replace("’", "'").split())


def sourced_groups(iso3: str, raw: list[str]) -> tuple[Group, ...]:
    kind, qualifiers = SOURCED[iso3]
    renamed = RENAMED.get(iso3, {})
    entries: list[str] = []
    for name in dict.fromkeys(clean(r) for r in raw):
        if name in renamed:
            entries += _entries(renamed[name])
        elif name in ACCENTED:
            entries.append(f"{ACCENTED[name]}|{name}")
        else:
            entries.append(name)
    entries += _entries(ADDED.get(iso3, ""))
    return (Group(kind, tuple(dict.fromkeys(entries)), qualifiers),)


# --- Building ---------------------------------------------------------------------------------


@dataclass
class Division:
    iso3: str
    kind: str
    entry: str  # as written in the tables: "Name|alias|alias"
    bare: str  # the name without a designation word ("Kano" for "Kano State")
    explicit: list[str]  # the written spellings, then their ASCII forms
    qualified: list[str]  # "Jalisco state", "Donetsk region"
    head: int = 1  # how many of `explicit` are the name's own spellings, the aliases after
    kept: list[str] = field(default_factory=list)

    def ordered(self) -> list[str]:
        """The spellings in the order they are written: the name's, its qualified forms, the
        aliases: the first kept one is the row's name."""
        return list(
            dict.fromkeys(self.explicit[: self.head] + self.qualified + self.explicit[self.head :])
        )


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-/]+", key(name)) if t]


def is_generic(name: str) -> bool:
    return all(t in GENERIC_WORDS for t in _tokens(name))


def division(iso3: str, group: Group, entry: str) -> Division:
    written = entry.split("|")
    name = written[0]
    bare = name
    if name not in LITERAL:
        for suffix in SUFFIXES:
            if name.endswith(" " + suffix):
                bare = name[: -len(suffix) - 1]
                break
    if any(t in DESIGNATIONS for t in _tokens(bare)):
        bare = name  # "North Caribbean Coast Autonomous Region" is not "...Autonomous"
    first = [name, bare, fold(name), fold(bare)]
    aliases = written[1:] + [fold(s) for s in written[1:]]
    qualified: list[str] = []
    if not any(t in DESIGNATIONS for t in _tokens(bare)):
        for form in group.forms():
            qualified += [form.format(b) for b in dict.fromkeys([bare, fold(bare)])]
    explicit = list(dict.fromkeys(first + aliases))
    head = len(dict.fromkeys(first))
    return Division(iso3, group.kind, entry, bare, explicit, qualified, head)


def _merge(divisions: list[Division]) -> list[Division]:
    """Fold the entries of MERGED into the division they only add spellings to."""
    by_bare = {(d.iso3, d.bare): d for d in divisions}
    kept: list[Division] = []
    for d in divisions:
        target = MERGED.get((d.iso3, d.entry.split("|")[0]))
        if target is None:
            kept.append(d)
            continue
        into = by_bare[(d.iso3, target)]
        into.explicit = list(dict.fromkeys(into.explicit + d.explicit))
    return kept


def all_divisions(codes: Iterable[str]) -> list[Division]:
    lists = countryinfo_lists()
    divisions: list[Division] = []
    for iso3 in codes:
        if iso3 in SKIPPED:
            continue
        if iso3 in HAND:
            groups = HAND[iso3]
        elif iso3 in SOURCED:
            groups = sourced_groups(iso3, lists.get(iso3, [])) + EXTRA.get(iso3, ())
        else:
            continue
        for group in groups:
            divisions += [division(iso3, group, e) for e in group.entries]
    return _merge(divisions)


# --- Filters ----------------------------------------------------------------------------------

REASONS = {
    "out": 'left out by rule ("Georgia", "Washington")',
    "country": "a country's name or alias (countries.tsv)",
    "regions": "a name or alias in regions.tsv",
    "generic": "compass points and generic words",
    "capital": "a capital (countries.tsv)",
    "city": "a city (cities.tsv)",
    "words": "ordinary words",
    "names": "given names and surnames",
    "places": "peoples, landmarks and other places",
    "short": "a single word shorter than 4 letters",
    "dictionary": "read otherwise by the actor dictionaries (people, organisations, demonyms...)",
    "duplicate": "given to two divisions of one country",
}
_EXCLUDED_REASON = {
    "ordinary words": "words",
    "given names and surnames": "names",
    "peoples, landmarks and other places": "places",
}


@dataclass
class Filters:
    """Decides which spellings are written, and counts what it drops."""

    taken: Taken
    dropped: Counter[str] = field(default_factory=Counter)
    shared: int = 0  # spellings kept that divisions of two or more countries share
    lost: Counter[str] = field(default_factory=Counter)  # divisions with nothing left

    def __post_init__(self) -> None:
        self.excluded = {
            key(n): _EXCLUDED_REASON[reason] for reason, names in EXCLUDED.items() for n in names
        }

    def reason(self, spelling: str) -> str | None:
        """Why one spelling cannot be written (shared and duplicate names aside)."""
        k = key(spelling)
        t = self.taken
        if k in t.countries:
            return "country"
        if k in t.regions:
            return "regions"
        if is_generic(spelling):
            return "generic"
        if k in t.capitals:
            return "capital"
        if k in t.cities:
            return "city"
        if k in self.excluded:
            return self.excluded[k]
        if " " not in k and len(re.sub(r"[^a-z]", "", k)) < 4:
            return "short"
        if k in t.dictionary:
            return "dictionary"
        return None

    def whole(self, d: Division) -> str | None:
        """Why a division goes altogether, with every spelling."""
        if (d.iso3, d.bare) in OUT:
            return "out"
        if any(d.iso3 in self.taken.regions.get(key(s), ()) for s in d.explicit + d.qualified):
            return "regions"
        if is_generic(d.bare):
            return "generic"
        return None

    def apply(self, divisions: list[Division]) -> list[Division]:
        for d in divisions:  # "Niger" is a country: no "Niger state" ("Niger State" is written)
            bare_reason = self.reason(d.bare)
            if bare_reason in ("country", "generic") and (d.iso3, d.bare) not in OUT:
                self.dropped[bare_reason] += len(
                    set(map(key, d.qualified)) - set(map(key, d.explicit))
                )
                d.qualified = []
        shared = self._shared(divisions)
        for d in divisions:
            reason = self.whole(d)
            if reason is not None:
                self.dropped[reason] += len(dict.fromkeys(map(key, d.explicit + d.qualified)))
                self.lost[reason] += 1
                continue
            for spelling in d.ordered():
                why = self.reason(spelling)
                if why is None:
                    d.kept.append(spelling)
                    self.shared += key(spelling) in shared
                else:
                    self.dropped[why] += 1
        for d in divisions:  # "Mandalay Region" and "Mandalay region": one is enough
            d.kept = list({s.casefold(): s for s in reversed(d.kept)}.values())[::-1]
        self._drop_duplicates(divisions)
        for d in divisions:
            if not d.kept and self.whole(d) is None:
                self.lost["(every spelling filtered)"] += 1
        return [d for d in divisions if d.kept]

    def _shared(self, divisions: list[Division]) -> set[str]:
        """The spellings that divisions of two or more countries use."""
        countries: dict[str, set[str]] = defaultdict(set)
        for d in divisions:
            for spelling in d.explicit + d.qualified:
                countries[key(spelling)].add(d.iso3)
        return {k for k, found in countries.items() if len(found) > 1}

    def _drop_duplicates(self, divisions: list[Division]) -> None:
        """Spellings two divisions of one country share go (of two countries, they stay)."""
        owners: dict[tuple[str, str], set[int]] = defaultdict(set)
        for i, d in enumerate(divisions):
            for spelling in d.kept:
                owners[(d.iso3, key(spelling))].add(i)
        twice = {k for k, found in owners.items() if len(found) > 1}
        for d in divisions:
            before = len(d.kept)
            d.kept = [s for s in d.kept if (d.iso3, key(s)) not in twice]
            self.dropped["duplicate"] += before - len(d.kept)


# --- Writing ----------------------------------------------------------------------------------

HEADER = """\
# provinces.tsv: the first-level administrative divisions of the world's countries (states,
# provinces, regions, departments, oblasts, governorates, counties). A division named as a
# place ("fighting in Kherson region", "floods in Rio Grande do Sul", "a raid in Kano State")
# says which country it lies in; a division is never an actor itself.
# Generated by tools/make_provinces.py: edit the script (its tables and filters), not this file.
#
# Columns
#   name     the usual English name ("Jalisco", "Rio Grande do Sul", "Yucatán"); when that
#            name is filtered (below) but a qualified form is not, the qualified form
#            ("Kano State", "Mendoza province").
#   aliases  other spellings, separated by "|": the plain-ASCII spelling of an accented name
#            ("Yucatan"), the accented spelling of an ASCII one, other transliterations
#            ("Kunduz|Kondoz") and the qualified forms news writes, in the case news writes
#            them ("Jalisco state", "Santa Fe province", "Rostov Oblast|Rostov region",
#            "Kano State", "Fukushima Prefecture", "County Kerry", "state of Texas").
#            Apostrophes are straight.
#   iso3     the country (ISO 3166-1 alpha-3, as in countries.tsv).
#   kind     what the country calls its divisions, roughly: one of
#            {kinds}.
#
# Source: countryinfo 1.0.1 (MIT, https://github.com/porimol/countryinfo), its `provinces`
# lists. The script replaces the lists of {hand} countries that are out of date, hold
# second-level units or towns, sit under another country or use old transliterations, and
# amends others (renamed, added and accented names): the detente maintainers, from public
# facts. Left out: {skipped} small island states, microstates and territories whose divisions
# are parishes, villages and islands, and Kosovo:
{skipped_codes}.
#
# Filters ({count:,} rows, {countries} countries). A spelling is left out, compared without case
# and accents, when it is (spellings dropped):
{filters}
#   A division is left out altogether, with all its spellings, when it is left out by rule,
#   when regions.tsv has it for the same country ("Donetsk Oblast", "Bavaria"), or when its
#   name is generic. A name that is a country's or generic gets no qualified form ("Mexico
#   state"); a city's, a capital's, a word's or a person's does ("Kano State", "Batman
#   province"). {shared:,} spellings are shared by divisions of two or more countries ("Limburg",
#   "Santa Cruz", "Amazonas"): each country's row has them, and the text decides which is meant
#   ("Brazil's Amazonas state"), if any.
#   Names news uses for something else:
{excluded}
"""


def render(rows: list[Division], filters: Filters) -> str:
    lines = []
    for reason, text in REASONS.items():
        lines.append(f"#     - {text}: {filters.dropped[reason]:,}")
    excluded = []
    for reason, names in EXCLUDED.items():
        line = f"{reason}: " + ", ".join(sorted(set(names))) + "."
        excluded += textwrap.wrap(
            line, width=96, initial_indent="#       ", subsequent_indent="#         "
        )
    skipped = ", ".join(sorted(SKIPPED))
    header = HEADER.format(
        kinds=", ".join(KINDS),
        hand=len(HAND),
        skipped=len(SKIPPED),
        skipped_codes="\n".join(
            textwrap.wrap(skipped, width=96, initial_indent="#   ", subsequent_indent="#   ")
        ),
        count=len(rows),
        countries=len({r.iso3 for r in rows}),
        filters="\n".join(lines),
        shared=filters.shared,
        excluded="\n".join(excluded),
    )
    body = ["name\taliases\tiso3\tkind"]
    for r in rows:
        body.append(f"{r.kept[0]}\t{'|'.join(r.kept[1:])}\t{r.iso3}\t{r.kind}")
    return header + "\n".join(body) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    taken = load_taken()
    filters = Filters(taken)
    rows = filters.apply(all_divisions(taken.codes))
    rows.sort(key=lambda r: (r.iso3, key(r.kept[0])))
    args.output.write_text(render(rows, filters), encoding="utf-8")
    print(f"{args.output}: {len(rows)} divisions in {len({r.iso3 for r in rows})} countries")
    for reason, text in REASONS.items():
        print(f"  dropped {filters.dropped[reason]:5} spellings: {text}")
    for reason, n in filters.lost.most_common():
        print(f"  lost {n:4} divisions: {REASONS.get(reason, reason)}")


if __name__ == "__main__":
    main()
