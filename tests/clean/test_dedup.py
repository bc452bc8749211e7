import pytest

from storyline.clean.dedup import band_keys, is_version, signature, similarity, text_hash

STORY = ("The central bank raised its main interest rate by half a point on Thursday, the largest increase in "
         "two decades, as it tried to cool inflation that has reached its highest level since the 1980s. "
         "Officials said further increases were likely in the coming months.")


def test_text_hash_ignores_case_spacing_and_punctuation():
    assert text_hash(STORY) == text_hash(STORY.upper().replace(" ", "  ").replace(",", ""))
    assert text_hash(STORY) != text_hash(STORY.replace("Thursday", "Friday"))


def test_light_edit_is_near_and_another_story_is_not():
    edited = STORY.replace("Officials said", "Bank officials said") + " Reuters contributed."
    other = ("Heavy rain flooded parts of the city overnight, closing schools and roads, and forecasters warned "
             "that more storms were on the way before the weekend, with rivers already near their banks.")
    a, b, c = signature(STORY), signature(edited), signature(other)
    assert similarity(a, b) >= 0.8
    assert similarity(a, c) < 0.2
    assert set(band_keys(a)) & set(band_keys(b))


def test_signature_is_stable_and_short_texts_have_none():
    assert signature(STORY) == signature(STORY)
    assert signature("too short to judge") is None


def _article(text, outlet="Reuters", day=None):
    from datetime import date
    from storyline.records import Article, DateRange
    when = DateRange(date.fromisoformat(day), date.fromisoformat(day)) if day else None
    return Article(id="x", source="in/x.txt", text=text, content_hash="h", outlet=outlet, published=when)


WIRE = ("LONDON, March 4 (Reuters) - The chief executive of a British mobile operator resigned on Tuesday, a month "
        "after a cyberattack exposed the personal data of customers, as the company said the number affected was far "
        "higher than first thought.\n\nThe company now believes data belonging to more than 2.4 million customers "
        "was taken, double its initial estimate, it said in a statement.\n\nThe data regulator fined the company "
        "15.4 million pounds on Monday, saying it had failed to fix a known weakness in its billing system.\n\n"
        "The chair will act as interim chief executive while the board searches for a successor.\n\n"
        "Shares rose 3% after the announcement.")
# UPDATE 2: a new lede, a changed figure and two paragraphs added: too far from WIRE to be a copy
UPDATE = (WIRE.replace("The chief executive of a British mobile operator resigned", "A British mobile operator's boss "
                       "quit").replace("Shares rose 3% after the announcement.", "Shares closed up 3.4% after the "
                                       "announcement, their first gain since the breach was disclosed.")
          + "\n\nA union said staff at the operator's call centres had faced abuse from customers since the breach, "
            "and called on the new chief executive to meet its representatives within the week.\n\nThe company "
            "said it would write again to every customer affected and extend its offer of free credit monitoring.")
OTHER = ("Heavy rain flooded parts of the city overnight, closing schools and roads, and forecasters warned "
         "that more storms were on the way before the weekend, with rivers already near their banks.")


@pytest.mark.parametrize("first,later,version", [
    (_article(WIRE, day="2025-03-04"), _article(UPDATE, day="2025-03-04"), True),    # the outlet's update
    (_article(WIRE), _article(UPDATE, outlet="Reuters News"), True),                  # one outlet, spelt two ways
    (_article(WIRE, day="2025-03-04"), _article(UPDATE, day="2025-03-05"), True),     # the next day's edition
    (_article(WIRE), _article(UPDATE, outlet="AP"), False),                           # another outlet's story
    (_article(WIRE, outlet=None), _article(UPDATE, outlet=None), False),              # outlets unknown
    (_article(WIRE, day="2025-03-04"), _article(UPDATE, day="2025-03-11"), False),    # refiled a week later
    (_article(WIRE), _article(OTHER), False),                                         # another story
])
def test_an_outlets_update_of_its_story_is_a_version(first, later, version):
    assert similarity(signature(first.text), signature(later.text)) < 0.8      # no copy at the copy threshold
    assert is_version(later, first) is version and is_version(first, later) is version
