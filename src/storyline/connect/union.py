"""Union-find (disjoint sets) over item indices, with path halving; the smaller root wins, so groups
come out in a stable order. Shared by entity resolution and event merging."""
from __future__ import annotations

from typing import Iterable


class Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def join_all(self, items: Iterable[int]) -> None:
        items = list(items)
        for i in items[1:]:
            self.join(items[0], i)
