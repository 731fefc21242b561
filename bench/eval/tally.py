#!/usr/bin/env python3
"""Check the evaluation corpus and print counts.

Run: python3 bench/eval/tally.py  (from the repository root or anywhere)
Checks that every annotation parses, that every quote text, defect passage,
entity form and not_entity occurs verbatim in its story, and prints counts
per split, agency, beat and defect kind.
"""

import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
STORIES = HERE / "stories"
AGENCIES = {"AP", "Reuters", "AFP", "dpa", "PA Media"}
BEATS = {
    "politics",
    "business",
    "courts",
    "sport",
    "science",
    "weather",
    "culture",
    "local_government",
    "technology",
    "diplomacy",
}
CODES = {
    "unattributed_quote",
    "ambiguous_speaker",
    "name_spelled_two_ways",
    "boilerplate",
    "repeated_fact",
    "incomplete_sentence",
    "relative_day",
    "unclosed_quote",
}
RELDAY = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|tomorrow|tonight|last night|this week|last week|next week)\b",
    re.I,
)


def main():
    errors, warnings = [], []
    rows = []
    txts = sorted(STORIES.glob("*.txt"))
    for txt in txts:
        stem = txt.stem
        js = txt.with_suffix(".json")
        if not js.exists():
            errors.append(f"{stem}: no json")
            continue
        text = txt.read_text(encoding="utf-8")
        try:
            ann = json.loads(js.read_text(encoding="utf-8"))
        except Exception as e:  # noqa
            errors.append(f"{stem}: json error {e}")
            continue
        num = int(stem[:2])
        want_split = "tune" if num <= 22 else "holdout" if num <= 44 else "fresh"
        if ann.get("split") != want_split:
            errors.append(f"{stem}: split {ann.get('split')} != {want_split}")
        if ann.get("agency") not in AGENCIES:
            errors.append(f"{stem}: agency {ann.get('agency')}")
        if ann.get("beat") not in BEATS:
            errors.append(f"{stem}: beat {ann.get('beat')}")
        defects = ann.get("defects", [])
        if ann.get("clean") != (len(defects) == 0):
            errors.append(f"{stem}: clean flag disagrees with defects")
        words = len(text.split())
        if not 300 <= words <= 900:
            errors.append(f"{stem}: {words} words")
        paras = [p for p in text.split("\n\n") if p.strip()]
        dl = ann.get("dateline")
        if dl is not None:
            body = paras[1:]
            if not any(p.startswith(dl) for p in body[:2]):
                errors.append(f"{stem}: dateline {dl!r} not at start of body")
        names = {e["name"] for e in ann.get("entities", [])}
        for q in ann.get("quotes", []):
            if q["text"] not in text:
                errors.append(f"{stem}: quote text not found: {q['text'][:60]!r}")
            elif text.count(q["text"]) > 1:
                warnings.append(f"{stem}: quote text occurs twice: {q['text'][:50]!r}")
            if (
                len(q["text"]) < 40
                and q["text"] + '"' not in text
                and q["text"] + "\u201d" not in text
                and q["text"] + ',"' not in text
                and q["text"] + ",\u201d" not in text
                and q["text"] + '."' not in text
                and q["text"] + ".\u201d" not in text
            ):
                warnings.append(f"{stem}: short quote text may be a prefix: {q['text']!r}")
            sp = q.get("speaker")
            if sp is not None and sp not in names:
                errors.append(f"{stem}: speaker {sp!r} not among entities")
            if sp is None and q.get("speaker_kind") is not None:
                errors.append(f"{stem}: null speaker with kind")
        for e in ann.get("entities", []):
            if e.get("kind") not in {"person", "organization"}:
                errors.append(f"{stem}: entity kind {e}")
            for f in e.get("forms", []):
                if f not in text:
                    errors.append(f"{stem}: form not found: {f!r} ({e['name']})")
            if e["name"] not in text:
                warnings.append(f"{stem}: entity name not verbatim in text: {e['name']!r}")
        for n in ann.get("not_entities", []):
            if n not in text:
                errors.append(f"{stem}: not_entity not found: {n!r}")
        for d in defects:
            if d["code"] not in CODES:
                errors.append(f"{stem}: bad code {d['code']}")
            if d["passage"] not in text:
                errors.append(f"{stem}: passage not found: {d['passage']!r}")
            elif text.count(d["passage"]) > 1:
                warnings.append(f"{stem}: passage occurs more than once: {d['passage']!r}")
            if d["code"] == "relative_day" and dl is not None:
                errors.append(f"{stem}: relative_day in a datelined story")
        if dl is None:
            planted = [d["passage"] for d in defects if d["code"] == "relative_day"]
            for m in RELDAY.finditer(text):
                if not any(m.group(0) in p for p in planted):
                    warnings.append(
                        f"{stem}: relative day {m.group(0)!r} in undatelined story, not annotated"
                    )
        rows.append((stem, ann, words, len(ann.get("quotes", []))))

    for e in errors:
        print("ERROR", e)
    for w in warnings:
        print("warn ", w)
    print(f"\n{len(rows)} stories checked, {len(errors)} errors, {len(warnings)} warnings\n")
    if "--counts" not in sys.argv and errors:
        return 1

    def table(title, key):
        c = collections.Counter()
        for _, ann, _, _ in rows:
            for k in key(ann):
                c[(k, ann["split"])] += 1
        keys = sorted({k for k, _ in c})
        print(f"{title:22} {'tune':>5} {'holdout':>8} {'fresh':>6} {'total':>6}")
        for k in keys:
            t, h, f = c[(k, "tune")], c[(k, "holdout")], c[(k, "fresh")]
            print(f"{k:22} {t:5} {h:8} {f:6} {t + h + f:6}")
        print()

    table("split", lambda a: [a["split"]])
    table("agency", lambda a: [a["agency"]])
    table("beat", lambda a: [a["beat"]])
    table("clean", lambda a: ["clean" if a["clean"] else "with defects"])
    table("defect (instances)", lambda a: [d["code"] for d in a["defects"]])
    table("defect (stories)", lambda a: sorted({d["code"] for d in a["defects"]}))
    table("dateline", lambda a: ["none" if a["dateline"] is None else "present"])
    words = [w for _, _, w, _ in rows]
    nq = sum(q for _, _, _, q in rows)
    ne = sum(len(a["entities"]) for _, a, _, _ in rows)
    print(f"words: min {min(words)}, max {max(words)}, total {sum(words)}")
    print(
        f"quotes annotated: {nq}; null-speaker quotes: "
        f"{sum(1 for _, a, _, _ in rows for q in a['quotes'] if q['speaker'] is None)}; entities: {ne}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
