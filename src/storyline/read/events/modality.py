"""Whether an event happened, is expected, is only possible, or is denied.

News mixes what happened with what may happen ("could face up to 10 years"),
what is planned ("a verdict is expected on August 5") and what did not happen
("did not offer details"). Timelines and cross-outlet comparison must not
treat these alike, so every event carries one of four modalities.

The cue is read on the trigger and on the few words that govern it inside
its own clause (modal auxiliaries, negation, a governing verb of wishing or
planning, an adjective such as "potential"). Reporting verbs are not cues:
"she said X was arrested" reports an arrest, it does not make it possible.
"""
from __future__ import annotations

ACTUAL, EXPECTED, POSSIBLE, NEGATED = "actual", "expected", "possible", "negated"

_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "n’t"}
_POSSIBLE_AUX = {"could", "may", "might", "would", "should", "can", "must", "'d"}
_EXPECTED_AUX = {"will", "shall", "'ll", "wo"}
_POSSIBLE_HEADS = {
    "want", "seek", "hope", "try", "propose", "offer", "consider", "discuss", "negotiate", "push", "urge",
    "demand", "request", "threaten", "face", "risk", "effort", "talk", "negotiation", "discussion",
    "pressure", "proposal", "bid", "possibility", "prospect", "chance", "call", "ask", "wish", "aim",
    "attempt", "explore", "mull", "weigh", "suggest", "idea", "willing", "ready", "openness",
    "interested", "potential", "possible", "eager", "lobby", "condition",
}
_EXPECTED_HEADS = {"expect", "schedule", "plan", "prepare", "set", "due", "slate", "intend", "await",
                   "upcoming", "expected", "scheduled", "planned"}
_NEGATIVE_HEADS = {"refuse", "fail", "decline", "deny", "reject", "rule", "avoid", "halt", "cancel",
                   "call off", "postpone", "prevent", "block", "stop", "without"}
_POSSIBLE_MODIFIERS = {"potential", "possible", "proposed", "likely", "prospective", "hypothetical",
                       "alleged", "planned", "future", "new", "further", "more"}
_EXPECTED_MODIFIERS = {"upcoming", "planned", "scheduled", "expected", "forthcoming", "impending",
                       "pending"}
# Walking up stops at these: their own clause has its own modality.
_CLAUSE_EDGES = {"relcl", "advcl", "ccomp", "parataxis", "ROOT", "csubj", "acl"}
_SAY = {"say", "tell", "add", "claim", "report", "state", "announce", "insist", "indicate", "note",
        "confirm", "believe", "think", "accuse", "argue", "stress", "allege", "suggest", "express"}


def _own_cue(tok) -> str | None:
    """A cue carried by the word itself: its auxiliaries, negation, modifiers, a conditional 'if'."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" or (c.lower_ in _NEG_WORDS and c.dep_ in {"det", "advmod", "neg"}) for c in kids):
        return NEGATED
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in kids):
        return POSSIBLE
    for c in kids:
        if c.dep_ not in {"aux", "auxpass", "amod", "advmod", "compound"}:
            continue
        low = c.lower_
        if c.dep_ == "aux" and low in _POSSIBLE_AUX:
            return POSSIBLE
        if c.dep_ == "aux" and low in _EXPECTED_AUX:
            return EXPECTED
        if c.dep_ == "aux" and low == "going" or (c.dep_ == "amod" and low in _EXPECTED_MODIFIERS):
            return EXPECTED
        if c.dep_ in {"amod", "compound"} and low in _POSSIBLE_MODIFIERS - {"alleged", "new", "further", "more"}:
            return POSSIBLE
        if c.dep_ == "amod" and low in {"more", "further", "new"} and tok.tag_ in {"NNS", "NNPS"}:
            return POSSIBLE   # "more prisoner swaps": ones not yet made
    return None


def _head_cue(head) -> str | None:
    lemma = head.lemma_.lower()
    if lemma in _NEGATIVE_HEADS:
        return NEGATED
    if lemma in _EXPECTED_HEADS and not (lemma == "set" and head.dep_ != "ROOT" and head.tag_ != "VBN"):
        return EXPECTED
    if lemma in _POSSIBLE_HEADS:
        return POSSIBLE
    return None


def own_modality(tok) -> str:
    """Modality from the word's own auxiliaries and negation only (reporting verbs: "did not say")."""
    cue = _own_cue(tok)
    return cue if cue in {NEGATED, EXPECTED} else (POSSIBLE if cue else ACTUAL)


def modality_of(trigger, anchors=()) -> str:
    """The modality of an event whose trigger is `trigger` (a spaCy token).

    `anchors` are other tokens of the same event (the light verb of a noun
    trigger, a merged verb) whose own cues count as the trigger's.
    """
    for tok in (trigger, *anchors):
        cue = _own_cue(tok)
        if cue:
            return cue
    tok, steps = trigger, 0
    while steps < 5 and tok.head.i != tok.i:
        dep = tok.dep_
        head = tok.head
        if dep in _CLAUSE_EDGES and dep not in {"advcl", "acl"}:
            break
        if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            break                            # "after X was arrested": the main verb's cues are not its own
        if head.lemma_.lower() in _SAY and head.pos_ == "VERB":
            break
        if dep == "conj":                    # "was extradited and sentenced": share the first verb's aux
            cue = _own_cue(head)
            if cue:
                return cue
            tok, steps = head, steps + 1
            continue
        cue = _head_cue(head) or _own_cue(head)
        if cue:
            return cue
        if dep in {"advcl", "acl"}:
            break
        tok, steps = head, steps + 1
    return ACTUAL
