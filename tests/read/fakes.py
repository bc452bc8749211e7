"""Records built by hand for reader tests, so each reader is tested apart from the others."""
from storyline.records import Entity, Mention


def entities_named(text: str, names: dict[str, str]) -> list[Entity]:
    """One entity per name (e1, e2, ... in order), mentioned wherever the name occurs in the text."""
    out = []
    for i, (name, etype) in enumerate(names.items(), 1):
        mentions, pos = [], 0
        while (k := text.find(name, pos)) >= 0:
            mentions.append(Mention(k, k + len(name), name))
            pos = k + len(name)
        out.append(Entity(f"e{i}", name, etype, tuple(mentions)))
    return out
