"""Pools of generated (never real) personal data, drawn from Faker once and combined cheaply.

Calling Faker per customer costs ~60 us a person; a million customers would spend a minute in
Faker alone. Pools of a few thousand names combined at random read as realistic and cost ~1 us.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

# Weights for the last digit of a Chinese resident ID (GB 11643-1999, ISO 7064 MOD 11-2).
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

CN_MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "156",
    "157",
    "158",
    "159",
    "166",
    "176",
    "177",
    "178",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
    "198",
    "199",
)
US_AREA_CODES = (
    "212",
    "213",
    "206",
    "303",
    "305",
    "312",
    "404",
    "415",
    "503",
    "602",
    "617",
    "702",
    "713",
    "808",
    "907",
    "972",
    "646",
    "718",
    "510",
    "919",
)


def cn_resident_id(area: str, birth: date, seq: int) -> str:
    body = f"{area}{birth:%Y%m%d}{seq % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + _ID_CHECK[total % 11]


@dataclass(frozen=True, slots=True)
class NamePools:
    cn_last: tuple[str, ...]
    cn_first: tuple[str, ...]
    cn_areas: tuple[str, ...]
    us_last: tuple[str, ...]
    us_first: tuple[str, ...]
    companies_cn: tuple[str, ...]
    companies_us: tuple[str, ...]

    @classmethod
    def build(cls, seed: int, size: int = 1500) -> NamePools:
        from faker import Faker  # heavy; only a demo build needs it

        cn = Faker("zh_CN")
        us = Faker("en_US")
        cn.seed_instance(seed)
        us.seed_instance(seed)
        return cls(
            cn_last=tuple(cn.last_name() for _ in range(size // 5)),
            cn_first=tuple(cn.first_name() for _ in range(size)),
            cn_areas=tuple(cn.ssn()[:6] for _ in range(300)),
            us_last=tuple(us.last_name() for _ in range(size)),
            us_first=tuple(us.first_name() for _ in range(size)),
            companies_cn=tuple(cn.company() for _ in range(200)),
            companies_us=tuple(us.company() for _ in range(200)),
        )

    def cn_name(self, rng: random.Random) -> str:
        return rng.choice(self.cn_last) + rng.choice(self.cn_first)

    def us_name(self, rng: random.Random) -> str:
        return f"{rng.choice(self.us_first)} {rng.choice(self.us_last)}"


def cn_mobile(rng: random.Random) -> str:
    return f"+86{rng.choice(CN_MOBILE_PREFIXES)}{rng.randrange(10**8):08d}"


def us_phone(rng: random.Random) -> str:
    exchange = rng.randrange(200, 1000)
    if exchange % 100 == 11:  # N11 codes (411, 911) are not exchanges
        exchange += 1
    return f"+1{rng.choice(US_AREA_CODES)}{exchange}{rng.randrange(10**4):04d}"
