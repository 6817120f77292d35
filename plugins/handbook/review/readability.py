"""Readability of the built pages: plain-language (B1) figures per page and overall.

Pure functions: take the article text out of built HTML (no tables, code, navigation or page
information), split it into sentences and count. The ``handbook leesbaarheid`` command prints
the figures; a test holds the site to the bars below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# The B1 bars this handbook keeps (see issue 3).
MAX_AVERAGE_WORDS = 15.0

LONG_SENTENCE_WORDS = 25

MAX_LONG_SHARE = 0.05

MAX_PASSIVE_SHARE = 0.05

# Elements whose text is not prose a reader reads as sentences.
_SKIP = {"table", "pre", "code", "nav", "script", "style", "aside", "svg", "button", "form"}

# Elements that end a block of text: a sentence never runs across them.
_BLOCKS = {"p", "li", "blockquote", "dt", "dd", "div", "article", "section", "ul", "ol", "br"}

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Dutch abbreviations that end in a full stop but do not end a sentence.
_ABBREVIATIONS = (
    "art",
    "bijv",
    "bv",
    "ca",
    "d.w.z",
    "e.d",
    "enz",
    "etc",
    "excl",
    "incl",
    "mr",
    "nr",
    "o.a",
    "resp",
    "t.o.v",
    "vgl",
    "z.s.m",
    "b.v",
    "n.v",
)

_ABBR_RE = re.compile(
    r"\b(" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")\.(?=\s)", re.IGNORECASE
)

_MARK = "\u2024"  # one-dot leader: stands in for an abbreviation's full stop while splitting

_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9À-Ý])")

_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]")

_FORMAL = re.compile(r"\b(u|uw|U|Uw|UW)\b")

_PASSIVE = re.compile(r"\b(wordt|worden|werd|werden|geworden)\b", re.IGNORECASE)


class _ArticleText(HTMLParser):
    """Collects text blocks inside ``<article>``; headings are kept apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth_article = 0
        self.skip = 0
        self.skip_tag = ""
        self.heading = 0
        self.blocks: list[str] = []
        self.headings: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            (self.headings if self.heading else self.blocks).append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth_article += 1
        if not self.depth_article:
            return
        if self.skip_tag:
            self.skip += tag == self.skip_tag
            return
        classes = set((dict(attrs).get("class") or "").split())
        # Permalink signs and the edit button are not text a reader reads.
        if tag in _SKIP or (tag == "a" and {"headerlink", "md-content__button"} & classes):
            self.skip_tag, self.skip = tag, 1
            return
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self.heading += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.depth_article:
            return
        if self.skip_tag:
            self.skip -= tag == self.skip_tag
            if not self.skip:
                self.skip_tag = ""
            return
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self.heading = max(0, self.heading - 1)
        if tag == "article":
            self.depth_article -= 1

    def handle_data(self, data: str) -> None:
        if self.depth_article and not self.skip_tag:
            self.current.append(data)


def article_blocks(html: str) -> tuple[list[str], list[str]]:
    """The prose blocks and the headings of a built page's article."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks, parser.headings


def split_sentences(block: str) -> list[str]:
    """Sentences of one block of text. A block (paragraph, list item) always ends a sentence."""
    protected = _ABBR_RE.sub(lambda m: m.group(1) + _MARK, block)
    # Initials and numbered articles ("7:611 BW.") end sentences normally; "B.V." is covered.
    parts = _SENTENCE_END.split(protected)
    return [p.replace(_MARK, ".").strip() for p in parts if p.strip()]


def words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if _WORD.search(w)]


def is_label(sentence: str) -> bool:
    """A one-word label ("Voorbeeld.") or a short title without punctuation ("Niet doen")."""
    count = len(words(sentence))
    return count < 2 or (count <= 3 and not sentence.rstrip("\"')”’*").endswith(tuple(".!?:")))


@dataclass(frozen=True)
class Figures:
    """Readability figures of one page, or of all pages together."""

    name: str
    sentences: int
    words: int
    long: int
    formal: int
    passive: int

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return self.long / self.sentences if self.sentences else 0.0

    @property
    def passive_share(self) -> float:
        return self.passive / self.sentences if self.sentences else 0.0

    def problems(self) -> list[str]:
        """What breaks the B1 bars, in Dutch; empty when the text is within them."""
        found = []
        if self.average > MAX_AVERAGE_WORDS:
            found.append(
                f"{self.name}: gemiddeld {self.average:.1f} woorden per zin "
                f"(maximaal {MAX_AVERAGE_WORDS:g}). Maak zinnen korter."
            )
        if self.long_share >= MAX_LONG_SHARE:
            found.append(
                f"{self.name}: {self.long_share:.1%} van de zinnen heeft meer dan "
                f"{LONG_SENTENCE_WORDS} woorden (minder dan {MAX_LONG_SHARE:.0%} mag). "
                "Knip lange zinnen in tweeën."
            )
        if self.formal:
            found.append(
                f"{self.name}: {self.formal} keer 'u' of 'uw'. Spreek de lezer aan met 'je'."
            )
        if self.passive_share > MAX_PASSIVE_SHARE:
            found.append(
                f"{self.name}: {self.passive_share:.1%} van de zinnen is lijdend (met 'worden'; "
                f"maximaal {MAX_PASSIVE_SHARE:.0%}). Schrijf wie iets doet."
            )
        return found


def measure(name: str, sentences: Iterable[str]) -> Figures:
    counted = [s for s in sentences if not is_label(s)]
    lengths = [len(words(s)) for s in counted]
    return Figures(
        name=name,
        sentences=len(counted),
        words=sum(lengths),
        long=sum(1 for n in lengths if n > LONG_SENTENCE_WORDS),
        formal=sum(len(_FORMAL.findall(s)) for s in counted),
        passive=sum(1 for s in counted if _PASSIVE.search(s)),
    )


def page_sentences(html: str) -> list[str]:
    blocks, _ = article_blocks(html)
    return [s for block in blocks for s in split_sentences(block)]


def site_pages(site: Path) -> list[Path]:
    """Content pages of a built site (no 404 page)."""
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def report(site: Path) -> tuple[list[Figures], Figures]:
    """Figures for every page of a built site, and for all pages together."""
    per_page = []
    everything: list[str] = []
    for path in site_pages(site):
        sentences = page_sentences(path.read_text(encoding="utf-8", errors="replace"))
        name = path.parent.relative_to(site).as_posix()
        per_page.append(measure("/" if name == "." else name + "/", sentences))
        everything.extend(sentences)
    return per_page, measure("totaal", everything)


def format_table(per_page: list[Figures], total: Figures) -> str:
    header = (
        f"{'pagina':<32} {'zinnen':>6} {'woorden':>7} {'gem.':>5} "
        f"{'>25':>4} {'%>25':>6} {'u/uw':>4} {'lijdend':>7}"
    )
    lines = [header, "-" * len(header)]
    for f in [*per_page, total]:
        if f is total:
            lines.append("-" * len(header))
        lines.append(
            f"{f.name:<32} {f.sentences:>6} {f.words:>7} {f.average:>5.1f} "
            f"{f.long:>4} {f.long_share:>6.1%} {f.formal:>4} {f.passive:>7}"
        )
    return "\n".join(lines)
