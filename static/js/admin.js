/* Newsroom's script for every admin page (templates/admin/base_site.html).

   Django's admin leaves some form controls without an accessible name, so a screen reader
   announces a bare "checkbox" or "combo box" (WCAG 2.2, 1.3.1 and 4.1.2):
   - the inputs in a tabular inline's rows, labelled only by their column's header;
   - the date and the time of a date-time field, each after a bare "Date:" or "Time:";
   - the autocomplete widgets (select2): a single choice is named by its value alone (by
     nothing while empty) and a multiple choice's search field by nothing; and the list of a
     multiple choice's values also holds select2's "remove all" button, which is no list item.
   This names each control after its field's label or column header, and lets the values be
   a plain group. It runs after Django's scripts have drawn the widgets (it is deferred and
   waits for jQuery's ready), and again for each inline row added. (A template override cannot
   reach the date-time widget: Django renders widgets from its own templates unless
   FORM_RENDERER says otherwise.) */
'use strict';
{
    let generated = 0;

    function idOf(element) {
        if (!element.id) {
            generated += 1;
            element.id = `newsroom-name-${generated}`;
        }
        return element.id;
    }

    // The element naming a field: its <label>, or in a tabular inline its column's header.
    function labelOf(field) {
        if (field.labels && field.labels.length) {
            return field.labels[0];
        }
        const cell = field.closest('.tabular td');
        const headers = cell && cell.closest('table').querySelectorAll('thead th');
        return headers ? headers[cell.cellIndex] || null : null;
    }

    function nameCell(field) {
        if (field.type === 'hidden' || field.labels.length || field.hasAttribute('aria-label')
            || field.hasAttribute('aria-labelledby') || field.getAttribute('aria-hidden') === 'true') {
            return;
        }
        const header = labelOf(field);
        if (header && header.textContent.trim()) {
            field.setAttribute('aria-labelledby', idOf(header));
        }
    }

    function nameAutocomplete(select) {
        const widget = select.nextElementSibling;  // select2 draws its widget right after
        const label = labelOf(select);
        if (!widget || !widget.classList.contains('select2') || !label) {
            return;
        }
        const single = widget.querySelector('.select2-selection--single');
        if (single) {
            const value = single.querySelector('.select2-selection__rendered');
            single.setAttribute('aria-labelledby', `${idOf(label)} ${idOf(value)}`);
            value.removeAttribute('role');  // the value is the combo box's text, not a text box
            value.removeAttribute('aria-readonly');
        }
        const search = widget.querySelector('.select2-search__field');
        if (search) {
            search.setAttribute('aria-labelledby', idOf(label));
        }
        const values = widget.querySelector('ul.select2-selection__rendered');
        if (values) {
            values.setAttribute('role', 'presentation');
        }
    }

    function nameDateTimePart(input) {
        if (input.labels.length || input.hasAttribute('aria-label')) {
            return;
        }
        const row = input.closest('.fieldBox, .form-row');
        const field = row && row.querySelector('label');
        const part = input.previousSibling && input.previousSibling.textContent;
        const names = [field && field.textContent, part].map(
            (text) => (text || '').trim().replace(/:$/, ''));
        input.setAttribute('aria-label', names[0] ? `${names[0]} (${names[1]})` : names[1]);
    }

    function nameFields(root) {
        root.querySelectorAll('.tabular td :is(input, select, textarea)').forEach(nameCell);
        root.querySelectorAll('p.datetime input').forEach(nameDateTimePart);
        root.querySelectorAll('select.admin-autocomplete').forEach(nameAutocomplete);
    }

    if (window.django && window.django.jQuery) {
        window.django.jQuery(() => nameFields(document));  // after autocomplete.js's own
    } else {
        document.addEventListener('DOMContentLoaded', () => nameFields(document));
    }
    document.addEventListener('formset:added', (event) => nameFields(event.target));
}

/* ------------------------------------------------------------------------------------------
   Who is editing (articles/presence.py, templates/admin/articles/article/presence.html).

   On a story's change form, tell the server every few seconds (data-presence-seconds) that
   this editor still has it open, and show who else has: the answer replaces the list drawn
   on load. Leaving the page (pagehide) says goodbye with a beacon. Presence is advisory: a
   failed ping changes nothing on the page, and the stale-save refusal still protects the
   text. Names go in as text, never as HTML. */
{
    const box = document.querySelector('[data-presence-url]');

    function show(others) {
        const list = box.querySelector('.presence-list');
        list.replaceChildren(...others.map((editor) => {
            const item = document.createElement('li');
            item.textContent = editor.notice;
            return item;
        }));
        box.hidden = others.length === 0;
    }

    // Which page load this is: a goodbye removes this editor only if no later page of theirs
    // (the one a save or a workflow button opens next) has said hello since.
    function said(leaving) {
        const data = new FormData();
        data.append('csrfmiddlewaretoken', box.dataset.csrfToken);
        data.append('page', box.dataset.presencePage);
        if (leaving) {
            data.append('leave', '1');
        }
        return data;
    }

    function ping() {
        fetch(box.dataset.presenceUrl, {method: 'POST', credentials: 'same-origin', body: said(false)})
            .then((response) => (response.ok ? response.json() : null))
            .then((answer) => answer && show(answer.others))
            .catch(() => {});  // advisory: keep showing what we had
    }

    function leave() {
        navigator.sendBeacon(box.dataset.presenceUrl, said(true));
    }

    if (box) {
        const seconds = Number(box.dataset.presenceSeconds) || 45;
        let timer = window.setInterval(ping, seconds * 1000);
        window.addEventListener('pagehide', () => {
            window.clearInterval(timer);
            leave();
        });
        window.addEventListener('pageshow', (event) => {
            if (event.persisted) {  // back from the back-forward cache: present again
                ping();
                timer = window.setInterval(ping, seconds * 1000);
            }
        });
    }
}
