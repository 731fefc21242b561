"""Wire copy: parsing, quotes, names, and importing it as a draft."""

from types import SimpleNamespace

import pytest

from articles.models import Article, Quote
from articles.wire import import_wire
from copytext import KnownEntities, WireError, detect_mentions, extract_quotes, parse_wire
from people.directory import known_entities
from tests import factories

COPY = """Crew lands safely after record mission

The capsule came down on the steppe after 200 days in orbit.

The three crew members were lifted out and wrapped in blankets.

"It feels good to be heavy again," said Alexei Leonov, the commander.
"""


def person(name, *aliases):
    return SimpleNamespace(name=name, aliases=list(aliases))


LEONOV = person("Alexei Leonov", "Alexey Leonov")
GAGARIN = person("Yuri Gagarin")
ORTIZ = person("Mia Ortiz")
NASA = person("NASA", "National Aeronautics and Space Administration")
KNOWN = KnownEntities(people=[LEONOV, GAGARIN, ORTIZ], organizations=[NASA])


def quotes_in(*paragraphs):
    return extract_quotes(list(paragraphs), known=KNOWN)


# Parsing


def test_headline_standfirst_and_body():
    """The first line is the headline, the next paragraph the standfirst, the rest the body."""
    parsed = parse_wire(COPY)
    assert parsed.headline == "Crew lands safely after record mission"
    assert parsed.standfirst.startswith("The capsule came down")
    assert len(parsed.paragraphs) == 2
    assert parsed.body_markdown == "\n\n".join(parsed.paragraphs)


def test_copy_without_blank_lines_has_a_paragraph_per_line():
    """Copy with no blank lines is read one paragraph per line."""
    parsed = parse_wire("Headline\nStandfirst here.\nFirst.\nSecond.")
    assert parsed.standfirst == "Standfirst here."
    assert parsed.paragraphs == ["First.", "Second."]


def test_wrapped_lines_are_joined():
    """Hard-wrapped lines inside a paragraph become one paragraph."""
    parsed = parse_wire("Headline\n\nStandfirst.\n\nOne sentence\nwrapped here.\n\nNext.")
    assert parsed.paragraphs == ["One sentence wrapped here.", "Next."]


def test_windows_and_mac_line_endings():
    """Files saved on Windows or old Macs parse like any other."""
    unix = parse_wire(COPY)
    assert parse_wire(COPY.replace("\n", "\r\n")) == unix
    assert parse_wire(COPY.replace("\n", "\r")) == unix


def test_curly_double_quotes_become_straight_and_apostrophes_stay():
    """Curly double quotes are straightened; apostrophes are kept as written."""
    parsed = parse_wire("Headline\n\nStandfirst.\n\n“We’re home,” she said.")
    assert parsed.paragraphs == ['"We’re home," she said.']


def test_bom_tabs_and_stray_spaces_are_cleaned():
    """A byte-order mark, tabs and runs of spaces do not end up in the article."""
    parsed = parse_wire(
        "\ufeff  Headline\t here \n\n Standfirst\u200b.  \n\n\tBody   text. ".encode()
    )
    assert parsed.headline == "Headline here"
    assert parsed.standfirst == "Standfirst."
    assert parsed.paragraphs == ["Body text."]


def test_dateline_moves_to_its_own_field():
    """A leading dateline is taken out of the body and kept as the dateline."""
    parsed = parse_wire("Headline\n\nStandfirst.\n\nHOUSTON (AP) — The crew landed.\n\nMore.")
    assert parsed.dateline == "HOUSTON"
    assert parsed.paragraphs[0] == "The crew landed."


def test_single_paragraph_is_the_body_not_the_standfirst():
    """Copy with one paragraph keeps it as the story, with no standfirst."""
    parsed = parse_wire("Headline\n\nThe only paragraph.")
    assert (parsed.standfirst, parsed.paragraphs) == ("", ["The only paragraph."])


def test_same_text_gives_same_hash_whatever_the_spacing():
    """Duplicate detection is not fooled by line endings or extra spaces."""
    assert parse_wire(COPY).content_hash == parse_wire(COPY.replace("\n", "\r\n  ")).content_hash
    assert parse_wire(COPY).content_hash != parse_wire(COPY + "\nOne more.").content_hash


@pytest.mark.parametrize("data", ["", b"", "   \n\t\n  ", b"\xef\xbb\xbf \r\n"])
def test_empty_copy_is_refused(data):
    """An empty or blank file gets a plain message."""
    with pytest.raises(WireError, match="The file is empty."):
        parse_wire(data)


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"Caf\xe9 au lait\n\nText."]
)
def test_binary_or_non_utf8_is_refused(data):
    """A picture or a Latin-1 file is refused as not UTF-8 text."""
    with pytest.raises(WireError, match="not UTF-8"):
        parse_wire(data)


def test_oversized_copy_is_refused():
    """More than 2 MB is refused with a message that says so."""
    with pytest.raises(WireError, match="too large"):
        parse_wire(b"Headline\n\n" + b"x " * (1024 * 1024 + 1))


def test_headline_without_story_is_refused():
    """A headline with nothing under it is not a story."""
    with pytest.raises(WireError, match="no story under it"):
        parse_wire("Just a headline\n\n\n")


def test_first_line_too_long_for_a_headline_is_refused():
    """A file whose first line is a whole paragraph is refused rather than saved oddly."""
    with pytest.raises(WireError, match="too long for a headline"):
        parse_wire("word " * 100 + "\n\nBody.")


def test_a_megabyte_of_copy_is_refused_as_more_than_one_story():
    """A megabyte of copy is a feed, not a story: refused with a message saying to split it."""
    paragraph = 'Leonov said: "We are fine." Then "an unclosed quote that goes on and on'
    copy = "Headline\n\n" + "\n\n".join([paragraph] * 15000)
    assert len(copy.encode()) > 1024 * 1024
    with pytest.raises(WireError, match="more than one story"):
        parse_wire(copy)


def test_the_longest_story_allowed_parses():
    """Dense copy up to the limit, unclosed quotes and all, parses and yields its quotes."""
    paragraph = 'Leonov said: "We are fine." Then "an unclosed quote that goes on and on'
    copy = "Headline\n\n" + "\n\n".join([paragraph] * 2500)
    parsed = parse_wire(copy)
    assert len(quotes_in(*parsed.paragraphs[:300])) == 300
    assert detect_mentions(parsed.paragraphs[:300], known=KNOWN).people == [LEONOV]


def test_one_huge_unclosed_quote_parses():
    """A quote mark followed by the longest story allowed is ignored, not swallowed."""
    parsed = parse_wire('Headline\n\n"' + "word " * 39_000)
    assert quotes_in(*parsed.paragraphs) == []


# Quotes


def test_quote_then_name_said():
    """ "…," Leonov said — the speaker is Leonov, named in full as the directory knows him."""
    [quote] = quotes_in('"The hatch is closed," Leonov said.')
    assert (quote.text, quote.speaker_name, quote.matched) == (
        "The hatch is closed",
        "Alexei Leonov",
        LEONOV,
    )
    assert quote.confidence == "high" and "Leonov" in quote.evidence
    assert quote.attribution_text == "Leonov said"


def test_quote_then_said_name_with_role():
    """ "…," said cosmonaut Alexei Leonov — the role is kept in the attribution, not the name."""
    [quote] = quotes_in('"The hatch is closed," said cosmonaut Alexei Leonov.')
    assert quote.speaker_name == "Alexei Leonov"
    assert quote.attribution_text == "said cosmonaut Alexei Leonov"


def test_name_said_colon_quote():
    """Mia Ortiz told reporters: "…" — speaker and how it was said."""
    [quote] = quotes_in('Mia Ortiz told reporters: "We are go for launch."')
    assert (quote.speaker_name, quote.how, quote.matched) == ("Mia Ortiz", "told reporters", ORTIZ)


def test_partial_quote_inside_reported_speech():
    """Ortiz said the countdown was "smooth as silk" — a partial quote with a speaker."""
    [quote] = quotes_in('Ortiz said the countdown was "smooth as silk" on the day.')
    assert (quote.text, quote.speaker_name) == ("smooth as silk", "Mia Ortiz")


def test_she_told_agency_resolves_to_person_named_before():
    """ "…," she told AFP — "she" is the person named in the previous paragraph."""
    [quote] = quotes_in("Mia Ortiz ran the launch.", '"It went well," she told AFP.')
    assert (quote.speaker_name, quote.how, quote.matched) == ("Mia Ortiz", "told AFP", ORTIZ)
    assert quote.attribution_text == "she told AFP"


def test_pronoun_with_no_one_named_before_has_no_speaker():
    """ "…," he said with nobody named nearby leaves the speaker unknown."""
    [quote] = quotes_in("The launch went well.", '"It went well," he said.')
    assert quote.speaker_name is None
    assert quote.speaker_kind == "pronoun"
    assert not quote.is_attributed


def test_pronoun_reaches_two_paragraphs_back_but_no_further():
    """Wire copy often puts a paragraph between a name and its "she said"; two is too many."""
    [near] = quotes_in("Mia Ortiz ran the launch.", "It was cold.", '"It went well," she said.')
    assert near.speaker_name == "Mia Ortiz"
    [far] = quotes_in(
        "Mia Ortiz ran the launch.", "It was cold.", "It rained.", '"It went well," she said.'
    )
    assert far.speaker_name is None


def test_names_inside_a_quote_are_not_the_speaker():
    """In "I trust Leonov," he said, "he" is not Leonov."""
    [quote] = quotes_in('"I trust Leonov with my life," he said.')
    assert quote.speaker_name is None


def test_organization_statement_with_partial_quote():
    """NASA said on Twitter that the rover was "healthy" — NASA is the speaker."""
    [quote] = quotes_in('NASA said on Twitter that the rover was "healthy and driving".')
    assert (quote.speaker_name, quote.how, quote.matched) == ("NASA", "said on Twitter", NASA)


def test_reported_speech_without_quote_marks_is_not_a_quote():
    """NASA said on Twitter that … without quote marks makes no quote."""
    assert quotes_in("NASA said on Twitter that the rover was healthy.") == []


def test_the_agency_said_points_back_to_the_organization():
    """ "…," the agency said — the agency named earlier in the story."""
    paragraphs = ["NASA has a new rover.", "It landed.", '"All is well here," the agency said.']
    [quote] = quotes_in(*paragraphs)
    assert quote.matched is NASA


def test_speaker_introducing_the_quote_with_a_colon():
    """Ortiz's verdict was short: "…" — the sentence's subject said it."""
    [quote] = quotes_in('Ortiz’s verdict was short: "Every system worked as designed."')
    assert (quote.speaker_name, quote.matched) == ("Mia Ortiz", ORTIZ)


def test_adverb_between_speaker_and_verb():
    """Mia Ortiz later explained: "…" — the adverb does not hide the speaker."""
    [quote] = quotes_in('Mia Ortiz later explained: "We had no time to wait for advice."')
    assert (quote.speaker_name, quote.how) == ("Mia Ortiz", "explained")


def test_attribution_in_the_sentence_before():
    """Both teams, she notes, kept quiet. "…" — the quote is hers."""
    paragraph = 'Mia Ortiz has studied the race. Both teams, she notes, kept quiet. "Nobody wanted to be second."'
    [quote] = quotes_in(paragraph)
    assert quote.speaker_name == "Mia Ortiz"


def test_according_to():
    """ "…," according to Mia Ortiz — attributed to her."""
    [quote] = quotes_in('"We will try again on Friday," according to Mia Ortiz.')
    assert quote.speaker_name == "Mia Ortiz"


def test_nested_single_quotes_stay_in_the_quote():
    """A 'quote within a quote' is part of the quote's text."""
    [quote] = quotes_in("\"He shouted 'go, go, go' at the screen,\" Ortiz said.")
    assert quote.text == "He shouted 'go, go, go' at the screen"


def test_second_quote_in_a_paragraph_keeps_the_speaker():
    """ "…," Ortiz said, "…" — both halves are hers."""
    first, second = quotes_in('"We are ready," Ortiz said. "The weather is fine too."')
    assert first.speaker_name == second.speaker_name == "Mia Ortiz"


def test_quote_running_over_two_paragraphs():
    """A quote left open that continues in the next paragraph keeps its speaker."""
    first, second = quotes_in('Leonov said: "The first part was easy.', '"The rest was not."')
    assert first.speaker_name == second.speaker_name == "Alexei Leonov"


def test_unclosed_quote_is_ignored_and_later_quotes_still_found():
    """A quote mark that never closes does not swallow the quotes after it."""
    found = quotes_in(
        'Then "it all went quiet for a while.', 'Later: "We are back," said Mia Ortiz.'
    )
    assert [quote.text for quote in found] == ["We are back"]


def test_short_phrase_in_quotes_is_not_a_quote():
    """A nickname or title in quote marks is not taken for a quotation."""
    assert quotes_in('The crew called the capsule "the old lady" fondly.') == []


# Known people and organizations


def test_match_exact_name_or_alias_in_any_case():
    """Names and aliases match whatever their case."""
    assert KNOWN.match("alexei leonov") is LEONOV
    assert KNOWN.match("ALEXEY LEONOV") is LEONOV
    assert KNOWN.match("National Aeronautics and Space Administration") is NASA


@pytest.mark.parametrize("name", ["Alexey Leonov", "Alexei Leonev", "Gagrin", "Yuri Gagrin"])
def test_match_survives_small_spelling_differences(name):
    """Transliterations and typing slips still find the person."""
    assert KNOWN.match(name) in (LEONOV, GAGARIN)


def test_a_different_surname_is_a_different_person():
    """ "Anna Borg" is not the "Anna Berg" we know, however close the letters."""
    known = KnownEntities(people=[person("Anna Berg")])
    assert known.match("Anna Borg") is None
    assert known.match("Anna Berg") is not None


def test_surname_alone_matches_only_one_person():
    """A surname matches a full name, unless two people share it."""
    assert KNOWN.match("Leonov") is LEONOV
    twins = KnownEntities(people=[person("Anna Berg"), person("Tom Berg")])
    assert twins.match("Berg") is None


def test_numbers_in_names_must_agree():
    """Apollo 11 is not Apollo 12, however alike they look."""
    missions = KnownEntities(organizations=[person("Apollo 11 Crew")])
    assert missions.match("Apollo 12 Crew") is None
    assert missions.match("Apollo 11 crew") is not None


def test_unknown_names_match_nothing():
    assert KNOWN.match("Valentina Orlova") is None
    assert KNOWN.match("ESA") is None


@pytest.mark.django_db
def test_known_entities_from_database():
    """People and organizations come from the database with their aliases."""
    leonov = factories.make_person(name="Alexei Leonov", aliases=["Alexey Leonov"])
    tass = factories.make_organization(name="TASS")
    known = known_entities()
    assert (known.match("Alexey Leonov"), known.match("tass")) == (leonov, tass)


# Mentions


def test_mentions_of_known_people_and_organizations():
    """Known people and organizations are found wherever the copy names them."""
    mentions = detect_mentions(["Leonov and NASA met.", "Yuri Gagarin wrote."], known=KNOWN)
    assert mentions.people == [LEONOV, GAGARIN]
    assert mentions.organizations == [NASA]


def test_acronyms_are_suggested_as_organizations():
    """TASS and ESA are offered as organizations; US, TV and GMT are not."""
    mentions = detect_mentions(
        ["TASS reported it on US TV at 9 GMT.", "The ESA team agreed."], known=KNOWN
    )
    assert [(s.name, s.kind) for s in mentions.suggestions] == [
        ("TASS", "organization"), ("ESA", "organization"),
    ]  # fmt: skip


def test_names_after_roles_and_honorifics_are_suggested_as_people():
    """ "cosmonaut Pavel Belyayev", "President Okafor", "Dr Lin" are people to add."""
    mentions = detect_mentions(
        ["The cosmonaut Pavel Belyayev flew.", "Later President Okafor and Dr Lin spoke."],
        known=KNOWN,
    )
    assert {(s.name, s.kind) for s in mentions.suggestions} == {
        ("Pavel Belyayev", "person"), ("Okafor", "person"), ("Lin", "person"),
    }  # fmt: skip


def test_capitalised_sentence_openers_are_not_names():
    """ "Officials said" and "The crew" suggest nobody."""
    mentions = detect_mentions(["Officials said the crew was fine. The crew slept."], known=KNOWN)
    assert mentions.suggestions == []


# Import


@pytest.fixture
def leonov(db):
    return factories.make_person(name="Alexei Leonov", aliases=["Alexey Leonov"])


def test_import_creates_a_draft_with_linked_quotes(leonov, author, section, reporter):
    """The copy becomes a draft with byline, tags, section, mentions and linked quotes."""
    result = import_wire(COPY, user=reporter, section=section, author=author, tags=["Soyuz"])
    article = result.article
    assert article.status == Article.Status.DRAFT and article.publish_at is None
    assert (article.section, article.created_by, article.last_edited_by) == (
        section, reporter, reporter,
    )  # fmt: skip
    assert list(article.authors) == [author]
    assert list(article.tags.names()) == ["Soyuz"]
    assert list(article.people_mentioned.all()) == [leonov]
    quote = article.quotes.get()
    assert (quote.speaker_person, quote.how) == (leonov, "said")
    assert quote.attribution_text == "said Alexei Leonov"


def test_imported_slug_gets_a_suffix_when_taken(db):
    """A second story with the same headline gets "-2" on its address."""
    factories.make_article(slug="crew-lands-safely-after-record-mission")
    result = import_wire(COPY)
    assert result.article.slug == "crew-lands-safely-after-record-mission-2"


def test_dry_run_writes_nothing_and_still_checks(leonov):
    """A dry run reports quotes and findings but saves nothing."""
    result = import_wire(COPY, dry_run=True)
    assert result.article is None
    assert not Article.objects.exists() and not Quote.objects.exists()
    assert result.quotes[0].matched == leonov
    assert "missing_byline" in {finding.code for finding in result.findings}


def test_importing_the_same_copy_twice_reports_a_duplicate(db):
    """The second import of the same story points at the first and creates nothing."""
    first = import_wire(COPY).article
    second = import_wire(COPY.replace("\n", "\r\n"))
    assert second.duplicate_of == first and second.article is None
    assert Article.objects.count() == 1 and Quote.objects.count() == 1


def test_bad_copy_creates_nothing(db):
    """Copy that cannot be read raises WireError and leaves the database alone."""
    with pytest.raises(WireError):
        import_wire(b"\x00\x01binary")
    assert not Article.objects.exists()
