import pytest

from storyline.errors import SettingsError
from storyline.settings import Settings, load, unknown_variables


def test_defaults_then_file_then_environment_then_flags(tmp_path):
    toml = tmp_path / "storyline.toml"
    toml.write_text("[storyline]\nmax_bytes = 1000\nnear_duplicate = 0.9\nworkers = 3\n")
    env = {"STORYLINE_NEAR_DUPLICATE": "0.7", "STORYLINE_GOLDEN": "not a setting", "HOME": "/x"}
    got = load(toml, env=env, workers=1, max_bytes=None)
    assert got == Settings(max_bytes=1000, near_duplicate=0.7, workers=1)
    assert load(None, env={}) == Settings()


@pytest.mark.parametrize("toml,message", [
    ("max_bytes = -5", "max_bytes must be a positive number of bytes, not -5"),
    ("near_duplicate = 2", "near_duplicate must be a number above 0 and at most 1"),
    ("colour = 'blue'", "unknown setting 'colour'"),
    ("max_bytes = 'lots'", "max_bytes must be a positive number of bytes, not 'lots'"),
    ("not toml at all [", "cannot read settings"),
    ("workers = true", "workers must be 0 \\(automatic\\) or more, not true$"),
])
def test_a_bad_value_names_its_file_and_the_reason(tmp_path, toml, message):
    path = tmp_path / "s.toml"
    path.write_text(toml)
    with pytest.raises(SettingsError, match=message) as err:
        load(path, env={})
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_a_bad_flag_or_variable_is_named():
    with pytest.raises(SettingsError, match="--workers: workers must be 0"):
        load(None, env={}, workers=-1)
    with pytest.raises(SettingsError, match="STORYLINE_MAX_BYTES"):
        load(None, env={"STORYLINE_MAX_BYTES": "0"})
    with pytest.raises(SettingsError, match="--timeline-length: timeline_length must be 0"):
        load(None, env={}, timeline_length=-3)
    assert load(None, env={"STORYLINE_TIMELINE_LENGTH": "12"}).timeline_length == 12


def test_a_missing_settings_file_is_named(tmp_path):
    with pytest.raises(SettingsError, match="nope.toml: no such file or directory$"):
        load(tmp_path / "nope.toml", env={})


@pytest.mark.parametrize("env,lines", [
    ({"STORYLINE_WORKERS": "2", "HOME": "/x", "PATH": "/bin"}, []),
    ({"STORYLINE_WORKER": "2"}, ["STORYLINE_WORKER names no setting (did you mean STORYLINE_WORKERS?); ignored"]),
    ({"STORYLINE_TIMELINE_LEN": "9", "STORYLINE_MAXBYTES": "5"},
     ["STORYLINE_MAXBYTES names no setting (did you mean STORYLINE_MAX_BYTES?); ignored",
      "STORYLINE_TIMELINE_LEN names no setting (did you mean STORYLINE_TIMELINE_LENGTH?); ignored"]),
    ({"STORYLINE_COLOUR": "blue"}, ["STORYLINE_COLOUR names no setting (known: STORYLINE_MAX_BYTES, "
                                    "STORYLINE_NEAR_DUPLICATE, STORYLINE_WORKERS, STORYLINE_TIMELINE_LENGTH); ignored"]),
])
def test_a_storyline_variable_that_names_no_setting_is_said_to_be_ignored(env, lines):
    assert unknown_variables(env) == lines
    load(None, env=env)                     # ignored, not an error
