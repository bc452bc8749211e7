"""What the words around a cue say about the content it would introduce.

A cue word (`cues`) is no report of speech in some frames: negated ("has not
said whether"), in the passive over an infinitive with no one named as
expecting ("the trial is expected to last two weeks"), asking for the
subject's own act ("asked to see the statements"), or over a clause that
asks ("demanding to know whether ..."). `finder` asks these of each cue.
"""
from __future__ import annotations

from spacy.tokens import Token

from storyline.read.quotes import cues


def unsaid(tok: Token) -> bool:
    """A negated word ("has not said", "never commented"): what it would introduce was not said."""
    return any(c.dep_ == "neg" for c in tok.children)


def passive(tok: Token) -> bool:
    """A verb in the passive ("was asked", "is expected")."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def raised(tok: Token) -> bool:
    """A passive over an infinitive ("the trial is expected to last two weeks", "was seen to falter"): its subject
    is the infinitive's, and no one is named as expecting; verbs of saying and believing keep their unnamed
    source ("is said to have", "is believed to be", "was asked to name ...")."""
    agent = any(c.dep_ == "agent" for c in tok.children)
    return passive(tok) and not agent and tok.lemma_.lower() not in cues.SPEECH


def wish(tok: Token) -> bool:
    """A verb of asking in the active over a bare infinitive ("asked to see the statements", "demanding to know
    ..."): what its subject wants done, not words reported (`cues.REQUEST`); with an object, "asked the court to
    impose ...", the object and its infinitive are the content, read as "dobj"."""
    return tok.lemma_.lower() in cues.REQUEST and not passive(tok) and \
        any(c.dep_ == "xcomp" for c in tok.children) and not any(c.dep_ == "dobj" for c in tok.children)


def open_question(clause: Token) -> bool:
    """A clause that asks ("whether their details were stolen", "if it would reopen"): what is known, learned or
    decided about it is no one's claim."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)

