"""Revisions: append-only snapshots of an article's editorial content, their diffs, and restores.

A snapshot is plain JSON (ids plus names), so a revision still reads correctly after the people
or tags it mentions are renamed. `apply_content` writes a snapshot back to the article and its
relations; it is how restores and approved updates change a story.
"""

import difflib
import re
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django_tasks import task

from articles import checks, search
from articles.background import retry
from articles.models import Article, Byline, Quote, RelatedPick, Revision
from people.models import Organization, Person

TEXT_FIELDS = [
    "headline",
    "standfirst",
    "body",
    "kind",
    "dateline",
    "hero_alt",
    "hero_caption",
    "hero_credit",
]
FIELD_LABELS = {
    "headline": "Headline",
    "standfirst": "Standfirst",
    "body": "Body",
    "kind": "Kind",
    "dateline": "Dateline",
    "section": "Section",
    "byline": "Byline",
    "tags": "Tags",
    "quotes": "Quotes",
    "people": "People mentioned",
    "organizations": "Organizations mentioned",
    "related": "Related stories",
    "hero_image": "Hero image",
    "hero_alt": "Hero image alt text",
    "hero_caption": "Hero image caption",
    "hero_credit": "Hero image credit",
}
QUOTE_FIELDS = [
    "text",
    "speaker_person",
    "speaker_organization",
    "how",
    "where",
    "attribution_text",
    "is_pull_quote",
]


def snapshot(article: Article) -> dict:
    """Return the article's editorial content as JSON-ready data (reads the database)."""
    content = {field: getattr(article, field) for field in TEXT_FIELDS}
    content["hero_image"] = article.hero_image.name or ""
    content["section"] = _ref(article.section)
    content["byline"] = [
        _ref(b.person) for b in article.bylines.select_related("person").order_by("position", "id")
    ]
    content["tags"] = sorted(article.tags.names(), key=str.lower)
    content["people"] = [_ref(p) for p in article.people_mentioned.order_by("name")]
    content["organizations"] = [_ref(o) for o in article.organizations_mentioned.order_by("name")]
    content["related"] = [
        {"id": pick.target_id, "name": pick.target.headline}
        for pick in article.picks.select_related("target").order_by("position", "id")
    ]
    content["quotes"] = [
        {
            "text": quote.text,
            "speaker_person": _ref(quote.speaker_person),
            "speaker_organization": _ref(quote.speaker_organization),
            "how": quote.how,
            "where": quote.where,
            "attribution_text": quote.attribution_text,
            "is_pull_quote": quote.is_pull_quote,
        }
        for quote in article.quotes.select_related(
            "speaker_person", "speaker_organization"
        ).order_by("position", "id")
    ]
    return content


def _ref(obj) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.pk, "name": str(obj)}


def record(
    article: Article,
    user,
    *,
    kind: str = Revision.Kind.SAVED,
    transition: str = "",
    based_on=None,
    content=None,
    written_by=None,
    changed: bool | None = None,
) -> Revision:
    """Store a new revision of the article (call inside the transaction that saved it).

    `written_by` is the account that wrote this content (none for a transition, which writes
    none); it is recorded with the accounts linked to the byline at this moment, so the
    four-eyes rule never depends on links that can change later. `changed` says whether the
    content differs from the latest revision, when the caller has already compared them.
    """
    last = article.revisions.aggregate(last=Max("number"))["last"] or 0
    content = content if content is not None else snapshot(article)
    if kind != Revision.Kind.PROPOSED:
        # Every save passes here, so the search index and the copy-desk counts stay current;
        # a transition that leaves the text as it was has nothing to re-index or re-check. The
        # work waits for the commit: nobody holds the story's lock while the copy desk reads.
        if changed is None:
            previous = latest(article)
            changed = previous is None or previous.content != content
        if changed:
            transaction.on_commit(partial(refresh_later.enqueue, article.pk))
    return Revision.objects.create(
        article=article,
        number=last + 1,
        kind=kind,
        content=content,
        version=article.version,
        transition=transition,
        based_on=based_on,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        authors=authors_of(content, written_by),
    )


def authors_of(content: dict, written_by) -> list[int]:
    """Return the ids of who wrote `content`: `written_by` and the accounts linked to its byline."""
    if written_by is None:
        return []
    byline = [ref["id"] for ref in content.get("byline", []) if ref]
    linked = Person.objects.filter(pk__in=byline, user__isnull=False).values_list("user", flat=True)
    writer = [written_by.pk] if getattr(written_by, "is_authenticated", False) else []
    return sorted({*writer, *linked})


def refresh_derived_data(article_id: int) -> None:
    """Re-index the article for search and recount its copy-desk findings."""
    article = Article.objects.filter(pk=article_id).first()
    if article is not None:  # a draft deleted in the meantime has nothing to refresh
        search.index_article(article)
        count_findings(article)


@task()
def refresh_later(article_id: int, attempt: int = 1) -> None:
    """`refresh_derived_data` in the background, once the save has committed."""
    try:
        refresh_derived_data(article_id)
    except Exception:
        retry(refresh_later, article_id, attempt=attempt)


def count_findings(article: Article) -> None:
    """Store how many blockers and warnings the copy desk finds (shown in the review queue)."""
    findings = checks.run_checks(article)
    article.blocker_count = sum(f.severity == "blocker" for f in findings)
    article.warning_count = sum(f.severity == "warning" for f in findings)
    article.findings_version = article.version
    Article.objects.filter(pk=article.pk).update(
        blocker_count=article.blocker_count,
        warning_count=article.warning_count,
        findings_version=article.version,
    )


def latest(article: Article) -> Revision | None:
    """Return the newest revision that describes the live content (not a pending proposal)."""
    return article.revisions.exclude(kind=Revision.Kind.PROPOSED).order_by("-number").first()


def at_version(article: Article, version: int) -> Revision | None:
    """Return the revision describing the article as it was at this version."""
    return (
        article.revisions.exclude(kind=Revision.Kind.PROPOSED)
        .filter(version__lte=version)
        .order_by("-number")
        .first()
    )


def apply_content(article: Article, content: dict) -> Article:
    """Write a snapshot's content to the article and its relations (saving both).

    Restores and approved updates pass it to `workflow.saving.save_content`, which checks the
    version, records the revision and logs the event.
    """
    for field in TEXT_FIELDS:
        setattr(article, field, content.get(field, ""))
    article.hero_image = content.get("hero_image", "")
    article.section_id = (content.get("section") or {}).get("id")
    article.save()
    people = Person.objects.in_bulk(
        [ref["id"] for ref in content.get("byline", []) + content.get("people", [])]
    )
    organizations = Organization.objects.in_bulk(
        [ref["id"] for ref in content.get("organizations", [])]
    )
    article.bylines.all().delete()
    Byline.objects.bulk_create(
        Byline(article=article, person=people[ref["id"]], position=index)
        for index, ref in enumerate(content.get("byline", []))
        if ref["id"] in people
    )
    article.people_mentioned.set(
        [people[r["id"]] for r in content.get("people", []) if r["id"] in people]
    )
    article.organizations_mentioned.set(
        [
            organizations[r["id"]]
            for r in content.get("organizations", [])
            if r["id"] in organizations
        ]
    )
    article.tags.set(content.get("tags", []))
    targets = Article.objects.in_bulk([ref["id"] for ref in content.get("related", [])])
    article.picks.all().delete()
    RelatedPick.objects.bulk_create(
        RelatedPick(article=article, target=targets[ref["id"]], position=index)
        for index, ref in enumerate(content.get("related", []))
        if ref["id"] in targets and ref["id"] != article.pk
    )
    article.quotes.all().delete()
    speakers = Person.objects.in_bulk(
        [q["speaker_person"]["id"] for q in content.get("quotes", []) if q.get("speaker_person")]
    )
    agencies = Organization.objects.in_bulk(
        [
            q["speaker_organization"]["id"]
            for q in content.get("quotes", [])
            if q.get("speaker_organization")
        ]
    )
    Quote.objects.bulk_create(
        Quote(
            article=article,
            text=q["text"],
            speaker_person=speakers.get((q.get("speaker_person") or {}).get("id")),
            speaker_organization=agencies.get((q.get("speaker_organization") or {}).get("id")),
            how=q.get("how", ""),
            where=q.get("where", ""),
            attribution_text=q.get("attribution_text", ""),
            is_pull_quote=q.get("is_pull_quote", False),
            position=index,
        )
        for index, q in enumerate(content.get("quotes", []))
    )
    return article


# Diffs.


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    html: SafeString


WORDS = re.compile(r"\S+\s*|\s+")


def field_as_text(content: dict, field: str) -> str:
    """Return one field of a snapshot as readable text."""
    value = content.get(field)
    if field == "quotes":
        lines = []
        for quote in value or []:
            speaker = (quote.get("speaker_person") or quote.get("speaker_organization") or {}).get(
                "name"
            )
            lines.append(
                f"“{quote['text']}” — {speaker or 'unattributed'} {quote.get('how', '')}".strip()
            )
        return "\n".join(lines)
    if isinstance(value, list):
        return ", ".join(item["name"] if isinstance(item, dict) else str(item) for item in value)
    if isinstance(value, dict):
        return value.get("name", "")
    return "" if value is None else str(value)


def diff_words(old: str, new: str) -> SafeString:
    """Return an HTML word-level diff of two texts; every piece of text is escaped."""
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    pieces = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(old_words[a1:a2]), "".join(new_words[b1:b2])
        if operation == "equal":
            pieces.append(escape(removed))
            continue
        if removed:
            pieces.append(format_html("<del>{}</del>", removed))
        if added:
            pieces.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308 - built from escaped parts


def diff(old: dict, new: dict) -> list[FieldDiff]:
    """Return the changed fields between two snapshots, each as an escaped word-level diff."""
    changes = []
    for field, label in FIELD_LABELS.items():
        before, after = field_as_text(old, field), field_as_text(new, field)
        if before != after:
            changes.append(FieldDiff(field=field, label=label, html=diff_words(before, after)))
    return changes
