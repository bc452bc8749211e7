"""The JSON API: every list of export.json (EXPORT.md), a page at a time.

`GET /api/{collection}?offset=0&limit=100` answers {total, offset, limit,
next, items}; the items are shaped by the exporter's own functions
(export.json), so that the pages of a collection, put end to end, are that
list of export.json.
"""
from __future__ import annotations

from typing import Any, Callable

from fastapi import APIRouter, Query
from pydantic import BaseModel

from storyline.export import json_export as shape
from storyline.store.pages import COLLECTIONS, Pages

MAX_LIMIT = 1000

SHAPES: dict[str, Callable[[Any], dict]] = {
    "articles": lambda item: shape.article(*item),
    "entities": lambda item: shape.entity(*item),
    "time_expressions": lambda item: shape.time_expression(*item),
    "quotes": lambda item: shape.quote(*item),
    "events": shape.event,
    "facts": shape.fact,
    "stories": lambda item: shape.story(*item),
    "refusals": shape.refusal,
    "warnings": lambda item: shape.warning(*item),
}


class Page(BaseModel):
    """One page of a collection of export.json."""

    total: int
    offset: int
    limit: int
    next: str | None
    items: list[dict[str, Any]]


class Collections(BaseModel):
    collections: dict[str, str]


def router(pages: Pages) -> APIRouter:
    """The /api routes over a Pages reader."""
    api = APIRouter(tags=["export"])

    @api.get("", response_model=Collections, summary="The collections of export.json and their addresses")
    def index() -> Collections:
        return Collections(collections={c: f"/api/{c}" for c in COLLECTIONS})

    def add(collection: str) -> None:
        def page(offset: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=MAX_LIMIT)) -> Page:
            total, items = pages.page(collection, offset, limit)
            more = offset + limit < total
            return Page(total=total, offset=offset, limit=limit, items=[SHAPES[collection](i) for i in items],
                        next=f"/api/{collection}?offset={offset + limit}&limit={limit}" if more else None)
        api.add_api_route(f"/{collection}", page, methods=["GET"], response_model=Page, name=collection,
                          summary=f"export.json `{collection}`, a page at a time",
                          description=f"The items of `{collection}` exactly as export.json lists them "
                                      f"(see EXPORT.md), from `offset` (0-based), at most `limit`.")

    for collection in COLLECTIONS:
        add(collection)
    return api
