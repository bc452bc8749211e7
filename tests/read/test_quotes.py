"""find_quotes on sentences written for the test, then a quality floor on PolNeAR.

Each row: text, then the quotes expected in text order as
(content, speaker, cue, kind), where content is the quote's `text` (pieces
joined by " "), or None when the text must yield no quote at all. A row lists
every quote the text holds, so an extra quote fails too.

Scare quotes and titles ("hostages", "Saturday Night Live") are not speech:
alone they never make a quote; inside reported speech they make it `mixed`.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from storyline.read.entities import find_entities
from storyline.read.nlp import load_nlp
from storyline.read.quotes.finder import find_quotes

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "quotes"
FLOOR = 0.50            # measured 0.547 on the first 20 documents (0.497 before the 2026-11 content fixes)

CASES = [
    # direct, curly and straight marks, cue after / before / inverted
    ("“We will win this election,” she said.",
     [("“We will win this election,”", "she", "said", "direct")]),
    ('"The plan is dead," the senator told reporters.',
     [('"The plan is dead,"', "the senator", "told", "direct")]),
    # the speaker is the name; the apposition is a role of the entity
    ("“Nobody expected this outcome,” said John Smith, a spokesman for the campaign.",
     [("“Nobody expected this outcome,”", "John Smith", "said", "direct")]),
    ("The mayor said: “The bridge will reopen on Monday.”",
     [("“The bridge will reopen on Monday.”", "The mayor", "said", "direct")]),
    ("She said, \"I have never seen anything like it.\"",
     [("\"I have never seen anything like it.\"", "She", "said", "direct")]),
    ("''I disavow these comments,'' Mr. Ryan said.",
     [("''I disavow these comments,''", "Mr. Ryan", "said", "direct")]),
    # split around the cue: one quote, two pieces
    ("“Judge,” Brafman said, “I have never had that happen in any case.”",
     [("“Judge,” “I have never had that happen in any case.”", "Brafman", "said", "direct")]),
    ('"We tried," he said. "But the votes were not there."',
     [('"We tried," "But the votes were not there."', "he", "said", "direct")]),
    # multi-sentence and multi-paragraph quotations
    ("“The economy is strong. Jobs are growing. Wages are up,” the president said.",
     [("“The economy is strong. Jobs are growing. Wages are up,”", "the president", "said", "direct")]),
    ("The governor said: “We acted fast.\n\n“We saved lives and we would do it again.”",
     [("“We acted fast. “We saved lives and we would do it again.”", "The governor", "said", "direct")]),
    # a cue-less quotation paragraph continuing the previous speaker
    ("“We are not done,” Warren said.\n\n“This fight will go on for years, and we will be there.”",
     [("“We are not done,” “This fight will go on for years, and we will be there.”", "Warren", "said",
       "direct")]),
    # indirect speech: ccomp with and without "that"
    ("Trump said that the wall would be built.",
     [("that the wall would be built", "Trump", "said", "indirect")]),
    ("The minister told reporters the talks had failed.",
     [("the talks had failed", "The minister", "told", "indirect")]),
    # a "that"-clause the parser hangs on a noun inside the cue's phrase
    ("Peskov told reporters during a conference call that the issues are discussed in private.",
     [("that the issues are discussed in private", "Peskov", "told", "indirect")]),
    ("Officials warned that the storm could cause flooding.",
     [("that the storm could cause flooding", "Officials", "warned", "indirect")]),
    ("Clinton insisted she had done nothing wrong.",
     [("she had done nothing wrong", "Clinton", "insisted", "indirect")]),
    ("The company claimed that its product was safe.",
     [("that its product was safe", "The company", "claimed", "indirect")]),
    ("He argued the law was unconstitutional.",
     [("the law was unconstitutional", "He", "argued", "indirect")]),
    ("Analysts believe that the market will recover.",
     [("that the market will recover", "Analysts", "believe", "indirect")]),
    # object cues: an accusation; the complements the parser hangs on the verb after its object
    ("The senator accused the governor of lying about the budget.",
     [("the governor of lying about the budget", "The senator", "accused", "indirect")]),
    ("Mr. Obama told his advisers to figure out how to cut emissions without Congress.",
     [("his advisers to figure out how to cut emissions without Congress", "Mr. Obama", "told", "indirect")]),
    # verbs of judging: a noun-phrase object is what was judged, not what was said (issue 11, kind 9) ...
    ("Sanders criticized the bill for its cost.", None),
    ("Sanders criticized the bill on Tuesday.", None),
    ("Other major unions have also endorsed Clinton in the race.", None),
    ("The council approved the budget on Tuesday.", None),
    ("The minister welcomed the decision.", None),
    ("Energy analyst Priya Nandakumar has studied home heating for a decade.", None),
    # verbs of acting and wanting: what they take is the thing done or wanted, not words
    ("Prosecutors sought seven years in prison.", None),
    ("Whitfield showed no visible reaction as the verdict was read.", None),
    ("The board voted to hire an outside firm.", None),
    ("Bell pleaded guilty to one count of bribery.", None),
    ("The provincial board declared a state of calamity.", None),
    ("The weather agency recorded 412 millimeters of rain at its station.", None),
    ("The government has denied the charges.", None),
    ("Kestrel offered about $4.2 billion in cash.", None),
    ("The board met on Friday to consider the offer.", None),
    # what was not said, or declined to be said, is no quote
    ("Kestrel has not said whether it will accept the terms.", None),
    ("Halvorsen has not commented publicly on the raised bid.", None),
    ("Brekke declined to comment on the offer.", None),
    ("He refused to say whether he would run.", None),
    # ... but a clause of their own is content
    ("The study showed that prices rose.", [("that prices rose", "The study", "showed", "indirect")]),
    ("He denied that he took the money.", [("that he took the money", "He", "denied", "indirect")]),
    # a content noun's clause is the noun's, and so is its source ("the defense argument"), not the verb's
    ("Judge Maria Ortiz rejected the defense argument that the grand jury had been misled.",
     [("that the grand jury had been misled", "defense", "argument", "indirect")]),
    # ... but a clause after the object, or the speaker's quoted words, make it a quote
    ("The mayor criticized the council for failing to repair the bridge.",
     [("the council for failing to repair the bridge", "The mayor", "criticized", "indirect")]),
    ("Bill Clinton criticized the Affordable Care Act as a “crazy system.”",
     [("the Affordable Care Act as a “crazy system.”", "Bill Clinton", "criticized", "mixed")]),
    # a bare pronoun points at content, it is none
    ("It is what they want.", None),
    ("That is what Obama says.", None),
    # a cue set off by commas inside the sentence it reports: two pieces, one quote
    ("Those who now have the right to vote, he said, must still register to do so.",
     [("Those who now have the right to vote must still register to do so", "he", "said", "indirect")]),
    ("Five years ago, she said, the much greater efficiency of heat pumps offered a possible hedge against "
     "high gas prices.",
     [("Five years ago the much greater efficiency of heat pumps offered a possible hedge against high gas prices",
       "she", "said", "indirect")]),
    # a cue inside a relative clause, once the judging verb around it is no quote
    ("She also criticised a tariff system which she said was one of the most complicated in Europe.",
     [("which was one of the most complicated in Europe", "she", "said", "indirect")]),
    # "As X said, ...": the main clause is the content
    ("As Crane said, the two candidates have become the least ideological in America.",
     [("the two candidates have become the least ideological in America", "Crane", "said", "indirect")]),
    # the source after the content, with an apposition or a rank (issue 11, kind 8): the name is the speaker
    ("The first contracts would be signed before the summer, said Karin Holm, a spokeswoman for the ministry.",
     [("The first contracts would be signed before the summer", "Karin Holm", "said", "indirect")]),
    ("The harbour board approved a plan to deepen the main channel, the port director, Ahmed al-Rashidi, "
     "said on Monday.",
     [("The harbour board approved a plan to deepen the main channel", "Ahmed al-Rashidi", "said", "indirect")]),
    # ... or bodies that speak as one, which the parser joined to the content's last list
    ("An explosion ripped through a plant in Marl on Tuesday, killing two workers and injuring 11 others, police "
     "and the company said.",
     [("An explosion ripped through a plant in Marl on Tuesday, killing two workers and injuring 11 others",
       "police and the company", "said", "indirect")]),
    ("The road will stay closed until Friday, Sgt. Maria Lopez said.",
     [("The road will stay closed until Friday", "Maria Lopez", "said", "indirect")]),
    ("Prices will rise, the company's chief executive, Jane Doe, said on Tuesday.",
     [("Prices will rise", "Jane Doe", "said", "indirect")]),
    ("The regional government will double its spending on flood defences over the next four years, "
     "Environment Minister Tomas Lindqvist said in an interview with the Baltic Herald.",
     [("The regional government will double its spending on flood defences over the next four years",
       "Tomas Lindqvist", "said", "indirect")]),
    # a gerund after a preposition takes the subject of the verb above it
    ("Trump picked up from his daughter by saying he is ready to go to work for the country.",
     [("he is ready to go to work for the country", "Trump", "saying", "indirect")]),
    # the speaker after the verb, read by the parser as its object
    ("“How big is that wall?” asked the boy.",
     [("“How big is that wall?”", "the boy", "asked", "direct")]),
    # a quotation signed with a dash and a name
    ("“I’m so ashamed to be an American.” ― Jacklyn Ashley",
     [("“I’m so ashamed to be an American.”", "Jacklyn Ashley", "―", "direct")]),
    # a resumed quotation with another speech verb between is someone else's words
    ('"People are angry," said Jason Ervin, who thinks the mayor "needs to be more collaborative with us."',
     [('"People are angry,"', "Jason Ervin", "said", "direct"),
      ('the mayor "needs to be more collaborative with us."', "who", "thinks", "mixed")]),
    # a quotation after another sentence's words is not the first one resumed
    ('"It is the right time to hand over," Dahl said in the statement. Chairman Lars Eriksson thanked her for '
     '"transforming Norrland into a modern digital operator."',
     [('"It is the right time to hand over,"', "Dahl", "said", "direct"),
      ('her for "transforming Norrland into a modern digital operator."', "Lars Eriksson", "thanked", "mixed")]),
    # ... while one opening the next sentence is
    ('"We are heartbroken," Reynolds said. "Safety is our highest priority."',
     [('"We are heartbroken," "Safety is our highest priority."', "Reynolds", "said", "direct")]),
    # "according to"
    ("According to the police, the suspect fled on foot.",
     [("the suspect fled on foot", "the police", "According to", "indirect")]),
    ("The economy grew by 3 percent last year, according to government figures.",
     [("The economy grew by 3 percent last year", "government figures", "according to", "indirect")]),
    # "according to" hung on a verb after its object: it is still the outer attribution
    ("The campaign has reserved time for television advertisements in four states, according to media buying sources.",
     [("The campaign has reserved time for television advertisements in four states", "media buying sources",
       "according to", "indirect")]),
    # mixed: reported speech holding a quotation
    ('She said Washington had made a "substantial offer" to Moscow.',
     [('Washington had made a "substantial offer" to Moscow', "She", "said", "mixed")]),
    ("He said the deal was “a disaster for American workers.”",
     [("the deal was “a disaster for American workers.”", "He", "said", "mixed")]),
    # speaker as a pronoun or a relative pronoun, inherited by a participle
    ("She added that the report would be published soon.",
     [("that the report would be published soon", "She", "added", "indirect")]),
    ("The judge dismissed the case, saying the evidence was weak.",
     [("the evidence was weak", "The judge", "saying", "indirect")]),
    # nested: only the outermost attribution
    ("Obama said Republicans claimed the program was a failure.",
     [("Republicans claimed the program was a failure", "Obama", "said", "indirect")]),
    # headline attribution
    ("John McCain: Republican Anger Appeals to Bad Angels of Our Nature",
     [("Republican Anger Appeals to Bad Angels of Our Nature", "John McCain", ":", "indirect")]),
    # not quotes: scare quotes, titles, plain narration
    ("The so-called “hostages” were released on Tuesday.", None),
    ("He appeared on “Saturday Night Live” last week.", None),
    ("The committee met on Tuesday in the old hall.", None),
    ("Prices rose sharply in March.", None),
    # whom the words were told is no part of them ("told Reuters", "told reporters")
    ("\"No,\" Smith told Reuters on Tuesday.", [("\"No,\"", "Smith", "told", "direct")]),
    ("\"We have no choice,\" he told Reuters.", [("\"We have no choice,\"", "he", "told", "direct")]),
    ("Smith told the truth.", [("the truth", "Smith", "told", "indirect")]),
    # ... nor keeps a sentence-final cue from its content
    ("Their first move was to shoot everybody standing at the bar, witnesses Gregoire, Thomas and Nicolas told "
     "Liberation newspaper.", [("Their first move was to shoot everybody standing at the bar",
                                "witnesses Gregoire, Thomas and Nicolas", "told", "indirect")]),
    # a clause with a speech verb and a source of its own inside another's content is that source's words
    # (trial 8)
    ("About 1,900 dockers took part in the stoppage, according to Unite, although a port spokesperson, Clare "
     "Whitfield, said \"fewer than 1,500\" had walked out.",
     [("About 1,900 dockers took part in the stoppage", "Unite", "according to", "indirect"),
      ("\"fewer than 1,500\" had walked out", "Clare Whitfield", "said", "mixed")]),
    ("Turnout was 40 percent, according to the electoral commission, although opposition leader Ana Ruiz said "
     "fewer than a third of voters had cast a ballot.",
     [("Turnout was 40 percent", "the electoral commission", "according to", "indirect"),
      ("fewer than a third of voters had cast a ballot", "Ana Ruiz", "said", "indirect")]),
    # ... but not a contrast set before the content, nor the same source giving its reasons
    ("The poll finds that, while 37 percent say Trump is responsible, 39 percent blame his supporters.",
     [("that, while 37 percent say Trump is responsible, 39 percent blame his supporters", "The poll", "finds",
       "indirect")]),
    ("She said that she attended because she thought it would be fun.",
     [("that she attended because she thought it would be fun", "She", "said", "indirect")]),
    # verbs of asking for, making public and expecting are no speech with a plain object, a bare infinitive
    # or a passive over an infinitive (trials 7 and 8) ...
    ("Dockworkers walked off the job on Monday demanding a 12% pay rise.", None),
    ("The union had originally demanded 12%.", None),
    ("Protesters demanded the resignation of the mayor.", None),
    ("The bank will publish the minutes of the meeting on November 12.", None),
    ("A cyberattack exposed the personal data of customers.", None),
    ("She was expected to compete at the championships in August.", None),
    ("The trial is expected to last two weeks.", None),
    ("Ashby resigned when a new auditor asked to see the original statements.", None),
    # ... while a question put to the subject is someone's words
    ("Clinton was asked to name a single decision.", [("to name a single decision", None, "asked", "indirect")]),
    # ... nor is a clause that asks, but after a verb of asking
    ("Customers queued outside the shop demanding to know whether their details were stolen.", None),
    # ... while a clause of their own is content
    ("The union demanded that the company raise its offer.",
     [("that the company raise its offer", "The union", "demanded", "indirect")]),
    # whom one asks is no content, what they are asked to do is (trial 8)
    ("The agency appealed the ruling, asking the Court of Arbitration for Sport to impose a four-year ban.",
     [("the Court of Arbitration for Sport to impose a four-year ban", "The agency", "asking", "indirect")]),
    # who surveyed the speakers is not the speaker (trial 8)
    ("Most of the 22 economists surveyed by Bloomberg had expected a cut of 25 basis points.",
     [("a cut of 25 basis points", "Most of the 22 economists", "expected", "indirect")]),
    ("Analysts polled by Reuters said the bank would hold rates.",
     [("the bank would hold rates", "Analysts", "said", "indirect")]),
    # the name after an "according to" source is the source's, not the content's (trial 8)
    ("The number of ships waiting to berth rose to 47, according to the port authority, Santos Port Authority (SPA).",
     [("The number of ships waiting to berth rose to 47", "Santos Port Authority", "according to", "indirect")]),
    ("The figure rose to 12, according to the ministry, Brazil's health ministry.",
     [("The figure rose to 12", "the ministry", "according to", "indirect")]),
    # one clause the parser split in two after the cue is one content (trial 7)
    ("The operator said the number affected was far higher than first thought.",
     [("the number affected was far higher than first thought", "The operator", "said", "indirect")]),
    # appointing names a post-holder, not words said
    ("Boeing named Kelly Ortberg as chief executive in July.", None),
    ("Kelly Ortberg was named CEO of Boeing last year.", None),
    ("The board appointed Ana Lopez to lead the bank.", None),
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _norm(s: str | None) -> str | None:
    return None if s is None else " ".join(s.split())


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentences(nlp, text, expected):
    got = [(_norm(q.text), q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.kind)
           for q in find_quotes(nlp(text))]
    want = [] if expected is None else [(_norm(c), s, k, kind) for c, s, k, kind in expected]
    assert got == want


# Issue 11's field cases 13 and 14, whole: (text, quotes as (content, speaker entity, speaker text, cue, kind),
# (entity, role word) pairs). Every quote of the text is listed, so "has studied", "criticised",
# "approved" and "in an interview with ..." making no quote of their own is checked too.
FIELD = [
    ("Energy analyst Priya Nandakumar has studied home heating for a decade. Five years ago, she said, the much "
     "greater efficiency of heat pumps offered a possible hedge against high gas prices. She also criticised a "
     "tariff system which she said was one of the most complicated in Europe.",
     [("Five years ago the much greater efficiency of heat pumps offered a possible hedge against high gas prices",
       "Priya Nandakumar", "she", "said", "indirect"),
      ("which was one of the most complicated in Europe", "Priya Nandakumar", "she", "said", "indirect")],
     []),
    ("The regional government will double its spending on flood defences over the next four years, Environment "
     "Minister Tomas Lindqvist said in an interview with the Baltic Herald.\n\nThe first contracts would be signed "
     "before the summer, said Karin Holm, a spokeswoman for the ministry.\n\nThe harbour board approved a plan to "
     "deepen the main channel, the port director, Ahmed al-Rashidi, said on Monday.",
     [("The regional government will double its spending on flood defences over the next four years",
       "Tomas Lindqvist", "Tomas Lindqvist", "said", "indirect"),
      ("The first contracts would be signed before the summer", "Karin Holm", "Karin Holm", "said", "indirect"),
      ("The harbour board approved a plan to deepen the main channel", "Ahmed al-Rashidi", "Ahmed al-Rashidi",
       "said", "indirect")],
     [("Tomas Lindqvist", "Environment Minister"), ("Karin Holm", "spokeswoman"),
      ("Ahmed al-Rashidi", "port director")]),
]


@pytest.mark.parametrize("text,quotes,roles", FIELD, ids=["13-parenthetical-said", "14-sentence-final-attribution"])
def test_field_cases(nlp, text, quotes, roles):
    entities, found = find_entities(nlp(text), find_quotes(nlp(text)))
    names = {e.id: e.name for e in entities}
    got = [(q.text, names.get(q.speaker_entity), q.speaker.text if q.speaker else None, q.cue.text, q.kind)
           for q in found]
    assert got == quotes
    people = {e.name: e.roles for e in entities if e.type == "PERSON"}
    for name, role in roles:
        assert any(role in r for r in people[name]), (name, people.get(name))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       | st.lists(st.sampled_from(['"', "“", "”", "''", "‘", "’", "―", ",", ".", "\n\n", " said ", " she ", "¹",
                                  "٣", " Sgt. ", " Lopez", " according to ", ":", "A", "which"]),
                  max_size=60).map("".join))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_reads_without_error(nlp, text):
    for q in find_quotes(nlp(text)):
        assert q.text == " ".join(text[a:b] for a, b in q.content_spans)


def test_offsets_point_into_the_text(nlp):
    text = "“A,” Brafman said, “B is true.”\n\nShe said that he lied, according to aides."
    for q in find_quotes(nlp(text)):
        assert q.text == " ".join(text[a:b] for a, b in q.content_spans)
        assert (q.start, q.end) == (q.content_spans[0][0], q.content_spans[-1][1])
        assert q.speaker is None or text[q.speaker.start:q.speaker.end] == q.speaker.text
        assert q.cue is None or text[q.cue.start:q.cue.end] == q.cue.text
        assert q.speaker_entity is None


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "gold.json").exists(), reason="../shared/data/quotes is not checked out beside the repo")
def test_polnear_floor():
    res = subprocess.run([sys.executable, str(ROOT / "bench" / "quotes.py"), "--limit", "20"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    line = next(l for l in res.stdout.splitlines() if l.startswith("score:"))
    score = float(line.split()[1])
    assert score >= FLOOR, f"end-to-end F1 {score:.4f} fell below the floor {FLOOR}\n{res.stdout}"
