"""Story timelines: tables of small stories and the dates their timelines must give."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from storyline.connect.timeline import default_length, reading, timeline
from storyline.connect.timeline.centroid import Tfidf, cosine, knee
from storyline.connect.timeline.dates import choose, features, load_model
from storyline.connect.timeline import sentences
from storyline.connect.timeline.sentences import granule, split
from storyline.timex import tag
from storyline.records import AnalysedArticle, Article, DateRange, Event, Mention, TimeExpression


def A(aid: str, published: str, *sentences: str) -> Article:
    day = date.fromisoformat(published)
    return Article(aid, f"in/{aid}.txt", "\n".join(sentences), f"h-{aid}", published=DateRange(day, day))


def read(articles: list[Article]) -> list[AnalysedArticle]:
    """Stage 3's time expressions only: all a timeline reads besides the text."""
    return [AnalysedArticle(a.id, time_expressions=tuple(tag(a.text, a.published.earliest))) for a in articles]


def summaries(story: list[Article], length: int | None = None) -> dict[str, str]:
    """Date -> the summary sentence of each entry of the story's timeline."""
    return {e.date: e.text for e in timeline(story, read(story), length)}


GRINER = [
    A("a", "2022-02-18", "Russian customs officers arrested the basketball player Brittney Griner on Thursday.",
      "They said they had found vape cartridges in her luggage at the airport."),
    A("b", "2022-03-05", "Brittney Griner has been held in Russia since she was detained on February 17.",
      "Her team said it was in close contact with her lawyers."),
    A("c", "2022-08-04", "A Russian court sentenced Brittney Griner to nine years in prison on Thursday.",
      "She had been arrested on February 17 at a Moscow airport."),
]

UPRISING = [  # the sources give a month and never its day
    A("u1", "2023-05-02", "The uprising began in March 2011 with protests in the southern city of Deraa."),
    A("u2", "2023-05-20", "Since the uprising began in March 2011, hundreds of thousands of people have died."),
]

UPRISING_DAY = UPRISING + [  # ... until one names the day
    A("u3", "2023-06-01", "The first protest took place on March 15, 2011, in the old city of Damascus."),
]

CLASHES = [  # reports of yesterday, and a vote announced for a later day
    A("k1", "2015-06-02", "Protesters clashed with police in the capital yesterday, leaving dozens injured.",
      "The interior ministry said order had been restored by the evening."),
    A("k2", "2015-06-03", "Monday's clashes were the worst in the capital since the election last year.",
      "Parliament will vote on the emergency law on June 9, the speaker said."),
    A("k3", "2015-06-10", "Parliament approved the emergency law on Tuesday after a long and angry debate.",
      "The clashes of June 1 had pushed wavering members to back the law."),
]

BACKGROUND = [  # a year one article recalls is background, not an event of the story
    A("g1", "2019-03-12", "Parliament rejected the withdrawal agreement for a second time on Tuesday.",
      "It was the heaviest defeat for a government since 1924, one historian said."),
    A("g2", "2019-03-13", "Lawmakers voted on Wednesday to rule out leaving the union without a deal.",
      "The prime minister said she would bring her plan back next week."),
]

SHARED = [  # one sentence is all the story says about two days
    A("p1", "2005-01-10", "The poll was conducted between November 15 and January 3 in twenty countries.",
      "Most of those asked said the war had made the world a more dangerous place."),
]

# (story, length, the timeline's dates in order)
CASES = [
    # the day three articles name beats days only published on; the sentencing day comes next
    (GRINER, 2, ("2022-02-17", "2022-08-04")),
    (GRINER, 1, ("2022-02-17",)),
    # a month when no source gives the day
    (UPRISING, 1, ("2011-03",)),
    # a day replaces the month it falls in, whatever the length
    (UPRISING_DAY, 1, ("2011-03-15",)),
    (UPRISING_DAY, 10, ("2011-03-15",)),
    # "yesterday" and "Monday" date the clashes to June 1; the vote day is named before and after it happened
    (CLASHES, 2, ("2015-06-01", "2015-06-09")),
    (BACKGROUND, 5, ("2019-03-12", "2019-03-13")),
    # a day whose only sentence already sums up another day keeps its place, with that sentence
    (SHARED, 3, ("2004-11-15", "2005-01-03", "2005-01-10")),
]


@pytest.mark.parametrize("story,length,dates", CASES)
def test_timeline_dates(story, length, dates):
    entries = timeline(story, read(story), length)
    assert tuple(e.date for e in entries) == dates


@pytest.mark.parametrize("story", [GRINER, UPRISING, UPRISING_DAY, CLASHES, BACKGROUND])
def test_every_entry_quotes_its_article(story):
    texts = {a.id: a.text for a in story}
    entries = timeline(story, read(story), 10)
    assert entries and list(entries) == sorted(entries, key=lambda e: e.date)
    for e in entries:
        assert texts[e.article_id][e.start:e.end] == e.text
        assert e.article_id in e.article_ids and 0 < e.score <= 1


def test_summaries_are_sentences_about_the_date():
    entries = {e.date: e for e in timeline(GRINER, read(GRINER), 2)}
    # "Thursday" of the 18 February report, before "She had been arrested on February 17", which opens with a pronoun
    assert entries["2022-02-17"].text.startswith("Russian customs officers arrested")
    assert entries["2022-08-04"].text.startswith("A Russian court sentenced")


VIGIL = [  # a day the article published the day after names, beside leads that name no date
    A("v1", "2024-03-08", "Hundreds of people gathered on Thursday night at a church to remember the workers killed "
      "in the fire.",
      "Many of the workers killed in the fire had worked at the plant for years.",
      "The fire department said on Thursday that the state fire marshal had taken over the investigation."),
    A("v2", "2024-03-06", "The fire at the plant killed 12 workers on Monday, officials said.",
      "Families of the workers killed in the fire will hold a vigil at a church."),
]


def test_an_entry_quotes_a_sentence_naming_its_date_when_one_does():
    """A lead sentence naming no date stands for a day only when no readable sentence names the day."""
    entries = summaries(VIGIL, 10)
    assert entries["2024-03-07"].startswith("Hundreds of people gathered on Thursday night")
    assert entries["2024-03-04"].startswith("The fire at the plant killed 12 workers on Monday")
    # no sentence names the publication day: a lead of that day's article stands for it
    assert entries["2024-03-08"] == "Many of the workers killed in the fire had worked at the plant for years."


def test_a_sentence_sums_up_a_second_day_only_when_it_is_the_only_one():
    entries = summaries(SHARED, 3)
    assert entries["2004-11-15"] == entries["2005-01-03"] == SHARED[0].text.split("\n")[0]
    assert entries["2005-01-10"].startswith("Most of those asked")
    two = GRINER[:2]         # two sentences about February 17 and one report of each day: none is used twice
    texts = [e.text for e in timeline(two, read(two), 10)]
    assert len(texts) == len(set(texts)) == 3


def test_a_copy_counts_once():
    copy = replace(GRINER[2], id="c2", source="in/c2.txt", duplicate_of="c")
    with_copy = GRINER + [copy]
    assert timeline(with_copy, read(with_copy), 3) == timeline(GRINER, read(GRINER), 3)


@pytest.mark.parametrize("added,kept", [
    # an update adds a sentence of its own: it is read, what both versions tell is counted once
    ("Her lawyers said on August 5 that she would appeal.", ["Her lawyers said on August 5 that she would appeal."]),
    # a copy that only repeats its original adds nothing
    (None, []),
])
def test_a_copy_keeps_only_what_its_original_does_not_tell(added, kept):
    update = replace(GRINER[2], id="c2", source="in/c2.txt", duplicate_of="c",
                     text=GRINER[2].text.upper().replace(".", "") + (f"\n{added}" if added else ""))
    story = GRINER + [update]
    read_ = reading(story, read(story))
    assert [s.text for s in read_.sentences.get("c2", [])] == kept
    assert read_.published.get("c2") is None
    if added:
        assert "2022-08-05" in {e.date for e in timeline(story, read(story), 5)}


def test_events_of_the_summary_sentence_are_referenced():
    readings = read(GRINER)
    start = GRINER[2].text.index("A Russian court")
    end = GRINER[2].text.index("\n")
    sentenced = Event("sentence", Mention(start + 16, start + 25, "sentenced"),
                      Mention(start, end, GRINER[2].text[start:end]))
    readings[2] = replace(readings[2], events=(sentenced,))
    entries = {e.date: e for e in timeline(GRINER, readings, 2)}
    assert entries["2022-08-04"].events == (("c", 0),)
    assert entries["2022-02-17"].events == ()


@pytest.mark.parametrize("n,length", [(0, 5), (2, 5), (3, 6), (25, 50), (1000, 2000), (5000, 2000)])
def test_default_length_grows_with_the_story(n, length):
    assert default_length(n) == length


def test_default_length_applies_for_none_and_zero():
    # three articles, nine candidate days (each published on one and recalling two others): the default keeps six
    many = [A(f"d{i}", f"2020-03-{i + 10:02d}", f"Officials met again to discuss the plan on day {i + 10} of the talks.",
              f"The first round of talks had been held on February {i + 1}, 2020, in the capital.",
              f"A second round followed on March {i + 1}, 2020, in the port city.")
            for i in range(3)]
    assert len(timeline(many, read(many))) == len(timeline(many, read(many), 0)) == default_length(3) == 6
    assert len(timeline(many, read(many), 9)) == 9


@pytest.mark.parametrize("recalling,has_year", [(2, False), (3, True)])
def test_a_year_needs_a_good_part_of_a_large_story(recalling, has_year):
    # 21 daily reports; some recall 1929: two of 21 is background, three (a tenth and more) is part of the story
    story = [A(f"r{i}", f"2008-10-{i + 1:02d}", f"Markets fell again on the {i + 1}th day of the month as banks failed.",
               *(["The crash was the worst since the one of 1929, traders said."] if i < recalling else []))
             for i in range(21)]
    dates = [e.date for e in timeline(story, read(story))]
    assert ("1929" in dates) == has_year and len(dates) == 21 + has_year


def test_empty_and_undated_stories_have_no_timeline():
    assert timeline([], []) == ()
    undated = [replace(a, published=None) for a in UPRISING]
    assert timeline(undated, [AnalysedArticle(a.id) for a in undated]) == ()


def test_a_negative_length_is_refused():
    with pytest.raises(ValueError, match="0 \\(automatic\\) or more"):
        timeline(GRINER, read(GRINER), -1)


WEEKLY = [  # published Monday, Monday, Friday; they recall a Saturday, a Monday and the month
    A("w1", "2022-02-14", "The talks opened in Geneva on February 12, 2022, after months of delay."),
    A("w2", "2022-02-21", "A first draft had been circulated on February 7, 2022, to the delegations."),
    A("w3", "2022-02-25", "February 2022 was the busiest month for the envoys in years."),
]


def test_docs_weekday_counts_the_story_articles_published_on_the_day_s_weekday():
    stats = reading(WEEKLY, read(WEEKLY)).stats
    weekday = {g: st.counts["docs_weekday"] for g, st in stats.items()}
    assert weekday == {"2022-02-07": 2, "2022-02-12": 0, "2022-02-14": 2, "2022-02-21": 2, "2022-02-25": 1,
                       "2022-02": 0}      # published days count too; a month has no weekday
    vectors = features(stats, ("docs_weekday",))   # scaled like every count: unit L2 norm over the days
    assert sum(vectors[g][0] ** 2 for g in weekday if len(g) == 10) == pytest.approx(1.0)
    assert "docs_weekday" in load_model()["features"]


def test_of_two_days_referred_to_alike_the_one_on_a_busy_weekday_ranks_first():
    # the story appears on weekdays; a Saturday and a later Wednesday are each recalled by one sentence
    story = [A(f"n{i}", f"2021-06-{day:02d}", f"Ministers met again in Brussels on the {day}th to talk about fishing.")
             for i, day in enumerate((7, 8, 9, 10, 11, 14, 15, 16, 17, 18))]
    story += [A("n10", "2021-06-21", "The fleet had sailed out on May 29 in protest, its captains said."),
              A("n11", "2021-06-22", "The ministers had first met the captains on June 2 in Calais.")]
    score = {e.date: e.score for e in timeline(story, read(story))}
    assert score["2021-06-02"] > score["2021-05-29"]     # a tie without the weekday, won by the earlier day


@pytest.mark.parametrize("value,earliest,latest,typ,mod,expected", [
    ("2022-02-17", "2022-02-17", "2022-02-17", "DATE", None, "2022-02-17"),
    ("2022-02-17T10:30", "2022-02-17", "2022-02-17", "TIME", None, "2022-02-17"),
    ("2022-02", "2022-02-01", "2022-02-28", "DATE", None, "2022-02"),
    ("2024-02", "2024-02-01", "2024-02-29", "DATE", "START", "2024-02"),
    ("2022", "2022-01-01", "2022-12-31", "DATE", None, "2022"),
    ("2022-W07", "2022-02-14", "2022-02-20", "DATE", None, None),        # a week is no timeline date
    ("2022-02-17", "2022-02-17", "2022-02-17", "DATE", "BEFORE", None),  # "before February 17"
    ("P3D", None, None, "DURATION", None, None),
])
def test_granule(value, earliest, latest, typ, mod, expected):
    d = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    assert granule(TimeExpression(0, 1, "x", typ, value, d(earliest), d(latest), mod)) == expected


@pytest.mark.parametrize("text,days", [
    # a page's or a comment's timestamp says when it was posted: no mention of its day
    ("TOKYO | Tue Mar 15, 2011 11:40 pm GMT TOKYO (Reuters) - Japan said on Monday it would act.", ["2011-03-14"]),
    ("Tuesday 4 January 2005 08.43 GMT There has never been a war like this one.", []),
    ("Tuesday, March 10, 2009; 11:48 AM A shortage of staff is taking a toll.", []),
    ("7 May 2012 Last updated at 20:10 GMT Voters went to the polls.", []),
    ("Nobody listens. Posted by: Sam | September 19, 2008 12:34 PM | Report abuse", []),
    ("2nd July 2011 - 13:45 If I had a pistol by my side I would not use it.", []),
    # a wire dateline's date says when the story was filed: the lead is about the day it names
    ("March 16 (Reuters) - A court sentenced him on Monday to eight years.", ["2011-03-14"]),
    ("WASHINGTON, March 16 (Reuters) - Officials met on Monday.", ["2011-03-14"]),
    ("LONDON, March 16 (AP) \u2014 Officials met on Monday.", ["2011-03-14"]),
    # a date before a parenthesis in running text is prose
    ("An official said on March 15 (Tuesday) - before the vote - that it was over.", ["2011-03-15"]),
    # prose that names a day and an hour mentions that day
    ("The blast struck on March 15, 2011, at 11:40 p.m. local time.", ["2011-03-15"]),
    ("On March 3, 2011 12 people died in the city.", ["2011-03-03"]),
])
def test_a_timestamp_mentions_no_day(text, days):
    article = A("t", "2011-03-16", text)
    got = [g for s in split(article, tag(text, date(2011, 3, 16))) for g in s.granules]
    assert got == days


@pytest.mark.parametrize("text,first,stamped", [
    # a sentence opening with a page's timestamp starts after it; one with a comment's further in is stamped
    ("Tuesday, March 10, 2009; 11:48 AM A shortage of staff is taking a toll.",
     "A shortage of staff is taking a toll.", False),
    ("Tuesday 4 January 2005 08.43 GMT There has never been a war like this one.",
     "There has never been a war like this one.", False),
    ("Nobody listens. Posted by: Sam | September 19, 2008 12:34 PM | Report abuse",
     "Nobody listens.", True),
    ("The blast struck on March 15, 2011, at 11:40 p.m. local time.",
     "The blast struck on March 15, 2011, at 11:40 p.m. local time.", False),
    # so does one opening with a wire dateline
    ("WASHINGTON, March 16 (Reuters) - Officials met on Monday.", "Officials met on Monday.", False),
])
def test_a_timestamp_or_dateline_opening_a_sentence_is_left_out_of_it(text, first, stamped):
    article = A("t", "2011-03-16", text)
    got = split(article, tag(text, date(2011, 3, 16)))
    assert got[0].text == first and text[got[0].start:got[0].end] == first
    assert any(s.stamped for s in got) == stamped


def test_a_reader_comment_sums_up_a_day_only_when_nothing_else_does():
    story = [A("p1", "2008-09-20", "Comment: bailouts never work. Posted by: Sam | September 19, 2008 12:34 PM "
               "| Report abuse The Senate met on September 19 to debate the bailout plan."),
             A("p2", "2008-09-21", "Lawmakers debated the bailout plan on September 19 until late at night.")]
    entries = summaries(story)
    assert entries["2008-09-19"] == "Lawmakers debated the bailout plan on September 19 until late at night."
    alone = story[:1]
    assert "2008-09-19" in {e.date for e in timeline(alone, read(alone))}


@pytest.mark.parametrize("text,sentences", [
    ("Mr. Smith arrived in the U.S. on Monday. He left on Friday.",
     ["Mr. Smith arrived in the U.S. on Monday.", "He left on Friday."]),
    ("  First line here.\n\nSecond line, one sentence\n", ["First line here.", "Second line, one sentence"]),
    ('"We will stay," she said. "Nobody leaves."', ['"We will stay," she said.', '"Nobody leaves."']),
    # a quote of several sentences stays whole with its attribution: no summary starts inside a quotation
    ('"Are others possible? Yes. Compromises were found," Putin said on Dec. 9. He left.',
     ['"Are others possible? Yes. Compromises were found," Putin said on Dec. 9.', "He left."]),
    ("\u201cWe tried. We failed,\u201d he said. It rained.", ["\u201cWe tried. We failed,\u201d he said.", "It rained."]),
    ("He said it's over. \"It is. Really.", ["He said it's over.", '"It is. Really.']),   # left open: to the line's end
])
def test_sentences_are_spans_of_the_text(text, sentences):
    article = Article("x", "x", text, "h")
    got = split(article, ())
    assert [s.text for s in got] == sentences
    assert all(text[s.start:s.end] == s.text for s in got)


@pytest.mark.parametrize("a,b,expected", [
    ({"x": 1.0}, {"x": 5.0}, 1.0),
    ({"x": 1.0}, {"y": 1.0}, 0.0),
    ({"x": 3.0, "y": 4.0}, {"x": 1.0}, 0.6),     # neither need be of unit length, in either order
    ({"x": 1.0}, {"x": 3.0, "y": 4.0}, 0.6),
    ({}, {"x": 1.0}, 0.0),
])
def test_cosine(a, b, expected):
    assert cosine(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("values,index", [
    ([0.9, 0.85, 0.8, 0.2, 0.15, 0.1], 2),      # the last point before the drop
    ([0.9, 0.2, 0.19, 0.18, 0.17], 1),
    ([0.5, 0.4], 1),
    ([0.5], 0),
])
def test_knee(values, index):
    assert knee(values) == index


def test_tfidf_weighs_rare_words_up_and_drops_stop_words():
    tf = Tfidf(["the bank failed", "the bank was rescued", "markets fell as the bank failed"])
    v = tf.vector("The bank was rescued")
    assert set(v) == {"bank", "rescued"} and v["rescued"] > v["bank"]
    assert sum(x * x for x in v.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("scores,want,refused,expected", [
    # the day after a chosen day is discounted below a later, slightly weaker one ...
    ({"2020-01-01": 0.9, "2020-01-02": 0.8, "2020-01-11": 0.79}, 2, (), ["2020-01-01", "2020-01-11"]),
    # ... but not when the chosen day is a week away
    ({"2020-01-01": 0.9, "2020-01-08": 0.8, "2020-01-11": 0.79}, 2, (), ["2020-01-01", "2020-01-08"]),
    # a day that cannot be an entry discounts nothing
    ({"2020-01-01": 0.9, "2020-01-02": 0.8, "2020-01-11": 0.79}, 2, ("2020-01-01",), ["2020-01-02", "2020-01-11"]),
    # months and years discount no day; ties go to the earlier date
    ({"2020-01": 0.9, "2020-01-02": 0.5, "2020-01-01": 0.5}, 3, (), ["2020-01", "2020-01-01", "2020-01-02"]),
])
def test_choose_spreads_dates_over_time(scores, want, refused, expected):
    taken = choose(scores, want, lambda g: g not in refused)
    assert list(taken) == expected
    assert list(taken.values()) == sorted(taken.values(), reverse=True)


def test_an_article_too_long_to_read_still_has_sentences():
    """Stage 3 refuses a text over spaCy's million characters, but the article stays in its story: stage 4
    splits it into sentences all the same (a one-line text: the sentencizer gets it whole)."""
    text = "The talks ended on 5 May 2022. " * 35_000
    assert len(text) > 1_000_000 and "\n" not in text
    article = Article(id="long", source="in/long.txt", text=text, content_hash="h-long",
                      published=DateRange(date(2022, 5, 6), date(2022, 5, 6), "given"))
    sentences = split(article, ())
    assert len(sentences) == 35_000 and sentences[-1].text == "The talks ended on 5 May 2022."


@pytest.mark.parametrize("text,word,attributive", [
    ("Velmar said on Tuesday it restarted the units shut after the March 4 explosion.", "March 4", True),
    ("Velmar said on Tuesday it restarted the units shut after the March 4 explosion.", "Tuesday", False),
    ("The minister visited the site of Tuesday's deadly explosion on Wednesday.", "Tuesday", True),
    ("The minister visited the site of Tuesday's deadly explosion on Wednesday.", "Wednesday", False),
    ("Unemployment rose sharply in the 2008 crisis.", "2008", True),
    ("The March 4 vote was delayed.", "March 4", True),
    ("The vote was held on March 4 in Paris.", "March 4", False),
    ("It happened last Tuesday, he said.", "Tuesday", False),
    ("On March 4 police arrested him.", "March 4", False),
])
def test_a_date_naming_a_noun_s_event_is_attributive(text, word, attributive):
    i = text.index(word)
    assert sentences.attributive(text, TimeExpression(i, i + len(word), word, "DATE", "2025-03-04")) is attributive


def test_a_sentence_naming_a_day_only_as_a_noun_s_date_sums_it_up_last():
    """The restart told on Tuesday is no summary of the day of the explosion it mentions in passing."""
    story = [A("m1", "2025-03-25", "Velmar Chemie said on Tuesday it had restarted four production units that were "
               "shut down after the March 4 explosion that killed three workers."),
             A("m2", "2025-03-18", "Investigators said the blast on March 4 began in a faulty reactor at the plant.")]
    entries = summaries(story)
    assert entries["2025-03-04"] == "Investigators said the blast on March 4 began in a faulty reactor at the plant."
    assert entries["2025-03-25"].startswith("Velmar Chemie said on Tuesday")


def test_a_sentence_opening_with_a_pronoun_sums_up_a_day_last():
    """Quoted alone, "He said ..." does not say who; a sentence naming its subject does."""
    story = [A("p1", "2025-03-18", "Prosecutor Stefan Wolff said he had strong evidence against the managers.",
               "He said investigators had seized documents at the plant on Monday."),
             A("p2", "2025-03-19", "Investigators seized documents at the Velmar plant in Marl on Monday, police said.")]
    entries = summaries(story)
    assert entries["2025-03-17"].startswith("Investigators seized documents")
    alone = story[:1]        # the only sentence naming the day still sums it up
    assert summaries(alone)["2025-03-17"].startswith("He said")


def test_a_forecast_sums_up_its_day_only_when_no_report_of_the_day_does():
    """Written before the day, "is expected to cut ... on Wednesday" is what analysts thought; the report
    written on the day says what the bank did, though the forecasts outnumber it."""
    story = [A("f1", "2026-10-26", "The central bank is expected to cut its benchmark rate by a quarter point on "
               "Wednesday, economists polled by Reuters said."),
             A("f2", "2026-10-27", "Economists expect the central bank to cut its benchmark rate by a quarter "
               "point on Wednesday."),
             A("f3", "2026-10-28", "The bank surprised markets on Wednesday with a half-point cut to 4.25%.")]
    assert summaries(story)["2026-10-28"].startswith("The bank surprised markets")
    assert summaries(story[:2])["2026-10-28"].startswith(("The central bank is expected", "Economists expect"))


def test_an_article_dating_its_news_to_its_own_day_is_no_report_of_the_day_before():
    """News-tls lets the leads of the next day's articles sum up a day; not those of an article whose lead
    says its news happened on the day it was published."""
    story = [A("d1", "2026-10-27", "Analysts see the central bank trimming its benchmark rate gradually."),
             A("d2", "2026-10-28", "The central bank cut its key interest rate by half a point on Wednesday.",
               "The five-member board voted unanimously to lower the benchmark interest rate to 4.25%."),
             A("d3", "2026-11-02", "The board voted unanimously last week to lower the benchmark interest rate.")]
    assert summaries(story)["2026-10-27"].startswith("Analysts see")


@pytest.mark.parametrize("text,word,bound", [
    ("Ashby, who had led the company since 2019, said he was stepping down.", "2019", True),
    ("Prices have doubled since early March.", "early March", True),
    ("He will stay in custody until March 10.", "March 10", True),
    ("He led the company from 2015 to 2019.", "2015", True),
    ("He led the company from 2015 to 2019.", "2019", True),
    ("Polls are open from Monday until Wednesday.", "Wednesday", True),
    ("Ashby became chief executive in 2019.", "2019", False),
    ("New rules apply from Monday.", "Monday", False),          # a change of its own day, no range
    ("He flew from Toronto to Paris on March 10.", "March 10", False),
    ("Customers will be told by Friday.", "Friday", False),
])
def test_a_state_s_bound_is_no_date_of_its_sentence(text, word, bound):
    times = tag(text, date(2025, 3, 4))
    t = next(t for t in times if t.text == word)
    got = sentences.bounding(text, t, {u.start for u in times}, {u.end: u.start for u in times})
    assert got is bound


def test_a_sentence_naming_a_year_only_as_a_state_s_start_never_sums_it_up():
    """ "who had led the company since 2019" dates no resignation: no 2019 entry quoting it, and the sentence is
    news of its article's day (trial 7)."""
    story = [A(aid, day, "Corvane Telecom boss Martin Ashby quit on Tuesday after a cyberattack on the operator.",
               "Ashby, 53, who had led the company since 2019, said he was stepping down to allow a fresh start.")
             for aid, day in (("r1", "2025-03-04"), ("r2", "2025-03-05"))]
    entries = summaries(story)
    assert "2019" not in entries
    assert {d for d, text in entries.items() if "since 2019" in text} <= {"2025-03-04", "2025-03-05"}
    got = split(story[0], read(story[:1])[0].time_expressions)[1]
    assert got.granules == ("2019",) and got.background == ("2019",) and got.dates == ()
    recalled = story + [A("r3", "2025-03-05", "Ashby became chief executive of Corvane Telecom in 2019 after "
                          "running its Irish business.")]
    assert summaries(recalled)["2019"].startswith("Ashby became chief executive")
