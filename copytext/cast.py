"""The cast of a story: the people and organizations its copy names, read with spaCy.

Each member gathers the forms the copy uses for it ("Deputy Prime Minister Anna Sorensen",
"Sorensen"), its kind (person or organization: from the newsroom's directory when it knows
the name, else from the model's named entities, corrected by a few words no person's name
has), what the copy says it is (its roles: "minister", "spokeswoman", "bank") and, for a
person, the grammatical gender the copy gives them (an honorific, a gendered role noun, or a
"he" or "she" that can only be them). Places, nationalities, dates and the agency credit in a
dateline are kept apart: they are never speakers and never people's misspellings.

Only the body and standfirst are read; a headline in title case names nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from copytext import nlp
from copytext.entities import KnownEntities, name_key
from copytext.names import Mentions, Suggestion, find_names, without_partial_names
from copytext.text import straighten_double_quotes, strip_possessive
from copytext.vocabulary import (
    HONORIFICS,
    NON_ORG_ACRONYMS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
    SPEECH_VERBS,
)

PERSON_LABELS = frozenset({"PERSON"})
ORGANIZATION_LABELS = frozenset({"ORG"})
PLACES_AND_DATES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})  # never a name to misspell
# Figures and measures a model may take for organizations.
NOT_ORGANIZATIONS = NON_ORG_ACRONYMS | frozenset(
    "EBIT EBITDA CPI PPI IPO ESG GDP GNP PMI NAV ROI ROE EPS PE YOY QOQ FY H1 H2 Q1 Q2 Q3 Q4 "
    "BPS KWH MW GW TWH".split()
)
AGENCIES = frozenset({"ap", "reuters", "afp", "dpa", "pa", "pa media", "ap news", "ansa", "efe"})
MALE = frozenset(
    "mr sir lord king prince father brother son husband spokesman chairman businessman "
    "congressman councilman policeman fireman sportsman grandfather uncle nephew he him his "
    "himself actor".split()
)
FEMALE = frozenset(
    "mrs ms miss madam dame lady queen princess mother sister daughter wife spokeswoman "
    "chairwoman businesswoman congresswoman councilwoman policewoman sportswoman grandmother "
    "aunt niece she her hers herself actress".split()
)
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
TITLE_WORDS = (
    {word.casefold() for word in HONORIFICS}
    | ROLE_WORDS
    | frozenset(
        "deputy vice acting interim finance foreign interior defence defense health labor labour "
        "economy trade justice education environment energy transport culture sports agriculture "
        "home state first lead senior general managing executive chief federal regional national "
        "police fire public head party opposition district county city attorney officer "
        "secretary-general spokesperson rep sen gov".split()
    )
)
# Nouns for organizations, and words that show them in a name ("the bank": Banco de Portugal).
ORGANIZATION_NAME_WORDS = {
    "bank": ("bank", "banco", "banque", "bundesbank", "reserve"),
    "ministry": ("ministry", "ministerium", "ministère", "department"),
    "club": ("club", "fc", "united", "city", "athletic", "rovers", "sporting"),
    "company": ("ltd", "inc", "plc", "sa", "ag", "gmbh", "group", "corp", "holdings"),
    "council": ("council", "borough"),
    "court": ("court", "tribunal"),
    "university": ("university", "universidad", "université", "college"),
    "charity": ("foundation", "trust", "charity"),
    "union": ("union", "federation"),
    "party": ("party",),
    "agency": ("agency", "office", "authority"),
    "police": ("police",),
    "government": ("government",),
}
# Nouns in apposition that show an organization ("Crumbwell, the bakery chain").
ORGANIZATION_ROLES = frozenset(ORGANIZATION_NAME_WORDS) | frozenset(
    "firm maker chain group startup start-up carrier airline operator retailer lender insurer "
    "broadcaster newspaper publisher association organisation organization body regulator "
    "institute network brand supplier manufacturer chipmaker developer producer team side "
    "band cooperative co-operative utility exchange fund conglomerate subsidiary".split()
)
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around"})
_QUOTE = re.compile('"')
SPEECH_VERB_FORMS = frozenset(SPEECH_VERBS)
ORG_WORDS_FOLDED = frozenset(word.casefold() for word in ORG_WORDS)


@dataclass(eq=False)
class Member:
    """A person or organization of the story."""

    name: str
    kind: str  # "person" or "organization"
    forms: set[str] = field(default_factory=set)  # casefolded
    roles: set[str] = field(default_factory=set)  # casefolded nouns: "minister", "bank"
    gender: str = ""  # "m", "f" or "" (unknown, or an organization)
    entity: Any = None  # the newsroom's known person or organization, if it is one

    @property
    def surname(self) -> str:
        return self.name.split()[-1].casefold() if self.kind == "person" else ""


@dataclass(frozen=True, eq=False)
class Mention:
    member: Member
    paragraph: int
    start: int
    end: int
    text: str
    in_quote: bool
    sentence_start: bool


@dataclass
class Cast:
    members: list[Member] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    non_names: set[str] = field(default_factory=set)  # casefolded places, nationalities, dates…
    docs: list = field(default_factory=list)  # the parsed paragraphs

    def other_names(self) -> list[tuple[int, Any]]:
        """Return (paragraph, token) for capitalised proper nouns that are no member, place or
        date ("Voskhod"): names of things, which can be misspelt too."""
        found = []
        for index, doc in enumerate(self.docs):
            taken = [(m.start, m.end) for m in self.mentions if m.paragraph == index]
            for token in doc:
                if (
                    token.pos_ == "PROPN"
                    and token.text[:1].isupper()
                    and token.ent_type_ not in PLACES_AND_DATES
                    and token.text.casefold() not in self.non_names
                    and not any(start <= token.idx < end for start, end in taken)
                ):
                    found.append((index, token))
        return found

    def named(self, text: str) -> Member | None:
        """Return the member `text` names (a form, a surname, or a longer form with a title)."""
        key = _key(text)
        if not key:
            return None
        for member in self.members:
            if key in member.forms:
                return member
        words = key.split()
        # "Officer Marta Ruiz" when the cast has "Marta Ruiz"; of "Red Cross volunteer Harold
        # Beasley", the name that ends the phrase is the one it names.
        best, best_end = None, -1
        for member in self.members:
            for form in member.forms:
                end = _find_words(words, form.split()) if len(form) > 2 else -1
                if end > best_end or (
                    end == best_end
                    and best is not None
                    and end >= 0
                    and member.kind == "person"
                    and best.kind != "person"
                ):
                    best, best_end = member, end
        if best is not None:
            return best
        # The end of a longer name, whatever the model first called it: "Osei-Bonsu" after
        # "Amara Osei-Bonsu", "la Fuente" after "Lucía de la Fuente".
        ends = [
            m
            for m in self.members
            if m.entity is None
            and any(
                len(f.split()) > len(words) and f.split()[-len(words) :] == words for f in m.forms
            )
        ]
        if len(ends) == 1:
            return ends[0]
        if len(words) == 1:
            people = [m for m in self.members if m.kind == "person" and m.surname == words[0]]
            if len(people) == 1:
                return people[0]
            people = [  # a first name on its own ("Meseret"), when only one person has it
                m for m in self.members if m.kind == "person" and _key(m.name).split()[0] == key
            ]
            if len(people) == 1 and len(_key(people[0].name).split()) > 1:
                return people[0]
        return None

    def is_non_name(self, text: str) -> bool:
        return _key(text) in self.non_names

    def before(self, paragraph: int, position: int, *, earliest: int) -> list[Mention]:
        """Return the mentions outside quotes before (paragraph, position), nearest first."""
        found = [
            mention
            for mention in self.mentions
            if not mention.in_quote
            and earliest <= mention.paragraph <= paragraph
            and (mention.paragraph < paragraph or mention.start < position)
        ]
        return sorted(found, key=lambda m: (m.paragraph, m.start), reverse=True)

    def described_as(self, noun: str, kinds: set[str]) -> list[Member]:
        """Return the members the copy describes with `noun` ("minister", "bank")."""
        noun = noun.casefold()
        hits = [m for m in self.members if m.kind in kinds and noun in m.roles]
        if hits or "organization" not in kinds:
            return hits
        markers = ORGANIZATION_NAME_WORDS.get(noun, (noun,))
        return [
            m
            for m in self.members
            if m.kind == "organization" and any(w in markers for w in _key(m.name).split())
        ]


def find_cast(paragraphs: list[str], *, known: KnownEntities | None = None) -> Cast:
    """Read the paragraphs (body and standfirst, not the headline) and return their cast."""
    known = known or KnownEntities()
    texts = [straighten_double_quotes(paragraph) for paragraph in paragraphs]
    docs = nlp.parse(texts)
    builder = _Builder(known)
    builder.cast.docs = docs
    for doc in docs:
        builder.read_non_names(doc)
    for index, doc in enumerate(docs):
        builder.read(index, doc, quoted_ranges(doc.text))
    for index, doc in enumerate(docs):
        builder.read_known(index, doc, quoted_ranges(doc.text))
    for index, doc in enumerate(docs):
        builder.read_institutions(index, doc, quoted_ranges(doc.text))
    builder.settle_kinds()
    for index, doc in enumerate(docs):
        builder.read_surnames(index, doc, quoted_ranges(doc.text))
    for index, doc in enumerate(docs):
        builder.read_pronouns(index, doc, quoted_ranges(doc.text))
    builder.cast.mentions.sort(key=lambda m: (m.paragraph, m.start))  # in reading order
    return builder.cast


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of text between paired straight quote marks; a last unpaired
    mark runs to the end of the paragraph (a quote continued in the next one)."""
    marks = [match.start() for match in _QUOTE.finditer(text)]
    ranges = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        ranges.append((marks[-1], len(text)))
    return ranges


class _Builder:
    def __init__(self, known: KnownEntities):
        self.known = known
        self.cast = Cast()
        self.last_sentence_people: set[Member] = set()
        self.votes: dict[int, list[int]] = {}  # id(member) -> [person, organization] evidence
        self.settled: set[int] = set()  # members whose kind a rule or the directory decided
        self.placed: dict[int, list[int]] = {}

    def read_non_names(self, doc) -> None:
        """Remember places, nationalities and dates, which are never people or speakers."""
        for ent in doc.ents:
            if ent.label_ in PLACES_AND_DATES:
                self.cast.non_names.add(_key(ent.text))

    def read(self, index: int, doc, quoted: list[tuple[int, int]]) -> None:
        for ent in doc.ents:
            if ent.label_ not in PERSON_LABELS | ORGANIZATION_LABELS:
                continue
            kind = "person" if ent.label_ in PERSON_LABELS else "organization"
            span = _trim(ent, titles=kind == "person")
            if span is None or _is_agency_credit(index, span):
                continue
            text = strip_possessive(span.text).strip(" ,.")
            if self.cast.is_non_name(text) and self.known.match(text, fuzzy=False) is None:
                continue  # a city the model also took for a name elsewhere
            if all(word.casefold().rstrip(".") in TITLE_WORDS for word in text.split()):
                continue  # "Finance" of "Finance Minister"
            last = text.split()[-1].casefold()
            if kind == "organization" and last in TITLE_WORDS and last not in ORG_WORDS_FOLDED:
                continue  # "Kazakh Foreign" of "Kazakh Foreign Minister"
            model_kind, decided = kind, False
            if kind == "person" and any(w in ORG_WORDS for w in text.split()):
                kind, decided = "organization", True
            if kind == "person" and self._names_an_organization(text):
                kind, decided = "organization", True  # "Nordwind Anlagenbau" after "Nordwind"
            if kind == "organization" and text.upper() == text and text in NOT_ORGANIZATIONS:
                continue
            if kind == "person" and len(text.split()) == 1 and text.casefold() in TITLE_WORDS:
                continue
            known = self.known.match(text, fuzzy=False)
            if known is not None:
                kind, decided = self.known.kind_of(known), True
            member = self._member(text, kind, known)
            if decided:
                self.settled.add(id(member))
            votes = self.votes.setdefault(id(member), [0, 0])
            votes[model_kind != "person"] += 1
            before = doc[span.start - 1] if span.start > 0 else None
            seen = self.placed.setdefault(id(member), [0, 0])  # [mentions, after "in"/"near"]
            seen[0] += 1
            seen[1] += before is not None and before.lower_ in PLACE_PREPOSITIONS
            if before is not None and before.pos_ == "NOUN" and before.text.islower():
                # "squad member Rebecca Thornbury", "the chipmaker Kairos"
                if before.lower_ in ORGANIZATION_ROLES:
                    votes[1] += 2
                else:
                    votes[0] += 1
            member.roles |= _roles_of(ent, span)
            member.gender = member.gender or _gender_of(member.roles)
            self._mention(member, index, span, quoted)

    def settle_kinds(self) -> None:
        """Decide whether each name the directory does not know is a person or an organization
        from all the story says of it, not from the model's label at its first mention: the
        model's label at every mention, titles and nouns in apposition ("Mr", "the bakery
        chain"), and the pronoun that next takes it up ("he said", "its profit")."""
        for mention in self.cast.mentions:
            if mention.in_quote:
                continue
            votes = self.votes.setdefault(id(mention.member), [0, 0])
            pronoun = _next_pronoun(self.cast, mention)
            if pronoun in PRONOUN_GENDER:
                votes[0] += 3  # stronger than the model's label: "he" is never a company
            elif pronoun in ("it", "its"):
                votes[1] += 1
        places = [
            member
            for member in self.cast.members
            if id(member) not in self.settled
            and member.entity is None
            and not member.roles
            and self.placed.get(id(member), [0, 0])[0] == self.placed.get(id(member), [0, 1])[1]
        ]
        for member in places:  # only ever "in Portishead", "near Baunatal": a place
            self.cast.members.remove(member)
            self.cast.mentions = [m for m in self.cast.mentions if m.member is not member]
            self.cast.non_names |= member.forms
        for member in self.cast.members:
            if id(member) in self.settled or member.entity is not None:
                continue
            votes = self.votes.get(id(member), [0, 0])
            for role in member.roles:
                if role in ORGANIZATION_ROLES:
                    votes[1] += 2
                elif role in TITLE_WORDS or role in MALE or role in FEMALE:
                    votes[0] += 2
            if votes[0] != votes[1]:
                member.kind = "person" if votes[0] > votes[1] else "organization"
            if member.kind != "person":
                member.gender = ""

    def read_institutions(self, index: int, doc, quoted: list[tuple[int, int]]) -> None:
        """Add the organizations the model missed whose name says what they are: a capitalised
        phrase ending in "Union", "Foundation", "Inspectorate"… ("Czech Fishing Union")."""
        for span in find_names(doc.text):
            words = span.text.split()
            if len(words) < 2 or words[-1] not in ORG_WORDS or words[-1] in PLACE_WORDS:
                continue
            if self._inside_mention(index, span.start) or self._inside_mention(index, span.end - 1):
                continue
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is None or any(t.ent_type_ in PLACES_AND_DATES for t in tokens):
                continue
            member = self._member(
                span.text, "organization", self.known.match(span.text, fuzzy=False)
            )
            self.settled.add(id(member))
            self._mention(member, index, tokens, quoted)

    def read_known(self, index: int, doc, quoted: list[tuple[int, int]]) -> None:
        """Add the names the newsroom's directory knows that the model missed."""
        if not self.known.people and not self.known.organizations:
            return
        for span in find_names(doc.text):
            if self._inside_mention(index, span.start):
                continue
            entity = self.known.match(span.text, fuzzy=False)
            if entity is None:
                continue
            member = self._member(span.text, self.known.kind_of(entity), entity)
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is not None:
                self._mention(member, index, tokens, quoted)

    def read_surnames(self, index: int, doc, quoted: list[tuple[int, int]]) -> None:
        """Add lone surnames the model missed ("Dahl said…") of people already in the cast."""
        taken = {(m.paragraph, m.start) for m in self.cast.mentions}
        surnames = {m.surname: m for m in self.cast.members if m.kind == "person" and m.surname}
        for token in doc:
            word = strip_possessive(token.text).casefold()
            if not token.text[:1].isupper():
                continue
            if word not in surnames:
                if token.pos_ not in ("PROPN", "NOUN") or (
                    token.is_sent_start and token.pos_ != "PROPN"
                ):
                    continue
                if word in self.cast.non_names and not _speaks(token):
                    continue  # a place, unless it is what says something ("Oteino said")
                # "Oosterhuys" two paragraphs after "Oosterhuis": the same person, misspelt,
                # which the spelling check can only report if it sees the name.
                near = [s for s in surnames if len(s) > 4 and _one_slip(word, s)]
                member = surnames[near[0]] if len(near) == 1 else self._known_near(token.text)
                if member is None:
                    continue
            else:
                member = surnames[word]
            if (index, token.idx) in taken or self._inside_mention(index, token.idx):
                continue
            self._mention(member, index, doc[token.i : token.i + 1], quoted)

    def _known_near(self, word: str) -> Member | None:
        """Return a member for the known person a lone word nearly spells ("Gagrin")."""
        spelling = self.known.near_miss(word)
        entity = self.known.match(spelling, fuzzy=False) if spelling else None
        if entity is None or self.known.kind_of(entity) != "person":
            return None
        member = self._member(entity.name, "person", entity)
        member.forms.add(_key(word))
        return member

    def read_pronouns(self, index: int, doc, quoted: list[tuple[int, int]]) -> None:
        """Give a person the gender of a "he" or "she" that can only be them: the one person
        named before it in its sentence, or, for a sentence's subject, in the sentence before."""
        here = [m for m in self.cast.mentions if m.paragraph == index and not m.in_quote]
        for sentence in doc.sents:
            for token in sentence:
                gender = PRONOUN_GENDER.get(token.lower_)
                if gender is None or _inside(token.idx, quoted):
                    continue
                people = {
                    m.member
                    for m in here
                    if sentence.start_char <= m.start < token.idx and m.member.kind == "person"
                }
                if not people and token.dep_ == "nsubj":
                    people = self.last_sentence_people
                if len(people) == 1:
                    (person,) = people
                    person.gender = person.gender or gender
            named = {
                m.member
                for m in here
                if sentence.start_char <= m.start < sentence.end_char and m.member.kind == "person"
            }
            self.last_sentence_people = named or self.last_sentence_people

    def _names_an_organization(self, text: str) -> bool:
        words = _key(text).split()
        return any(
            member.kind == "organization" and _key(member.name).split()[0] == words[0]
            for member in self.cast.members
        )

    def _member(self, text: str, kind: str, known: Any) -> Member:
        found = self.cast.named(text)
        if found is not None and (known is None or found.entity is known):
            # The model may call a surname an organization once it has a person for it.
            if len(text) > len(found.name) and found.kind == "person":
                found.name = text  # the fullest form names them
            found.forms.add(_key(text))
            return found
        member = Member(name=known.name if known is not None else text, kind=kind, entity=known)
        member.forms.add(_key(text))
        if known is not None:
            member.forms.add(_key(known.name))
        self.cast.members.append(member)
        return member

    def _mention(self, member: Member, index: int, span, quoted) -> None:
        start = span.start_char
        self.cast.mentions.append(
            Mention(
                member=member,
                paragraph=index,
                start=start,
                end=span.end_char,
                text=span.text,
                in_quote=_inside(start, quoted),
                sentence_start=span[0].is_sent_start,
            )
        )

    def _inside_mention(self, index: int, position: int) -> bool:
        return any(m.paragraph == index and m.start <= position < m.end for m in self.cast.mentions)


def _next_pronoun(cast: Cast, mention: Mention) -> str:
    """Return the personal pronoun that first follows a mention in its sentence or the next
    one ("Osei-Bonsu finished third. He said…"), or "" if another name comes first."""
    doc = cast.docs[mention.paragraph]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return ""
    sentence = span.sent
    end = sentence.end
    following = doc[end:].sents if end < len(doc) else iter(())
    end = next(following).end if end < len(doc) else end
    others = [
        (m.start, m.end)
        for m in cast.mentions
        if m.paragraph == mention.paragraph and m.start > mention.start
    ]
    for token in doc[span.end : end]:
        if any(start <= token.idx < stop for start, stop in others):
            return ""
        if token.lower_ in PRONOUN_GENDER or token.lower_ in ("it", "its"):
            return token.lower_ if token.dep_ in ("nsubj", "nsubjpass", "poss") else ""
    return ""


def _trim(ent, *, titles: bool):
    """Drop a leading "the", a person's titles and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (titles and end - start > 1 and doc[start].text.rstrip(".").casefold() in TITLE_WORDS)
    ):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end] if end > start else None


def _roles_of(ent, span) -> set[str]:
    """Return what the copy calls the entity: titles before it, nouns in apposition to it."""
    doc = ent.doc
    roles = set()
    position = span.start - 1
    while position >= 0 and doc[position].text.rstrip(".").casefold() in TITLE_WORDS:
        roles.add(doc[position].text.rstrip(".").casefold())
        position -= 1
    for token in ent:
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                roles.add(child.text.casefold())
                roles.update(c.text.casefold() for c in child.children if c.dep_ == "compound")
    if ent.root.head.dep_ == "appos" and ent.root.dep_ in ("compound", "poss"):
        roles.add(ent.root.head.text.casefold())  # "Lusenergia's chief executive, X"
    return roles


def _gender_of(roles: set[str]) -> str:
    if roles & MALE:
        return "m"
    if roles & FEMALE:
        return "f"
    return ""


def _is_agency_credit(index: int, span) -> bool:
    """Say whether the entity is the agency in a dateline: "LISBON (Reuters) -", "By X, PA"."""
    if index > 0 or span.start_char > 80:
        return False
    text = span.text.casefold()
    before = span.doc.text[max(0, span.start_char - 2) : span.start_char]
    return text in AGENCIES and ("(" in before or "," in before)


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in ranges)


def _key(text: str) -> str:
    return name_key(strip_possessive(text.strip()))


def _speaks(token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ in SPEECH_VERB_FORMS


def _one_slip(a: str, b: str) -> bool:
    """Say whether two words differ by one letter changed, added, dropped or swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _find_words(words: list[str], part: list[str]) -> int:
    """Return where the last run of `part` in `words` ends, or -1."""
    size = len(part)
    ends = [i + size for i in range(len(words) - size + 1) if words[i : i + size] == part]
    return ends[-1] if ends else -1


def detect_mentions(paragraphs: list[str], *, known: KnownEntities) -> Mentions:
    """Return the known people and organizations the copy names, and suggestions for others.

    Names come from the story's cast (spaCy's named entities, grouped and typed), so a title
    case headline, a place or a figure is never offered as a person or organization. Pass the
    body and standfirst, not the headline.
    """
    mentions = Mentions()
    seen: set[int] = set()
    suggested: dict[str, Suggestion] = {}
    for member in find_cast(paragraphs, known=known).members:
        entity = member.entity if member.entity is not None else known.match(member.name)
        if entity is None:
            hint = ", ".join(sorted(member.roles)[:3]) or "named in the copy"
            suggestion = Suggestion(member.name, member.kind, hint)
            suggested.setdefault(member.name.casefold(), suggestion)
        elif id(entity) not in seen:
            seen.add(id(entity))
            if known.kind_of(entity) == "person":
                mentions.people.append(entity)
            else:
                mentions.organizations.append(entity)
    mentions.suggestions = without_partial_names(list(suggested.values()))
    return mentions
