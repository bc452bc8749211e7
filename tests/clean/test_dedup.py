from storyline.clean.dedup import band_keys, signature, similarity, text_hash

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
