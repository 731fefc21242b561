"""The copy desk reads copy with spaCy: speakers it can stand behind, blockers only when sure."""

import subprocess
import sys
from pathlib import Path

import pytest

from articles import revisions, workflow
from articles.checks import CheckInput, run_checks
from articles.models import Article
from copytext import KnownEntities, extract_quotes, parse_wire
from tests import factories

ROOT = Path(__file__).resolve().parent.parent


def quotes_in(*paragraphs):
    return extract_quotes(list(paragraphs), known=KnownEntities())


def findings_for(body, **fields):
    data = CheckInput(
        headline=fields.get("headline", "A headline"),
        standfirst="A summary of the story.",
        body=body,
        dateline=fields.get("dateline", "LISBON"),
        has_byline=True,
        tags=("News",),
        known=KnownEntities(),
    )
    return run_checks(data)


def test_the_model_is_not_loaded_by_commands_that_do_not_read_copy():
    """Starting Django (every manage.py command) never imports spaCy."""
    code = (
        "import django, os, sys; os.environ['DJANGO_SETTINGS_MODULE'] = 'newsroom.settings'; "
        "django.setup(); print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_colon_lead_in_attributes_a_quote_over_several_paragraphs():
    """A lead-in ending in a colon names the speaker of every paragraph of the quote."""
    first, second = quotes_in(
        "Kayla Brennan, a physical therapist, described the last miles:",
        '"I knew at 20 miles that I could not catch her.',
        '"I did not fall apart, and I will be smiling for a week."',
    )
    assert first.speaker_name == second.speaker_name == "Kayla Brennan"
    assert first.confidence and first.evidence


def test_she_said_skips_a_man_named_closer():
    """A pronoun agrees in gender: "she" is not the man named just before it."""
    [quote] = quotes_in(
        "Mrs Ana Lind chairs the board. Mr Tomas Berg, her deputy, spoke first.",
        '"We will not sell the company," she said.',
    )
    assert quote.speaker_name == "Ana Lind"


def test_two_ministers_make_the_minister_ambiguous():
    """ "the minister said" with two ministers named is a warning naming both, not a guess."""
    findings = findings_for(
        "Finance Minister Mikkel Brandt and Labour Minister Henrik Dahl met on Monday.\n\n"
        'Afterwards, the minister said: "We had a frank exchange of views on pensions."'
    )
    [ambiguous] = [f for f in findings if f.code == "ambiguous_speaker"]
    assert ambiguous.severity == "warning"
    assert "Mikkel Brandt" in ambiguous.message and "Henrik Dahl" in ambiguous.message
    assert not [f for f in findings if f.severity == "blocker"]


def test_a_pronoun_with_nobody_before_it_is_a_warning_not_a_blocker():
    """ "she said" is a speaker the desk cannot place, not a missing one: a person decides."""
    findings = findings_for('"We will be back next year with a bigger team," she said.')
    [finding] = [f for f in findings if f.code == "unattributed_quote"]
    assert finding.severity == "warning"
    assert "nobody who fits is named before it" in finding.message


def test_a_quote_with_no_speaker_at_all_is_a_blocker():
    findings = findings_for('"We will be back next year with a bigger team."')
    assert [f.code for f in findings if f.severity == "blocker"] == ["unattributed_quote"]


def test_a_hyphenated_surname_is_one_person_whom_a_pronoun_takes_up():
    """The model may call "Amara Osei-Bonsu" an organization; "she said" and "the
    sixth-former" show she is a person, and her quote is hers."""
    quotes = quotes_in(
        "Seventeen-year-old Amara Osei-Bonsu won the title in Nottingham.",
        'Osei-Bonsu took up rowing four years ago. "My mum would kill me if I didn\'t," she said.',
    )
    assert [q.speaker_name for q in quotes] == ["Amara Osei-Bonsu"]


def test_a_book_title_in_quote_marks_is_not_a_quote():
    """ "Small Hours at the Harbour" names a novel; nobody needs to be said to say it."""
    assert quotes_in('Her novel "Small Hours at the Harbour" won the prize on Friday.') == []


def test_mother_and_son_are_not_a_spelling_mistake():
    """Lewandowska and Lewandowski are two people in Polish, not one name spelled two ways."""
    findings = findings_for(
        "Marek Lewandowski, 52, was sentenced on Tuesday. His mother, Halina Lewandowska, "
        "wept in court.\n\nLewandowski's lawyer said he would appeal."
    )
    assert not [f for f in findings if f.code == "name_spelled_two_ways"]


def test_a_transliteration_of_one_surname_is_flagged():
    """Hnatyuk and Gnatyuk for the same striker is one name spelled two ways."""
    findings = findings_for(
        "Striker Oleh Hnatyuk scored three goals on Saturday.\n\n"
        "Gnatyuk, 24, joined the club last summer from Kharkiv."
    )
    assert [f.passage for f in findings if f.code == "name_spelled_two_ways"]


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("LISBON, March 3 (Reuters) - The bank cut rates.", "LISBON"),
        ("MILWAUKEE (AP) — The runners set off at dawn.", "MILWAUKEE"),
        ("Kassel (dpa) - The trial opened on Monday.", "Kassel"),
        ("NAIROBI, Kenya (AFP) - The vaccine was approved.", "NAIROBI"),
        ("EINDHOVEN, Netherlands, Oct 24 (Reuters) - Voltara cut jobs.", "EINDHOVEN"),
    ],
)
def test_agency_datelines_are_recognised(first_paragraph, place):
    parsed = parse_wire(f"A headline\n\n{first_paragraph}\n\nMore copy follows here.")
    assert parsed.dateline == place
    assert not parsed.paragraphs[0].startswith(place)


def test_relative_days_are_fine_under_a_dateline():
    """ "on Tuesday" needs no note when an agency dateline says where and when."""
    parsed = parse_wire("A headline\n\nLISBON, March 3 (Reuters) - The bank acted on Tuesday.")
    data = CheckInput.from_wire(parsed, has_byline=True, tags=("x",), known=KnownEntities())
    assert not [f for f in run_checks(data) if f.code == "relative_day"]


@pytest.mark.django_db
def test_approval_reads_the_findings_stored_at_the_last_save(
    in_review, reviewer, monkeypatch, django_capture_on_commit_callbacks
):
    """With counts stored for the current version and no blocker, approval reads no copy."""
    revisions.refresh_derived_data(in_review.pk)
    in_review.refresh_from_db()
    assert in_review.findings_version == in_review.version

    def must_not_run(*args, **kwargs):
        raise AssertionError("the copy desk ran again on unchanged content")

    monkeypatch.setattr("articles.checks.run_checks", must_not_run)
    assert workflow.approve(in_review, reviewer).status == Article.Status.PUBLISHED


@pytest.mark.django_db
def test_a_proposed_update_is_checked_before_it_goes_live(
    client, reporter, reviewer, second_reviewer, section
):
    """An update adding an unattributed quote needs a reason to approve; the reason is logged."""
    story = factories.make_article(section=section, created_by=reporter)
    story = workflow.approve(workflow.submit(story, reporter), reviewer)
    content = revisions.snapshot(story)
    content["body"] += '\n\n"We will be back next year with a bigger team."'
    proposal = workflow.propose_update(story, reporter, content)
    with pytest.raises(workflow.TransitionError, match="blocker"):
        workflow.approve_update(proposal, second_reviewer)
    workflow.approve_update(proposal, second_reviewer, override_reason="Quote from our own notes.")
    event = story.events.get(action="articles.approve_update")
    assert event.override_reason == "Quote from our own notes."


@pytest.mark.django_db
def test_an_edit_while_the_copy_desk_reads_stops_the_approval(
    in_review, editor, reviewer, monkeypatch, settings
):
    """The checks run before the row is locked; a save in between means look again."""
    settings.NEWSROOM_REAPPROVE_ON_EDIT = False
    real = workflow.transitions.standing_blockers

    def edited_meanwhile(article):
        workflow.save_article(article, editor, expected_version=article.version, body="New.")
        return real(article)

    monkeypatch.setattr(workflow.transitions, "standing_blockers", edited_meanwhile)
    with pytest.raises(workflow.TransitionError, match="changed while you were approving"):
        workflow.approve(in_review, reviewer)
    assert Article.objects.get(pk=in_review.pk).status == Article.Status.IN_REVIEW


@pytest.mark.django_db
def test_the_change_form_shows_how_each_quote_was_read(client, editor, section):
    """Beside the findings, the editor sees each quote's speaker, how sure, and why."""
    story = factories.make_article(
        section=section,
        body='Mia Ortiz ran the launch.\n\n"Every system worked as designed," Ortiz said.',
    )
    client.force_login(editor)
    page = client.get(f"/admin/articles/article/{story.pk}/change/").content.decode()
    assert "Quotes and who the copy desk reads as saying them" in page
    assert "<td>Mia Ortiz</td>" in page
    assert "<td>high</td>" in page
