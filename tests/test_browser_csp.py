"""In a real Chromium, the admin and the public pages work under the Content-Security-Policy.

The browser reports every blocked script, style or request: on the console ("Refused to …
because it violates the following Content Security Policy directive") and as a
`securitypolicyviolation` event. Both are collected; none may appear.
"""

import json
import os
from pathlib import Path

import pytest
from django.apps import apps

from articles.roles import sync_roles
from tests import factories

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the dev extra not installed: the tests say so and skip
    sync_playwright = None

CHROMIUM = Path("/usr/bin/chromium")
PASSWORD = "correct-horse-battery"  # tests.factories.make_user's


def missing_browser() -> str:
    """Say what the browser tests lack on this machine, or "" when they can run."""
    if not CHROMIUM.exists():
        return "needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"
    if sync_playwright is None:
        return "needs Playwright for Python (pip install -e '.[dev]')"
    return ""


MISSING = missing_browser()
if MISSING and os.environ.get("NEWSROOM_BROWSER_TESTS") == "required":
    # .ci/run installs both and sets this, so CI fails here instead of quietly skipping.
    raise RuntimeError(f"The browser tests are required but cannot run: {MISSING}")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),  # the live server reads what the test wrote
    pytest.mark.skipif(bool(MISSING), reason=MISSING),
]

# Seen by the page before any of its own scripts run; init scripts are not subject to the CSP.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


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


class Watched:
    """A page whose console messages, uncaught errors and CSP violations are kept."""

    def __init__(self, page):
        self.page = page
        self.console = []
        self.errors = []
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def violations(self):
        return self.page.evaluate("window.__cspViolations")

    def assert_clean(self):
        """No CSP refusal on the console or as an event, and no script error."""
        refused = [
            line
            for line in self.console
            if "Content Security Policy" in line or "Refused to" in line
        ]
        assert refused == []
        assert self.violations() == []
        assert self.errors == []


@pytest.fixture
def watched(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(RECORD_VIOLATIONS)
    context.set_default_timeout(10_000)
    yield Watched(context.new_page())
    context.close()


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """Transactional tests flush the groups the data migrations made; make them again."""
    sync_roles(apps)


def log_in(watched, username):
    page = watched.page
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_the_admin_works_under_the_policy(watched, section, author):
    """An editor logs in, and the article form's scripts and styles all run."""
    factories.make_user("editor", groups=["Editors"], is_staff=True)
    page = watched.page
    log_in(watched, "editor")

    response = page.goto("/admin/articles/article/add/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy

    # Admin JavaScript: the headline fills in the slug (prepopulate.js)…
    page.locator("#id_headline").press_sequentially("Crew returns safely")
    assert page.input_value("#id_slug") == "crew-returns-safely"

    # … "Add another" adds a byline row (inlines.js)…
    rows = page.locator("#bylines-group tr.form-row:not(.empty-form)")
    before = rows.count()
    page.locator("#bylines-group .add-row a").click()
    assert rows.count() == before + 1

    # … and the autocomplete widget (select2) asks the server for sections.
    page.click(".field-section .select2-selection")
    page.fill(".select2-search__field", "Miss")
    page.wait_for_selector(".select2-results__option >> text=Missions")

    # Newsroom's own admin styles come from static/css/admin.css, not style attributes.
    draft = factories.make_article(section=section, authors=[author])
    page.goto(f"/admin/articles/article/{draft.pk}/change/")
    assert page.locator(".workflow-actions").evaluate("e => getComputedStyle(e).display") == "flex"

    watched.assert_clean()


def test_public_pages_work_under_the_policy(watched, published_article):
    """The front page and an article load their stylesheet, and the JSON-LD stays readable."""
    page = watched.page
    response = page.goto("/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert page.locator(".site-header").count() == 1
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("Georgia")

    page.goto(published_article.get_absolute_url())
    assert page.locator("h1").first.inner_text() == published_article.headline
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["headline"] == published_article.headline

    watched.assert_clean()


def test_the_browser_enforces_the_policy(watched, published_article):
    """The check above would catch a refusal: an inline style on a page is refused and seen."""
    page = watched.page
    page.goto("/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert watched.violations() == ["style-src-attr blocked inline"]
    assert any("Content Security Policy" in line for line in watched.console)
