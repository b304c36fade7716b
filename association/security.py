"""Safe by default: security headers, CSRF, cookies that are Secure over HTTPS, cache rules."""
import ipaddress

from flask import current_app, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
# A form sent URL-encoded is parsed whole before the CSRF check even looks at it (Werkzeug
# cannot apply MAX_FORM_MEMORY_SIZE to it, as it does to each field of a multipart body): a
# 10 MB body of "%C3%A9" cost a worker 1.5 s of processor. 3 MB lets a person who pasted a
# megabyte of text into our longest field (100,000 characters) get the form back with the
# limit and what they typed, rather than a bare 413; photos come as multipart bodies.
MAX_URLENCODED_BYTES = 3 * 1024 * 1024


def large_body(limit: int):
    """Let a view take a multipart body (photos) of up to ``limit`` bytes, over the usual
    MAX_CONTENT_LENGTH. The limit is set before the CSRF check reads the body: a hook of the
    view's own blueprint would come too late."""
    def mark(view):
        view.amicale_max_body = limit
        return view
    return mark


def public(view):
    """Mark a view as public: its pages may be cached by browsers and reverse proxies."""
    view.amicale_public = True
    return view


def is_public_request(app) -> bool:
    """Whether the current request was served by a view marked ``@public``."""
    if request.endpoint == "static":
        return True
    view = app.view_functions.get(request.endpoint) if request.endpoint else None
    return bool(getattr(view, "amicale_public", False))


def client_address() -> str:
    """The client's network address as throttles count it (behind a proxy, ProxyFix has set
    it): an IPv4 address as is, an IPv6 address by its network (see ``client_key``)."""
    return client_key(request.remote_addr, current_app.config["THROTTLE_IPV6_PREFIX"])


def client_key(address: str | None, ipv6_prefix: int = 64) -> str:
    """What one client is counted as: an IPv4 address (an IPv4-mapped IPv6 one too) as is;
    an IPv6 address by its ``/ipv6_prefix`` network, since one subscriber is usually given a
    whole /64, 2^64 addresses to take a fresh one from at each attempt."""
    try:
        found = ipaddress.ip_address((address or "").split("%", 1)[0])
    except ValueError:
        return address or "unknown"
    if found.version == 6 and found.ipv4_mapped:
        return str(found.ipv4_mapped)
    if found.version == 6:
        return str(ipaddress.ip_network(f"{found}/{ipv6_prefix}", strict=False))
    return str(found)


class SessionInterface(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app) -> bool:
        """Secure when configured so, or when this request is HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def init_app(app) -> None:
    """Install CSRF protection, the session interface and the response headers.

    Call it before any other ``after_request`` hook is registered: hooks run in reverse
    order, so the headers are decided last, once every cookie has been set.
    """
    @app.before_request
    def limit_bodies():
        """The most a body may weigh here, decided before the CSRF check reads it: a view's
        ``large_body`` for its multipart form; ``MAX_URLENCODED_BYTES`` for a URL-encoded
        one (413 before it is parsed)."""
        view = app.view_functions.get(request.endpoint) if request.endpoint else None
        if request.mimetype == "multipart/form-data" and hasattr(view, "amicale_max_body"):
            request.max_content_length = view.amicale_max_body
        elif request.mimetype == "application/x-www-form-urlencoded":
            limit = request.max_content_length
            request.max_content_length = min(limit or MAX_URLENCODED_BYTES, MAX_URLENCODED_BYTES)

    csrf.init_app(app)
    app.session_interface = SessionInterface()
    if app.config["BEHIND_PROXY"]:
        # Trust one reverse proxy for the scheme and client address (HTTPS, rate limits).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

    @app.after_request
    def add_security_headers(response):
        """The security headers, and the cache rule of public and private pages."""
        headers = response.headers
        present = {name.lower() for name, _ in headers}  # one pass, not one per header
        for name, value in HEADERS.items():
            if name.lower() not in present:
                headers.add(name, value)
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = HSTS
        if response.status_code < 400 and is_public_request(app):
            # A shared cache must never keep a response that sets someone's cookie, nor a page
            # drawn for someone signed in (it may show their links or their name).
            personal = "Set-Cookie" in response.headers or bool(session)
            scope = "private" if personal else "public"
            response.headers.setdefault(
                "Cache-Control", f"{scope}, max-age={app.config['PUBLIC_CACHE_SECONDS']}"
            )
            if "Cookie" not in response.headers.get("Vary", ""):
                response.vary.add("Cookie")
        else:
            response.headers["Cache-Control"] = "no-store"
        return response
