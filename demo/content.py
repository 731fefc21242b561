"""The demo newsroom's content, read from the data files beside this module.

`data/directory.json` holds the sections, people and organizations; `data/stories.json` holds
each story's metadata in publication order, and `data/stories/<slug>.md` its body in Markdown.
All of it is our own writing about the history of spaceflight.
"""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@cache
def directory() -> dict:
    """Return the sections, people and organizations of the demo newsroom."""
    return json.loads((DATA / "directory.json").read_text(encoding="utf-8"))


@cache
def stories() -> list[dict]:
    """Return the demo stories, each with its Markdown body, in publication order."""
    metadata = json.loads((DATA / "stories.json").read_text(encoding="utf-8"))
    return [
        {**story, "body": (DATA / "stories" / f"{story['slug']}.md").read_text("utf-8").rstrip()}
        for story in metadata
    ]
