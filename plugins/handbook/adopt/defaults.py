"""What an organisation gets for everything its answers leave out: sensible, sector-neutral
defaults, a few taken from its sector files, and a "NOG INVULLEN" marker where only the
organisation itself knows the answer (names, addresses, numbers)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ..core.keys import REQUIRED_CONTACTS
from ..core.markers import marker

# Roles every page owner and every policy needs, with the text readers see. The keys are those
# the pages' front matter uses (eigenaar); a contact the answers leave out gets this.
ROLES: dict[str, tuple[str, str]] = {
    "communicatie": (
        "Communicatie",
        "Vragen over dit beleid, over de huisstijl of over een voorstel voor een wijziging.",
    ),
    "social_media_team": (
        "Socialmediateam",
        "Een bericht over ons dat aandacht nodig heeft, een vraag over posten, of twijfel.",
    ),
    "woordvoerder": (
        "Woordvoerder",
        "Een journalist neemt contact op, of een bericht kan in het nieuws komen.",
    ),
    "crisisteam": (
        "Crisisteam",
        "Een bericht over ons gaat snel rond en kan schade doen, of iemand is in gevaar.",
    ),
    "juridisch": (
        "Juridische zaken",
        "Een bericht raakt aan een contract, een klacht, auteursrecht of een rechtszaak.",
    ),
    "hr": (
        "HR",
        "Je maakt je zorgen over een collega, je wordt online lastiggevallen, of je vertrekt.",
    ),
    "privacy": (
        "Functionaris gegevensbescherming",
        "Persoonsgegevens zijn mogelijk gelekt, of je twijfelt of je een foto mag plaatsen.",
    ),
    "it_security": (
        "IT-beveiliging",
        "Een account is gehackt, of je ziet phishing of een nepaccount op onze naam.",
    ),
    "vertrouwenspersoon": (
        "Vertrouwenspersoon",
        "Je wilt iets melden of bespreken in vertrouwen, ook als je anoniem wilt blijven.",
    ),
}

POLICY_OWNER = "communicatie"


def contact_keys(page_owners: Iterable[str], policy_owner: str = POLICY_OWNER) -> list[str]:
    """Every contact the handbook needs: the required roles, the pages' owners, the owner."""
    keys = [*ROLES]
    for key in (*REQUIRED_CONTACTS, *page_owners, policy_owner):
        if key not in keys:
            keys.append(key)
    return keys


def default_contact(key: str) -> dict[str, Any]:
    rol, wanneer = ROLES.get(
        key, (key.replace("_", " ").capitalize(), marker("wanneer je dit contact benadert"))
    )
    always = key in ("crisisteam", "it_security")
    return {
        "rol": rol,
        "naam": marker(f"naam van de persoon of het team ({rol})"),
        "email": marker(f"e-mailadres ({rol})"),
        "kanaal": "e-mail" if not always else "telefoon",
        "bereikbaarheid": "24/7" if always else "werkdagen 9.00–17.00 uur",
        "wanneer": wanneer,
    }


def default_organisation(today: date) -> dict[str, Any]:
    return {
        "naam": marker("naam van de organisatie"),
        "juridische_naam": marker("naam in het Handelsregister"),
        "website": marker("webadres van de organisatie, met https://"),
        "intranet_url": marker("adres van dit handboek op het intranet, met https://"),
        "beleidsversie": "1.0",
        "ingangsdatum": today,
        "herzieningscyclus": "12 maanden",
        "beleidseigenaar": POLICY_OWNER,
        "beursgenoteerd": False,
        "ondernemingsraad": True,
        "verkoopt_online": False,
    }


def default_channel(audiences: Sequence[str]) -> dict[str, Any]:
    return {
        "platform": marker("platform, zoals Instagram"),
        "handle": marker("naam van het account"),
        "url": marker("webadres van het account"),
        "eigenaar": "social_media_team",
        "doel": marker("waarvoor jullie het account gebruiken"),
        "doelgroep": _audience(audiences),
    }


def _audience(audiences: Sequence[str]) -> str:
    chosen = [a for a in audiences[:2] if a]
    if not chosen:
        return marker("voor wie het account is")
    text = " en ".join(chosen)
    return text[:1].upper() + text[1:]


def complete_channel(channel: Mapping[str, Any], audiences: Sequence[str]) -> dict[str, Any]:
    """A channel from the answers with what it leaves out filled in."""
    return {**default_channel(audiences), **channel}


def default_slas(platforms: Sequence[str]) -> dict[str, Any]:
    rows = [
        {
            "kanaal": platform,
            "normaal": {"kantoortijd": "4 uur", "buiten_kantoortijd": "1 werkdag"},
            "urgent": {"kantoortijd": "1 uur", "buiten_kantoortijd": "1 werkdag"},
        }
        for platform in platforms
        if platform
    ] or [
        {
            "kanaal": "Alle kanalen",
            "normaal": {"kantoortijd": "4 uur", "buiten_kantoortijd": "1 werkdag"},
            "urgent": {"kantoortijd": "1 uur", "buiten_kantoortijd": "1 werkdag"},
        }
    ]
    return {
        "kantoortijden": "maandag tot en met vrijdag van 9.00 tot 17.00 uur",
        "reactietermijnen": rows,
        # The first response of the most serious crisis level (default_crisis), as the
        # consistency check asks; the escalation is a ladder, each step later than the one before.
        "eerste_reactie_crisis": "30 minuten",
        "escalatie": [
            {
                "na": "30 minuten",
                "naar": "social_media_team",
                "wanneer": "Een vraag of klacht kun je niet zelf beantwoorden.",
            },
            {
                "na": "1 uur",
                "naar": "woordvoerder",
                "wanneer": "Een journalist, politicus of grote groep volgers reageert.",
            },
            {
                "na": "2 uur",
                "naar": "crisisteam",
                "wanneer": "Het bericht gaat snel rond, of er is gevaar, een datalek of een hack.",
            },
        ],
        "datalek": {
            "intern_melden_binnen": "1 uur",
            "melden_bij": "privacy",
            "ap_melden_binnen": "72 uur",
        },
    }


def default_approvals(influencers: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "soort": "Gewoon bericht op een officieel account (nieuws, evenement, vacature)",
            "goedkeurder": "social_media_team",
            "termijn": "1 werkdag",
        },
        {
            "soort": "Nieuws over producten, diensten of prijzen",
            "goedkeurder": "woordvoerder",
            "termijn": "2 werkdagen",
        },
        {
            "soort": "Bericht waarin een klant, partner of leverancier genoemd wordt",
            "goedkeurder": "juridisch",
            "termijn": "5 werkdagen",
            "toelichting": "Alleen met schriftelijke toestemming van die partij.",
        },
        {
            "soort": "Foto of video met herkenbare personen",
            "goedkeurder": "social_media_team",
            "termijn": "2 werkdagen",
            "toelichting": "Leg de toestemming per persoon en per kanaal vast. Twijfel je? "
            "Vraag de functionaris gegevensbescherming om advies.",
        },
    ]
    if influencers:
        rows.append(
            {
                "soort": "Samenwerking met een influencer of betaald partnerschap",
                "goedkeurder": "juridisch",
                "termijn": "10 werkdagen",
            }
        )
    rows.append(
        {
            "soort": "Reactie op een crisis of op negatief nieuws",
            "goedkeurder": "crisisteam",
            "termijn": "15 minuten",
        }
    )
    return rows


def default_crisis(scenarios: Sequence[str]) -> dict[str, Any]:
    """Crisis levels; the sector's own crisis scenarios are the examples of level 2."""
    level_two = [f"{title}." if not title.endswith(".") else title for title in scenarios[:2]]
    return {
        "niveaus": [
            {
                "niveau": 1,
                "naam": "Aandacht",
                "omschrijving": "Een paar negatieve berichten. Ze groeien niet en de media "
                "doen er niets mee.",
                "voorbeelden": [
                    "Een klant klaagt in een reactie over een bestelling of een afspraak.",
                    "Een oud-medewerker schrijft een kritische review.",
                ],
                "beslist": "social_media_team",
                "eerste_reactie": "2 uur",
            },
            {
                "niveau": 2,
                "naam": "Verhoogd",
                "omschrijving": "Het bericht groeit. Lokale media of vakmedia pikken het op.",
                "voorbeelden": level_two or ["Een klacht over ons wordt honderden keren gedeeld."],
                "beslist": "woordvoerder",
                "eerste_reactie": "1 uur",
            },
            {
                "niveau": 3,
                "naam": "Crisis",
                "omschrijving": "Landelijke media, gevaar voor mensen, een datalek of een "
                "gehackt account.",
                "voorbeelden": [
                    "Gegevens van klanten staan online.",
                    "Een officieel account plaatst berichten die niet van ons zijn.",
                ],
                "beslist": "crisisteam",
                "eerste_reactie": "30 minuten",
            },
        ],
        "eerste_stappen": [
            "Bel de crisislijn en vertel wat je ziet. Maak schermafbeeldingen.",
            "Zet alle ingeplande berichten op pauze.",
            "Reageer niet zelf, tot het crisisteam een lijn heeft gekozen.",
            "Plaats het wachtbericht binnen de termijn voor een eerste reactie.",
            "Informeer eerst de medewerkers, daarna de buitenwereld.",
        ],
        "wachtberichten": [
            {
                "situatie": "Algemeen",
                "tekst": "We zien de berichten over {{ organisatie.naam }} en nemen ze serieus. "
                "We zoeken uit wat er aan de hand is en laten vandaag meer weten via dit kanaal.",
            }
        ],
        "team": [
            {
                "naam": marker("naam van de voorzitter van het crisisteam"),
                "functie": "voorzitter crisisteam",
                "telefoon": marker("mobiel nummer van de voorzitter"),
            }
        ],
    }
