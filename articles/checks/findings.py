"""What a check reports: a finding with a severity, a code, a message and the passage."""

from __future__ import annotations

from dataclasses import dataclass


class Severity:
    BLOCKER = "blocker"  # must be fixed before publishing
    WARNING = "warning"  # an editor should look
    NOTE = "note"  # worth a glance; heuristics that are often fine


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    passage: str = ""


def blocker(code: str, message: str, passage: str = "") -> Finding:
    return Finding(Severity.BLOCKER, code, message, passage)


def warning(code: str, message: str, passage: str = "") -> Finding:
    return Finding(Severity.WARNING, code, message, passage)


def note(code: str, message: str, passage: str = "") -> Finding:
    return Finding(Severity.NOTE, code, message, passage)


def blockers(findings: list[Finding]) -> list[Finding]:
    """Return the findings that stop an article from being published."""
    return [finding for finding in findings if finding.severity == Severity.BLOCKER]


def excerpt(text: str, limit: int = 80) -> str:
    """Return the text cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
