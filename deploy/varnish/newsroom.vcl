vcl 4.1;
#
# Newsroom's edge cache: Varnish 7 with the xkey vmod (Debian: varnish, varnish-modules).
#
# Django decides what may be shared and for how long; this file only enforces it:
#   - a response is kept only when Django marks it "public" and sets no cookie: for its
#     s-maxage, then in grace (served stale while refetched) for its stale-while-revalidate;
#   - staff and partners never share anything: a session, CSRF or messages cookie, an
#     Authorization or X-Api-Key header, the admin and share links go straight to Django,
#     and "private", "no-cache" and "no-store" answers are never stored;
#   - the Surrogate-Key header names what a page shows ("article-12 front tag-apollo …"); it is
#     kept as xkey, so Django can purge exactly those pages after a change commits, with
#     `PURGE /` and an `xkey-purge: <keys>` header (reader/edge.py), from the purgers ACL only;
#   - X-Cache says HIT, HIT-STALE, MISS or PASS;
#   - when Django fails (a 5xx, such as its 503 while PostgreSQL is down) or cannot be reached,
#     a page in grace stays in the cache and is served stale instead of the error, until its
#     grace runs out; a reader with nothing cached gets a short 503 with Retry-After.
# How to run it and how purges work: deploy/varnish/README.md.

import xkey;

# Django behind gunicorn. tests/test_edge_cache.py points .host and .port at its live server.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the application servers. Add their addresses when Django runs elsewhere.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # X-Cache is ours to set; a client cannot claim a hit.
    unset req.http.X-Cache;

    if (req.method == "PURGE") {
        call newsroom_purge;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin and share links are for one person only; Django says so too, but a page meant
    # for one editor must not depend on a header being right.
    if (req.url ~ "^/admin(/|\?|$)" || req.url ~ "^/preview/") {
        return (pass);
    }
    # A partner's API key (either header) may open embargoed copy: never a shared answer.
    if (req.http.Authorization || req.http.X-Api-Key) {
        return (pass);
    }
    # Logged-in staff (Django's session), anyone holding a CSRF token or a pending message:
    # their pages are theirs, never the shared copy and never shared.
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Any other cookie (analytics, consent banners) does not change a public page: drop it so
    # every anonymous reader shares one copy (Django answers them with "Vary: Cookie").
    unset req.http.Cookie;
    # Falls through to the built-in vcl_recv: lower-case Host, then look the page up.
}

sub newsroom_purge {
    if (client.ip !~ purgers) {
        return (synth(403, "Forbidden"));
    }
    if (req.http.xkey-purge) {
        # Hard purge: the next reader gets the changed page, not a stale one in grace.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    if (req.http.xkey-softpurge) {
        # Soft purge: stale copies may still be served (in grace) while Django re-renders.
        set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    # No key: purge the one address requested.
    return (purge);
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        set req.http.X-Cache = "HIT";
    } else {
        set req.http.X-Cache = "HIT-STALE";  # in grace: served while a fresh copy is fetched
    }
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
}

sub vcl_backend_response {
    # The keys stay on the stored object (xkey indexes them) and are removed in vcl_deliver.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }
    # Django failed while a stale copy was being refreshed in the background: keep serving
    # the stale copy (grace) rather than replacing it with the error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Keep only what Django explicitly shares. Anything else (a 404 for a story not yet public,
    # a 410, a redirect, a staff or preview page) is fetched anew every time, so a publish is
    # never hidden behind a remembered "not found".
    if (beresp.ttl <= 0s
        || beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(^|[,\s])public([,\s]|$)"
        || beresp.http.Cache-Control ~ "(?i)(private|no-cache|no-store)"
        || beresp.http.Vary == "*") {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;  # hit-for-miss: the next answer may be cacheable
        return (deliver);
    }
    # Varnish itself takes the TTL from s-maxage (before max-age) and the grace from
    # stale-while-revalidate: a page past its TTL is still served, stale, while a background
    # request fetches a fresh copy. A purge removes pages outright, grace and all.
    return (deliver);
}

sub vcl_deliver {
    # Surrogate keys are between Django and the edge; readers never see them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
    set resp.http.X-Cache = req.http.X-Cache;
}

sub vcl_backend_error {
    # Django could not be reached at all. A background refresh keeps the stale copy; anyone
    # else gets the same short page Django gives while its database is down.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "15";
    set beresp.http.Cache-Control = "no-store";
    set beresp.body = {"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Back in a moment</title></head>
<body><main><h1>Back in a moment</h1><p>We cannot reach our archive just now. Please try
again in a few seconds, or go to the <a href="/">front page</a>.</p></main></body></html>
"};
    return (deliver);
}

sub vcl_synth {
    set resp.http.X-Cache = "SYNTH";
}
