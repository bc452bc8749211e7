"""The web app over one store: server-rendered pages and the JSON API, read-only.

Each route calls one Browser method (store.browse) and renders one template.
Pages run no script; the responses carry a Content-Security-Policy that
forbids any script, inline or not, and any plug-in, frame or form outside
the app, so that markup slipping into an article could not run even if it
escaped the templates' autoescaping.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from storyline.store.browse import Browser, StoryFilter
from storyline.store.pages import Pages
from storyline.web import api
from storyline.web.highlight import article_marks, render
from storyline.web.links import WebLinks
from storyline.web.render import STATIC, environment

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
PAGE = 25


def _day(text: str, name: str, problems: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{name}: not a date (YYYY-MM-DD): {text}")
        return None


def _span(text: str | None) -> tuple[int, int] | None:
    start, _, end = (text or "").partition("-")
    return (int(start), int(end)) if start.isdigit() and end.isdigit() and int(start) < int(end) else None


def create_app(db: str | Path) -> FastAPI:
    """The app serving the store file `db` (StoreError when it cannot be read)."""
    browser, pages = Browser(db), Pages(db)
    env, links = environment(), WebLinks()
    app = FastAPI(title="storyline", summary="Stories, people, articles and claims read from news articles.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")

    def html(template: str, code: int = 200, **context) -> HTMLResponse:
        body = env.get_template(template).render(links=links, counts=browser.counts(), **context)
        return HTMLResponse(body, status_code=code)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(HTTPException)
    async def not_found(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return html("error.html", exc.status_code, status=exc.status_code, message=exc.detail)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories(q: str = "", since: str = "", until: str = "", outlet: str = "", person: str = "",
                sort: str = "recent", offset: int = 0) -> HTMLResponse:
        problems: list[str] = []
        f = StoryFilter(q, _day(since, "From", problems), _day(until, "To", problems), outlet, person,
                        sort if sort in ("recent", "size") else "recent", max(offset, 0), PAGE)
        total, found = browser.story_list(f)
        query = {k: v for k, v in dict(q=q, since=since, until=until, outlet=outlet, person=person, sort=sort).items()
                 if v}
        turn = lambda o: "/?" + urlencode({**query, "offset": o})  # noqa: E731
        return html("stories.html", f=f, stories=found, total=total, outlets=browser.outlets(), problems=problems,
                    prev_href=turn(max(f.offset - PAGE, 0)) if f.offset else None,
                    next_href=turn(f.offset + PAGE) if f.offset + PAGE < total else None)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def story(story_id: str) -> Response:
        page = browser.story_page(story_id)
        if page is None:
            live = browser.live_story_id(story_id)
            if live and live != story_id:
                return RedirectResponse(links.story(live), status_code=301)
            raise HTTPException(404, f"No story {story_id}")
        return html("story.html", page=page)

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity(entity_id: str) -> HTMLResponse:
        page = browser.entity_page(entity_id)
        if page is None:
            raise HTTPException(404, f"No person, organisation or place {entity_id}")
        return html("entity.html", page=page)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article(article_id: str, span: str = "") -> HTMLResponse:
        page = browser.article_page(article_id)
        if page is None:
            raise HTTPException(404, f"No article {article_id}")
        a = page["article"]
        marks = article_marks(page["analysis"], page["corpus"], links.entity, _span(span))
        return html("article.html", page=page, a=a, body=render(a.text, marks))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(q: str = "") -> HTMLResponse:
        total, found = browser.story_list(StoryFilter(q=q, limit=20))
        return html("search.html", q=q, stories=found, total=total, entities=browser.entities_named(q),
                    articles=browser.search_articles(q))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/refused", response_class=HTMLResponse, include_in_schema=False)
    def refused() -> HTMLResponse:
        return html("refused.html", refusals=browser.refusals(), warnings=browser.warnings())

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router(pages), prefix="/api")
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve `db` at http://host:port/ with uvicorn until interrupted; loopback unless `host` says otherwise."""
    import uvicorn
    app = create_app(db)
    print(f"serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
