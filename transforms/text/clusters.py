"""A tiny disjoint-set, used to turn pairwise links into clusters (events, wire copies, sources).

Written by hand because it is a dozen lines and every clustering stage needs exactly this.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class DisjointSet:
    """Union-find with path halving; `components()` is deterministic (sorted members)."""

    def __init__(self, items: Iterable[Hashable] = ()) -> None:
        self._parent: dict[Hashable, Hashable] = {item: item for item in items}

    def add(self, item: Hashable) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: Hashable) -> Hashable:
        self.add(item)
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._parent[max(root_a, root_b)] = min(root_a, root_b)

    def components(self) -> list[list[Hashable]]:
        groups: dict[Hashable, list[Hashable]] = {}
        for item in self._parent:
            groups.setdefault(self.find(item), []).append(item)
        return sorted(sorted(members) for members in groups.values())
