import pytest

from storyline.clean.text import clean_lines, strip_markdown

# (text, markdown, must appear in body, must not appear in body)
BODY = [
    ("Headline words here now\n\nThe minister said the talks failed.\n\nRead more\n\nMore story text follows here.", False,
     ["The minister said the talks failed.", "More story text follows here."], ["Read more", "Headline words"]),
    ("A title for the piece\nJane Doe speaks at a briefing on May 2, 2022. © John Roe / Getty Images / AFP\n"
     "The story starts here with enough words.", False,
     ["The story starts here"], ["Getty Images", "speaks at a briefing"]),
    ("Some title of the page\n\nFirst paragraph of the story, with a [link](https://x.org/a) inside.\n\n"
     "Related article: [Other story](#)\n\nSecond paragraph of it.", True,
     ["with a link inside.", "Second paragraph of it."], ["Related article", "Other story", "https://x.org"]),
    ("Title of a markdown story\n\nMinister John Smith **Ministry of Things**\n\nThe body has **bold** words in it.", True,
     ["The body has bold words in it."], ["Ministry of Things", "**"]),
    ("The report said prices rose.\nAdvertisement\nPrices rose by 5% in May.\nShare this article", False,
     ["The report said prices rose.", "Prices rose by 5% in May."], ["Advertisement", "Share this"]),
    ("A story line that reports something.\nPhoto: Reuters/Jane Doe\nAnother story line here.", False,
     ["A story line that reports something.", "Another story line here."], ["Photo:"]),
    ("The painting, an image by the artist's pupil, sold for $2 million.\nThe buyer was not named.", False,
     ["an image by the artist's pupil", "The buyer was not named."], []),
    ("The talks ended. \"It was a good day,\" he said.\nSign up for our newsletter", False,
     ["\"It was a good day,\" he said."], ["Sign up"]),
    # bold is not a caption's form: subheadings and emphasis stay (issue 10)
    ("Title of a markdown story\n\nThe talks began on Monday.\n\n**Why the talks failed**\n\nThey failed on Friday.", True,
     ["Why the talks failed", "They failed on Friday."], ["**"]),
    ("Title of a markdown story\n\nThe talks began on Monday.\n\nThe minister's answer was **no**\n\nRead the full interview with **Sergei Lavrov**\n\n"
     "Body text of the story.", True,
     ["The minister's answer was no", "Read the full interview with Sergei Lavrov"], []),
    ("Title of a markdown story\n\nThe talks began on Monday.\n\nWhat comes next **Analysis**\n\nBody text of the story.", True,
     ["What comes next Analysis"], []),
    # ... a credit is: the seed's Moscow Times caption, a picture library, an agency after a slash
    ("Title of a markdown story\n\nRussian Deputy Foreign Minister Sergei Vershinin **Russian Foreign Ministry**\n\n"
     "Ruins of the school in May **Pixabay**\n\nThe body of the story.", True,
     ["The body of the story."], ["Vershinin", "Russian Foreign Ministry", "Pixabay"]),
    ("A story line that reports something.\nSoldiers near the front line in May. Jane Doe / Reuters\nMore story.", False,
     ["A story line that reports something.", "More story."], ["Soldiers near"]),
    ("A story line that reports something.\nThe town hall on Monday (Photo: AFP)\nMore story.", False,
     ["More story."], ["The town hall"]),
]


@pytest.mark.parametrize("text,markdown,keep,drop", BODY)
def test_body_keeps_the_story_and_drops_furniture(text, markdown, keep, drop):
    body = clean_lines(text, markdown=markdown).text
    for k in keep:
        assert k in body
    for d in drop:
        assert d not in body


# (text, markdown, expected metadata)
META = [
    ("Big news from the capital today\n\nDecember 20, 2022\n\nThe body of the story is here.\n\nAFP contributed reporting.", True,
     {"title": "Big news from the capital today", "top_lines": ["December 20, 2022"], "credits": ["AFP"]}),
    ("The body of a wire story is here.\nThe AP contributed.", False, {"credits": ["AP"]}),
    ("The body of a wire story is here.\nThe Associated Press contributed to this report.", False, {"credits": ["AP"]}),
    ("Body text of the story is here.\nReuters and AFP contributed reporting.", False, {"credits": ["Reuters", "AFP"]}),
    ("Body text of the story is here.\nAdditional reporting by Reuters", False, {"credits": ["Reuters"]}),
    ("MOSCOW (Reuters) - The Kremlin said on Monday it would respond.", False, {"credits": ["Reuters"]}),
    ("Caption of a photo. © Jane Roe / Getty Images / AFP\nThe story text itself is right here.", False, {"credits": []}),
    ("Story text of the article is here.\n\nOriginal url:\n\n[https://www.example.com/2022/12/20/a-long-sto ry-a1](https://www.example.com/2022/12/20/a-long-sto-ry-a1)",
     True, {"url": "https://www.example.com/2022/12/20/a-long-story-a1"}),
    ("Story text of the article is here.\nSource URL: https://news.example.org/item/42", False,
     {"url": "https://news.example.org/item/42"}),
    ("A headline for this story\nBy Jane Doe and John Roe\nThe story text itself is right here.", False,
     {"byline": ["Jane Doe", "John Roe"], "title": "A headline for this story"}),
    ("The man was said to be the AP reporter's source.", False, {"credits": []}),
    ("\u201cWe will not give in to threats,\u201d the minister told parliament on Monday.\nThe vote is due in May.", False,
     {"title": None}),
    ("Minister says 'no deal' is off the table\nThe minister said on Monday that talks would go on.", False,
     {"title": "Minister says 'no deal' is off the table"}),
    ("Story text of the article is here.\n© 2022 The Moscow Times. All rights reserved.", False,
     {"outlet": "The Moscow Times", "text": "Story text of the article is here."}),
    ("Story text of the article is here.\nCopyright 2021-2023 Example News Ltd", False, {"outlet": "Example News Ltd"}),
]


@pytest.mark.parametrize("text,markdown,expected", META)
def test_metadata_from_furniture(text, markdown, expected):
    cleaned = clean_lines(text, markdown=markdown)
    for field, value in expected.items():
        assert getattr(cleaned, field) == value, field


def test_captions_are_kept_aside_for_dating():
    cleaned = clean_lines("Jane Doe speaks on November 7, 2022. © A / Getty Images\nBody of the story here.")
    assert cleaned.captions == ["Jane Doe speaks on November 7, 2022. © A / Getty Images"]
    assert "November" not in cleaned.text


@pytest.mark.parametrize("line,plain", [
    ("[reported](#) Tuesday", "reported Tuesday"),
    ("![a photo](https://x/y.jpg)Text", "Text"),
    ("## A heading", "A heading"),
    ("**bold** and *italic* and __strong__", "bold and italic and strong"),
    ("a * b * c", "a * b * c"),
])
def test_strip_markdown(line, plain):
    assert strip_markdown(line) == plain


# A line on top that is the page's metadata: date, outlet, byline in parts (meta_lines.meta_line; issue trial5 c4)
@pytest.mark.parametrize("line,dates,byline,outlet", [
    ("**Published: October 24, 2025** · Southeast Asia Weekly · by Lorenzo Dizon",
     ["October 24, 2025"], ["Lorenzo Dizon"], "Southeast Asia Weekly"),
    ("Colorado Courts Watch — Friday, November 14, 2025", ["Friday, November 14, 2025"], [], None),
    ("March 5, 2025 | 10:30 AM | By Jane Doe | Updated March 6, 2025",
     ["March 5, 2025", "Updated March 6, 2025"], ["Jane Doe"], None),
    ("By Jane Doe, Associated Press • 5 min read", [], ["Jane Doe"], None),
    ("Posted: 5 March 2025 14:05 GMT - The Texas Tribune", ["5 March 2025 14:05 GMT"], [], "The Texas Tribune"),
    # story text, a title, a wire dateline: no metadata line
    ("March 5, 2025 — The Senate voted on Tuesday to pass the bill", None, None, None),
    ("CENTENNIAL, Colo. (AP) — A grand jury on Monday indicted the treasurer", None, None, None),
    ("Typhoon Marites · Live", None, None, None),
    ("Published: October 24, 2025", None, None, None),              # one part: date_line's
])
def test_meta_line(line, dates, byline, outlet):
    from storyline.clean.meta_lines import meta_line
    found = meta_line(line)
    if dates is None:
        assert found is None
    else:
        assert (found.dates, found.byline, found.outlet) == (dates, byline, outlet)


@pytest.mark.parametrize("text,markdown", [
    ("# After the storm, a race against the mud\n\n**Published: October 24, 2025** · Southeast Asia Weekly · "
     "by Lorenzo Dizon\n\nGUINOBATAN, Albay — Four days after the typhoon, the governor stood on a ridge.", True),
    ("After the storm, a race against the mud\n\n**Published: October 24, 2025** · Southeast Asia Weekly · "
     "by Lorenzo Dizon\n\nGUINOBATAN, Albay — Four days after the typhoon, the governor stood on a ridge.", False),
])
def test_a_metadata_line_on_top_is_no_story_text(text, markdown):
    cleaned = clean_lines(text, markdown=markdown)
    assert cleaned.text.startswith("GUINOBATAN")
    assert cleaned.top_lines == ["October 24, 2025"] and cleaned.byline == ["Lorenzo Dizon"]
    assert cleaned.outlet == "Southeast Asia Weekly"


@pytest.mark.parametrize("line", [
    "*Updated: 6 February 2026, 10:30 a.m. — adds official seat allocation.*",
    "Last updated 6 February 2026 at 10:30",
])
def test_an_update_line_on_top_with_a_note_is_no_story_text(line):
    cleaned = clean_lines(f"# Alliance wins majority\n\n{line}\n\nThe tribunal on Thursday confirmed the result.",
                          markdown=True)
    assert cleaned.text.startswith("The tribunal") and len(cleaned.top_lines) == 1


def test_a_metadata_line_with_an_update_stamp_keeps_its_date_and_byline():
    cleaned = clean_lines("Senate passes bill\n\nMarch 5, 2025 | 10:30 AM | By Jane Doe | Updated March 6, 2025\n\n"
                          "The Senate voted on Tuesday to pass the bill after a long debate.")
    assert cleaned.top_lines == ["March 5, 2025", "Updated March 6, 2025"] and cleaned.byline == ["Jane Doe"]


# Markdown blocks: each list item and heading is a paragraph of its own, as the HTML path makes each <li> a block
@pytest.mark.parametrize("markdown,paragraphs", [
    ("Title of a markdown story here\n\nThe jury convicted him.\n\n## Key dates\n\n- **March 10, 2025** — Indicted"
     "\n- **May 20, 2025** — Motion denied\n",
     ["The jury convicted him.", "Key dates", "- March 10, 2025 — Indicted", "- May 20, 2025 — Motion denied"]),
    ("Title of a markdown story here\n\nThe talks began.\n## Next steps\nThey will meet.\n* one\n+ two\ncontinued\n"
     "\n1. first\n2) second\n",
     ["The talks began.", "Next steps", "They will meet.", "- one", "- two continued", "1. first", "2) second"]),
    ("Title of a markdown story here\n\nThe council met on Monday, and a paragraph that goes\non over two lines.\n",
     ["The council met on Monday, and a paragraph that goes on over two lines."]),
])
def test_markdown_list_items_and_headings_are_paragraphs(markdown, paragraphs):
    assert clean_lines(markdown, markdown=True).text.split("\n\n") == paragraphs


# The outlet about itself at the end of an article: an appeal for support, an about-us note
@pytest.mark.parametrize("last,dropped", [
    ("*Colorado Courts Watch is a nonprofit newsroom covering the state's courts. Support our work: "
     "[donate](https://courtswatch.example/donate).*", True),
    ("The Texas Tribune is a nonprofit, nonpartisan media organization that informs Texans about public policy.",
     True),
    ("Become a member today and get the newsletter first.", True),
    ("Those who want to help can donate to the Red Cross relief fund.", False),
    ("\u201cPlease support us,\u201d the director of the shelter said.", False),
    ("The county said it would support our request for more funds, the mayor told reporters.", False),
])
def test_an_appeal_at_the_end_is_dropped(last, dropped):
    text = f"Title of a markdown story here\n\nThe jury convicted him on Friday.\n\n{last}\n"
    body = clean_lines(text, markdown=True).text
    assert body.startswith("The jury convicted him on Friday.")
    assert (body == "The jury convicted him on Friday.") == dropped
