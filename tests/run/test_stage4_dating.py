"""End to end: an article only its story dates has its time expressions valued with that date (connect/dating.py)
in the store, the export and the story's timeline, alike after one run, one input at a time, and a rerun."""
import json
from datetime import date

from storyline import pipeline
from storyline.store import open_store

DATED = """Russian court hears Brittney Griner drug case
MOSCOW, July 7, 2022 - American basketball star Brittney Griner pleaded guilty on Thursday to drug charges at a court \
in Khimki, near Moscow.
Griner, who plays for the Phoenix Mercury, was detained at Sheremetyevo airport in February after customs officers \
said they found vape cartridges containing cannabis oil in her luggage.
Her lawyers said Griner hoped the court would take her guilty plea into account. The White House said it was working \
to bring Griner home.
"""
UNDATED = """Brittney Griner case: verdict expected next month
American basketball star Brittney Griner was detained at Sheremetyevo airport near Moscow in February after customs \
officers said they found vape cartridges containing cannabis oil in her luggage.
Fans of the Phoenix Mercury player have criticised her five-month detention in Russia. The White House said it was \
working to bring Griner home.
Her lawyers said the court in Khimki would hear more witnesses. A verdict is expected on August 5.
"""


def _export(out) -> dict:
    return json.loads((out / "export.json").read_text(encoding="utf-8"))


def test_an_article_its_story_dates_has_its_yearless_dates_valued_wherever_they_are_read(tmp_path):
    (tmp_path / "A").mkdir()
    (tmp_path / "B").mkdir()
    (tmp_path / "A" / "dated.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "B" / "undated.txt").write_text(UNDATED, encoding="utf-8")
    pipeline.run([str(tmp_path / "A"), str(tmp_path / "B")], tmp_path / "once")
    once = _export(tmp_path / "once")
    (undated,) = [a for a in once["articles"] if a["path"].endswith("undated.txt")]
    assert (undated["published"]["earliest"], undated["published"]["latest"]) == ("2022-07-01", "2022-08-04")
    assert [(t["text"], t["value"], t["earliest"], t["latest"]) for t in once["time_expressions"]
            if t["article_id"] == undated["id"]] == [("February", "2022-02", "2022-02-01", "2022-02-28"),
                                                     ("five-month", "P5M", None, None),
                                                     ("August 5", "2022-08-05", "2022-08-05", "2022-08-05")]
    (story,) = once["stories"]
    assert {"2022-02", "2022-08-05"} <= {e["date"] for e in story["timeline"]}   # the expected verdict: its date only

    steps = tmp_path / "steps"                      # one input, then the other, then the second again
    pipeline.run([str(tmp_path / "A")], steps)
    pipeline.run([str(tmp_path / "B")], steps)
    assert _export(steps) == once                   # nothing lost, nothing twice
    written = (steps / "export.json").read_text(encoding="utf-8")
    pipeline.run([str(tmp_path / "B")], steps)
    assert (steps / "export.json").read_text(encoding="utf-8") == written
    with open_store(pipeline.default_store(steps)) as store:   # what the store holds: the stage-4 date, valued
        (dated,) = store.connected().dates
        assert dated.article_id == undated["id"] and store.dates_in([undated["id"], "nothing"]) == [dated]
        assert [(t.text, t.value, t.earliest) for t in dated.times] == [("February", "2022-02", date(2022, 2, 1)),
                                                                        ("August 5", "2022-08-05", date(2022, 8, 5))]
    pipeline.export(pipeline.default_store(steps), tmp_path / "again")
    assert _export(tmp_path / "again") == once
