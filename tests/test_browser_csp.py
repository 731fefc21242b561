"""In a real Chromium, the admin and the public pages work under the Content-Security-Policy.

The browser reports every blocked script, style or request: on the console ("Refused to …
because it violates the following Content Security Policy directive") and as a
`securitypolicyviolation` event. Both are collected; none may appear.
"""

import json

from tests import browser as shared
from tests import factories

pytestmark = shared.browser_marks()
browser = shared.browser
open_page = shared.open_page
watched = shared.watched
roles = shared.roles


def test_the_admin_works_under_the_policy(watched, section, author):
    """An editor logs in, and the article form's scripts and styles all run."""
    factories.make_user("editor", groups=["Editors"], is_staff=True)
    page = watched.page
    shared.log_in(watched, "editor")

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
    watched.shot("article form scripts ran")

    # Newsroom's own admin styles come from static/css/admin.css, not style attributes.
    draft = factories.make_article(section=section, authors=[author])
    page.goto(f"/admin/articles/article/{draft.pk}/change/")
    assert page.locator(".workflow-actions").evaluate("e => getComputedStyle(e).display") == "flex"
    watched.shot("workflow panel styled")

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
    watched.shot("article")

    watched.assert_clean()


def test_the_browser_enforces_the_policy(watched, published_article):
    """The check above would catch a refusal: an inline style on a page is refused and seen."""
    page = watched.page
    page.goto("/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert watched.violations() == ["style-src-attr blocked inline"]
    assert any("Content Security Policy" in line for line in watched.console)
