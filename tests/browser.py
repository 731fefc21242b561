"""What the browser tests share: one Chromium per module, logging in, watched pages,
screenshots and the axe-core accessibility check.

A test module takes what it needs by name, so pytest finds the fixtures in it:

    from tests import browser as shared

    pytestmark = shared.browser_marks()
    browser = shared.browser
    open_page = shared.open_page
    roles = shared.roles  # autouse: the role groups exist in every test

The tests drive Debian's Chromium (/usr/bin/chromium) through Playwright; Playwright never
downloads a browser of its own here. When something is missing they skip, saying what to
install; with NEWSROOM_BROWSER_TESTS=required (CI) they fail instead.
"""

import os
import re
from pathlib import Path

import pytest
from django.apps import apps

from articles.roles import sync_roles

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # the dev extra not installed: the tests say so and skip
    expect = sync_playwright = None

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct-horse-battery"  # tests.factories.make_user's
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Seen by the page before any of its own scripts run; init scripts are not subject to the CSP.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def missing_tools(*, axe: bool = False) -> str:
    """Say what the browser tests lack on this machine, or "" when they can run."""
    if not CHROMIUM.exists():
        return "needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"
    if sync_playwright is None:
        return "needs Playwright for Python (pip install -e '.[dev]')"
    if axe and not AXE_SCRIPT.exists():
        return f"needs axe-core from npm at {AXE_SCRIPT} (run `npm ci` in {PROJECT_ROOT})"
    return ""


def browser_marks(*, axe: bool = False) -> list:
    """Return a browser test module's `pytestmark`; refuse to skip when CI requires the tests."""
    missing = missing_tools(axe=axe)
    if missing and os.environ.get("NEWSROOM_BROWSER_TESTS") == "required":
        # .ci/run installs everything and sets this, so CI fails here instead of skipping.
        raise RuntimeError(f"The browser tests are required but cannot run: {missing}")
    return [
        pytest.mark.browser,
        pytest.mark.django_db(transaction=True),  # the live server reads what the test wrote
        pytest.mark.skipif(bool(missing), reason=missing),
    ]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    with pytest.MonkeyPatch.context() as env, sync_playwright() as playwright:
        # Playwright's sync API runs an asyncio loop in this thread, so Django takes the
        # tests' own ORM calls for calls from async code and refuses them. They are plain
        # sync calls; allow them while this module's browser is open, and nowhere else.
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def roles(transactional_db):
    """Transactional tests flush the groups the data migrations made; make them again."""
    sync_roles(apps)


class Screenshots:
    """Numbered screenshots of one test's steps, kept as test artifacts."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.taken = 0
        for old in folder.glob("*.png"):  # a re-run starts its story afresh
            old.unlink()

    def take(self, page, step: str) -> Path:
        self.taken += 1
        path = self.folder / f"{self.taken:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower())}.png"
        page.screenshot(path=path, full_page=True)
        return path


def artifacts_folder(test_name: str) -> Path:
    """Return (and make) the folder for a test's screenshots: NEWSROOM_TEST_ARTIFACTS (a path
    relative to the project unless absolute; default test-artifacts), then browser/<test>."""
    root = PROJECT_ROOT / os.environ.get("NEWSROOM_TEST_ARTIFACTS", "test-artifacts")
    folder = root / "browser" / re.sub(r"[^\w.-]+", "-", test_name).strip("-")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Watched:
    """A page in a browser context of its own, whose console messages, uncaught errors and CSP
    violations are kept."""

    def __init__(self, page, screenshots: Screenshots, who: str):
        self.page = page
        self.screenshots = screenshots
        self.who = who
        self.console = []
        self.errors = []
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def shot(self, step: str) -> Path:
        """Keep a screenshot of the page as this step of the test."""
        return self.screenshots.take(self.page, f"{self.who}-{step}")

    def violations(self):
        return self.page.evaluate("window.__cspViolations")

    def assert_clean(self):
        """No CSP refusal on the console or as an event, and no script error."""
        refused = [
            line
            for line in self.console
            if "Content Security Policy" in line or "Refused to" in line
        ]
        assert refused == [], f"refused by the browser: {refused}"
        assert self.violations() == [], f"CSP violations: {self.violations()}"
        assert self.errors == [], f"script errors: {self.errors}"


@pytest.fixture
def open_page(browser, live_server, request):
    """Return a function that opens a page in a fresh browser context (its own cookies: a new
    visitor) on the live server. When the test fails, each page is screenshot once more, so the
    artifacts show where every visitor stood."""
    screenshots = Screenshots(artifacts_folder(request.node.name))
    contexts = []
    failed_before = request.session.testsfailed

    def open_page(who: str = "visitor") -> Watched:
        context = browser.new_context(base_url=live_server.url)
        context.add_init_script(RECORD_VIOLATIONS)
        context.set_default_timeout(10_000)
        contexts.append((context, who))
        return Watched(context.new_page(), screenshots, who)

    yield open_page
    # The test's outcome is reported before its fixtures are torn down.
    failed = request.session.testsfailed > failed_before
    for context, who in contexts:
        if failed:
            for page in context.pages:
                screenshots.take(page, f"{who}-when-the-test-failed")
        context.close()


@pytest.fixture
def watched(open_page):
    """A page for a visitor who is not logged in."""
    return open_page()


def log_in(watched: Watched, username: str) -> None:
    """Log in through the admin's login form, as the user would."""
    page = watched.page
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def axe_violations(page, tags=WCAG_22_AA) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations of the given rule tags.

    axe goes in through Playwright's page.evaluate, which the DevTools protocol runs outside
    the page's Content-Security-Policy: the page keeps its real policy (script-src 'self'), so
    axe sees exactly what a reader gets. A context with bypass_csp=True would have let the page
    apply inline styles the browser otherwise refuses and so check a different page, and a
    <script> tag would be refused by the policy.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        """async (tags) => {
          const results = await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
          });
          return results.violations.map((rule) => ({
            id: rule.id,
            impact: rule.impact,
            help: rule.help,
            helpUrl: rule.helpUrl,
            nodes: rule.nodes.map((node) => ({
              target: node.target.map(String).join(" "),
              html: node.html,
              summary: node.failureSummary,
            })),
          }));
        }""",
        tags,
    )


def describe_violations(violations: list[dict]) -> str:
    """Say what axe found, rule by rule and node by node, for a failure message."""
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']} <{rule['helpUrl']}>")
        for node in rule["nodes"]:
            lines.append(f"    {node['target']}    {node['html'][:160]}")
            summary = (node["summary"] or "").replace("\n", " ")
            if summary:
                lines.append(f"        {summary[:400]}")
    return "\n".join(lines)


def accessibility_report(watched: Watched, what: str) -> str:
    """Keep a screenshot of the page as it is now, run axe on it and return what it finds
    short of WCAG 2.2 AA, or "" when nothing."""
    watched.shot(what)
    violations = axe_violations(watched.page)
    if not violations:
        return ""
    return (
        f"{what} ({watched.page.url}): {len(violations)} WCAG 2.2 AA violation(s)\n"
        + describe_violations(violations)
    )


def assert_accessible(reports: list[str]) -> None:
    """Fail with every page's violations unless all the reports are empty."""
    found = [report for report in reports if report]
    if found:
        pytest.fail("\n\n".join(found))
