"""Long texts are parsed in sections (read.nlp.parse): the same text, tokens and readings as one whole parse."""
from pathlib import Path

import pytest

from storyline.read import analyse_many, read_parsed
from storyline.read import nlp as nlp_module
from storyline.read.nlp import load_nlp, parse, sections
from storyline.records import Article

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
PARAGRAPH = ("Secretary of State Antony Blinken said on Tuesday that the United States had made a substantial "
             "proposal to Moscow. \"We are ready to talk,\" he told reporters in Washington.\n\n"
             "Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara on March 3, 2022.\n\n")


def _long_text() -> str:
    if SEEDS.is_dir():
        return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    return PARAGRAPH * 40


def test_sections_concatenate_to_the_text_and_respect_the_size():
    text = _long_text()
    pieces = sections(text, 1_000)
    assert "".join(pieces) == text
    assert len(pieces) > 1 and all(len(p) <= 1_000 for p in pieces)


def test_a_short_text_is_one_section():
    assert sections("Short text.\n", 1_000) == ["Short text.\n"]


def test_cuts_prefer_line_breaks_then_sentences_then_spaces():
    lines = "a" * 60 + "\n" + "b. " * 10 + "c" * 20
    assert sections(lines, 100)[0] == "a" * 60 + "\n"
    sentences = "word " * 5 + "x" * 40 + ". " + "y " * 40
    assert sections(sentences, 100)[0].endswith("x. ")
    words = "z" * 70 + " " + "z" * 50
    assert sections(words, 100)[0] == "z" * 70 + " "
    assert sections("q" * 250, 100) == ["q" * 100, "q" * 100, "q" * 50]


@pytest.fixture
def small_sections(monkeypatch):
    monkeypatch.setattr(nlp_module, "SECTION_CHARS", 1_500)


def test_sectioned_parse_keeps_the_text_and_the_tokens(small_sections):
    text = _long_text()
    whole = load_nlp()(text)
    doc = next(parse([text]))
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in whole]
    assert doc.has_annotation("SENT_START") and doc.has_annotation("DEP")


def test_sectioned_parse_runs_the_news_fixes_on_the_joined_doc(small_sections):
    text = _long_text()
    doc = next(parse([text]))
    # news_credits (a fix after "ner") writes its span group on the whole Doc
    assert "credits" in doc.spans
    whole = {(e.text, e.label_) for e in load_nlp()(text).ents}
    ours = {(e.text, e.label_) for e in doc.ents}
    assert len(whole & ours) >= 0.9 * len(whole)


def test_parse_keeps_the_order_of_short_and_long_texts(small_sections):
    long = _long_text()
    texts = ["First short text.", long, "Second short text.", long[:900]]
    assert [d.text for d in parse(texts, batch_size=2)] == texts


def test_readings_of_a_sectioned_article_match_the_whole_parse(small_sections):
    text = PARAGRAPH * 30
    assert len(text) > 1_500
    article = Article(id="a", source="a.txt", text=text, content_hash="h")
    ours = next(analyse_many([article]))
    whole = read_parsed(article, load_nlp()(text))
    assert ours.time_expressions == whole.time_expressions
    assert ours.quotes == whole.quotes
    assert {(e.name, e.type) for e in ours.entities} == {(e.name, e.type) for e in whole.entities}
    assert ours.events == whole.events


def test_the_fixes_off_parse_uses_the_bare_model(small_sections):
    text = PARAGRAPH * 20
    doc = next(parse([text], fixes=False))
    assert doc.text == text and "credits" not in doc.spans


def test_short_texts_are_parsed_in_groups_of_bounded_length_in_order(monkeypatch):
    monkeypatch.setattr(nlp_module, "BATCH_CHARS", 60)
    monkeypatch.setattr(nlp_module, "SECTION_CHARS", 100)
    texts = [f"Text number {i} is short." for i in range(7)] + [PARAGRAPH[:150], "Last one."]
    assert [d.text for d in parse(texts, batch_size=4)] == texts
