"""Score the copy desk on the evaluation corpus in bench/eval/ (written by someone who never
saw the checker).

    .venv/bin/python bench/bench_eval.py --split tune [-v]
    .venv/bin/python bench/bench_eval.py --split holdout     (once, at the end)

Each story is read as a dry-run wire import would read it: parsed, its quotes and names
extracted, the checks run on it, with a byline and a tag so that only the copy is judged and
with an empty directory of known names (copy the newsroom has never seen). Measures, as in
the issue that asked for them:

- planted defects caught: a finding with the defect's code whose passage overlaps it;
- false blockers: blockers matching no planted defect (and all blockers on clean stories);
- quote found: an annotated quote whose opening words an extracted quote has;
- speaker right: for a found quote, the extracted speaker is a form of the annotated one
  (or both are nobody);
- names found / precision: annotated people and organizations found by any of their forms /
  extracted names that are a form of an annotated one;
- kind right: found names labelled person or organization as annotated.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench_checks import set_up_django  # noqa: E402 - the same in-memory database

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / "eval" / "stories"

# Annotated defect codes and the finding codes that catch them.
CATCHES = {
    "unattributed_quote": {"unattributed_quote"},
    "ambiguous_speaker": {"ambiguous_speaker", "unattributed_quote"},
    "name_spelled_two_ways": {"name_spelled_two_ways"},
    "boilerplate": {"boilerplate"},
    "repeated_fact": {"repeated_fact"},
    "incomplete_sentence": {"incomplete_sentence"},
    "relative_day": {"relative_day"},
    "unclosed_quote": {"unclosed_quote"},
}


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).casefold()


def overlaps(passage: str, planted: str) -> bool:
    a, b = fold(passage), fold(planted)
    if not a or not b:
        return False
    return a in b or b in a or a[:30] in b or b[:30] in a


@dataclass
class Score:
    planted: int = 0
    caught: int = 0
    false_blockers: int = 0
    clean_blockers: int = 0
    clean_stories: int = 0
    clean_warnings: Counter = field(default_factory=Counter)
    quotes: int = 0
    quotes_found: int = 0
    speakers_right: int = 0
    entities: int = 0
    entities_found: int = 0
    names_extracted: int = 0
    names_correct: int = 0
    kinds_checked: int = 0
    kinds_right: int = 0
    missed: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)


def forms_of(entity: dict) -> set[str]:
    return {fold(form) for form in [entity["name"], *entity.get("forms", [])]}


def entity_for(name: str, entities: list[dict]) -> dict | None:
    """Return the annotated entity `name` is a form of (whole form, or a word of a name)."""
    key = fold(name)
    for entity in entities:
        if key in forms_of(entity):
            return entity
    for entity in entities:
        forms = forms_of(entity)
        if len(key) > 3 and any(key in form.split() or form in key for form in forms):
            return entity
    return None


def score_story(path: Path, score: Score, verbose: bool) -> None:
    from articles.checks import CheckInput, run_checks
    from articles.checks.story import Story
    from copytext import KnownEntities, extract_quotes, parse_wire

    notes = json.loads(path.with_suffix(".json").read_text())
    parsed = parse_wire(path.read_bytes())
    known = KnownEntities()
    quotes = extract_quotes(parsed.paragraphs, known=known)
    data = CheckInput.from_wire(parsed, quotes=quotes, has_byline=True, tags=("x",), known=known)
    findings = run_checks(data)
    story = Story(data)
    name = path.stem

    # Defects.
    for defect in notes["defects"]:
        score.planted += 1
        codes = CATCHES.get(defect["code"], {defect["code"]})
        if any(f.code in codes and overlaps(f.passage, defect["passage"]) for f in findings):
            score.caught += 1
        else:
            score.missed[defect["code"]] += 1
            score.errors.append(f"{name}: missed {defect['code']}: {defect['passage'][:70]!r}")
    planted_blockers = [d for d in notes["defects"]]
    for finding in findings:
        if finding.severity != "blocker":
            continue
        matched = any(
            finding.code in CATCHES.get(d["code"], {d["code"]})
            and overlaps(finding.passage, d["passage"])
            for d in planted_blockers
        )
        if notes["clean"]:
            score.clean_blockers += 1
        if not matched:
            score.false_blockers += 1
            score.errors.append(f"{name}: false blocker {finding.code}: {finding.message[:110]}")
    score.clean_stories += notes["clean"]
    if notes["clean"]:
        # Not about the copy: every speaker is unlinked in a newsroom that knows nobody yet.
        not_copy = {"unlinked_speaker", "missing_standfirst"}
        score.clean_warnings.update(
            f.code for f in findings if f.severity == "warning" and f.code not in not_copy
        )

    # Quotes and speakers.
    for quote in notes["quotes"]:
        score.quotes += 1
        opening = fold(quote["text"])[:30]
        found = next((q for q in quotes if opening[:25] in fold(q.text)), None)
        if found is None:
            score.errors.append(f"{name}: quote not found: {quote['text'][:60]!r}")
            continue
        score.quotes_found += 1
        expected = quote["speaker"]
        got = found.speaker_name
        if expected is None:
            right = got is None
        else:
            entity = next((e for e in notes["entities"] if fold(e["name"]) == fold(expected)), None)
            right = got is not None and (
                (entity is not None and entity_for(got, [entity]) is not None)
                or fold(got) == fold(expected)
            )
        score.speakers_right += right
        if not right:
            score.errors.append(
                f"{name}: speaker {got!r} (wanted {expected!r}) for {quote['text'][:50]!r}"
            )

    # Names and kinds.
    extracted = {}
    for span in story.names:
        if span.kind:  # people and organizations, not the names of things
            extracted.setdefault(fold(span.text), span)
    entities = notes["entities"]
    found_entities = set()
    for span in extracted.values():
        score.names_extracted += 1
        entity = entity_for(span.text, entities)
        if entity is None:
            if verbose:
                score.errors.append(f"{name}: not a name: {span.text!r} ({span.kind})")
            continue
        score.names_correct += 1
        found_entities.add(entity["name"])
        if span.kind:
            score.kinds_checked += 1
            if span.kind == entity["kind"]:
                score.kinds_right += 1
            else:
                score.errors.append(f"{name}: {span.text!r} is a {entity['kind']}, not {span.kind}")
    score.entities += len(entities)
    score.entities_found += len(found_entities)
    for entity in entities:
        if entity["name"] not in found_entities and verbose:
            score.errors.append(f"{name}: name missed: {entity['name']!r}")


def percent(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.0f} %)" if whole else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "holdout", "fresh"], required=True)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args()
    set_up_django()
    score = Score()
    stories = sorted(CORPUS.glob("*.txt"))
    chosen = [
        path
        for path in stories
        if path.with_suffix(".json").exists()
        and json.loads(path.with_suffix(".json").read_text())["split"] == args.split
    ]
    for path in chosen:
        score_story(path, score, args.verbose)
    print(f"Copy desk on the {args.split} half of bench/eval ({len(chosen)} stories)\n")
    print("| measure | result |\n|---|---|")
    print(f"| planted defects caught | {percent(score.caught, score.planted)} |")
    print(
        f"| false blockers | {score.false_blockers} in {len(chosen)} stories; "
        f"{score.clean_blockers} on the {score.clean_stories} clean ones |"
    )
    print(f"| quote found | {percent(score.quotes_found, score.quotes)} |")
    print(f"| speaker right | {percent(score.speakers_right, score.quotes_found)} |")
    print(
        f"| names found / precision | {percent(score.entities_found, score.entities)} / "
        f"{percent(score.names_correct, score.names_extracted)} |"
    )
    print(f"| person vs organization label | {percent(score.kinds_right, score.kinds_checked)} |")
    warned = sum(score.clean_warnings.values())
    print(f"| false warnings on the clean stories | {warned} {dict(score.clean_warnings)} |")
    if score.missed:
        print("\nMissed defects by kind:", dict(score.missed))
    if args.verbose:
        print("\n" + "\n".join(score.errors))


if __name__ == "__main__":
    main()
