from pathlib import Path

import pytest
import yaml

from voc.errors import TaxonomyError
from voc.taxonomy import DEFAULT_TAXONOMY_PATH, load_taxonomy

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "default-taxonomy.yaml"

TOUCHPOINTS = [
    "discovery", "account", "purchase", "payment", "delivery",
    "usage", "support", "returns", "loyalty",
]  # fmt: skip


def test_default_taxonomy_counts_and_order():
    tax = load_taxonomy()
    assert list(tax.touchpoint_ids) == TOUCHPOINTS
    assert len(tax.topics) == 17
    assert len(tax.departments) == 11
    assert tax.sentiment == ("negative", "neutral", "positive")
    assert tax.topic("refund_return").owner == "billing_finance"
    assert tax.topic("product_info").effort == 1
    assert tax.touchpoint("returns").name("id") == "Retur, refund & pembatalan"
    assert tax.touchpoint("returns").order == 7
    assert all(t.about_id and t.about_en for t in tax.topics)


@pytest.mark.skipif(not SPEC.exists(), reason="shared spec not present")
def test_default_matches_spec_ids():
    spec = yaml.safe_load(SPEC.read_text())
    tax = load_taxonomy()
    assert list(tax.touchpoint_ids) == [t["id"] for t in spec["touchpoints"]]
    assert list(tax.topic_ids) == [t["id"] for t in spec["topics"]]
    assert list(tax.department_ids) == [d["id"] for d in spec["departments"]]
    for t in spec["topics"]:
        assert tax.topic(t["id"]).owner == t["owner"]
        assert tax.topic(t["id"]).effort == t["effort"]


def test_objects_are_immutable():
    tax = load_taxonomy()
    with pytest.raises(AttributeError):
        tax.topics[0].effort = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        tax.names("topic", "en")["delivery_speed"] = "x"  # type: ignore[index]


def test_hash_is_stable_and_content_based(tmp_path):
    raw = yaml.safe_load(DEFAULT_TAXONOMY_PATH.read_text())
    f = tmp_path / "copy.yaml"
    f.write_text(yaml.safe_dump(raw, sort_keys=False, allow_unicode=True))
    assert load_taxonomy(f).sha256 == load_taxonomy().sha256
    raw["topics"][0]["effort"] = 4
    f.write_text(yaml.safe_dump(raw, allow_unicode=True))
    assert load_taxonomy(f).sha256 != load_taxonomy().sha256


def _mutated(tmp_path, mutate):
    raw = yaml.safe_load(DEFAULT_TAXONOMY_PATH.read_text())
    mutate(raw)
    f = tmp_path / "bad.yaml"
    f.write_text(yaml.safe_dump(raw, allow_unicode=True))
    return f


def _dup_topic(raw):
    raw["topics"].append(dict(raw["topics"][0]))


def _bad_owner(raw):
    raw["topics"][2]["owner"] = "warehouse"


def _effort_high(raw):
    raw["topics"][1]["effort"] = 7


def _effort_text(raw):
    raw["topics"][1]["effort"] = "easy"


def _missing_id_name(raw):
    del raw["touchpoints"][3]["id_name"]


def _missing_en(raw):
    raw["departments"][0]["en"] = " "


def _unknown_key(raw):
    raw["topics"][0]["colour"] = "red"


def _unknown_top(raw):
    raw["stages"] = []


def _no_topics(raw):
    raw["topics"] = []


def _dup_touchpoint(raw):
    raw["touchpoints"][1]["id"] = "discovery"


@pytest.mark.parametrize(
    ("mutate", "pattern"),
    [
        (_dup_topic, r"topics 'delivery_speed'.*duplicate id 'delivery_speed'"),
        (_bad_owner, r"topics 'refund_return'.*owner 'warehouse' is not a department"),
        (_effort_high, r"topics 'item_condition'.*effort must be an integer from 1 to 5, got 7"),
        (_effort_text, r"topics 'item_condition'.*effort must be an integer from 1 to 5"),
        (_missing_id_name, r"touchpoints 'payment'.*missing name in language 'id'"),
        (_missing_en, r"departments 'product'.*missing name in language 'en'"),
        (_unknown_key, r"topics 'delivery_speed'.*unknown key\(s\) colour"),
        (_unknown_top, r"top level.*unknown key\(s\) stages"),
        (_no_topics, r"topics.*non-empty list"),
        (_dup_touchpoint, r"touchpoints 'discovery'.*duplicate id"),
    ],
)
def test_invalid_files_are_rejected_with_file_entry_and_problem(tmp_path, mutate, pattern):
    f = _mutated(tmp_path, mutate)
    with pytest.raises(TaxonomyError, match=pattern) as info:
        load_taxonomy(f)
    assert str(f) in str(info.value)
    assert info.value.code == "E100"


def test_missing_and_non_yaml_files(tmp_path):
    with pytest.raises(TaxonomyError, match="does not exist"):
        load_taxonomy(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("topics: [unclosed\n")
    with pytest.raises(TaxonomyError, match="not valid UTF-8 YAML"):
        load_taxonomy(bad)


def test_custom_taxonomy_loads(tmp_path):
    f = tmp_path / "bank.yaml"
    f.write_text(
        yaml.safe_dump(
            {
                "name": "bank",
                "touchpoints": [{"id": "app", "en": "App", "id_name": "Aplikasi", "about": "a"}],
                "topics": [
                    {
                        "id": "card",
                        "owner": "ops",
                        "effort": 2,
                        "en": "Card",
                        "id_name": "Kartu",
                        "about": "card issues",
                    },
                ],
                "departments": [{"id": "ops", "en": "Ops", "id_name": "Operasional"}],
            }
        )  # fmt: skip
    )
    tax = load_taxonomy(f)
    assert tax.name == "bank"
    assert tax.topic_ids == ("card",)
    assert tax.topic("card").about("id") == "card issues"
