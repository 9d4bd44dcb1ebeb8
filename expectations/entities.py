"""Suite for `entities` and `entity_mentions`."""

import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.checks import CRITICAL, WARNING, Check
from expectations.common import in_set, key_checks, not_null, slice_checks
from transforms.contract.vocabularies import MENTION_PARTS

TITLE_WORDS = [
    "Mr",
    "Mrs",
    "Ms",
    "President",
    "Minister",
    "Defense",
    "Defence",
    "Gen.",
    "General",
    "Foreign Minister",
    "Defense Minister",
    "Prime Minister",
]

CHECKS = [
    *key_checks("entities", "entity_id"),
    not_null("entities", "name"),
    Check(
        "entities",
        gxe.ExpectColumnValuesToNotBeInSet(column="name", value_set=TITLE_WORDS),
        WARNING,
        "no canonical entity is a bare title word",
    ),
    Check(
        "entities",
        gxe.ExpectColumnValuesToBeBetween(column="mention_count", min_value=1),
        CRITICAL,
        "every entity is mentioned at least once",
    ),
    *key_checks("entity_mentions", "mention_id"),
    not_null("entity_mentions", "entity_id"),
    Check(
        "entity_mentions",
        gxe.ExpectColumnValuesToNotBeNull(
            column="sentence_id", row_condition=Column("part_role") == "body"
        ),
        WARNING,
        "every body mention is linked to its sentence",
    ),
    in_set("entity_mentions", "part_role", MENTION_PARTS),
    *slice_checks("mention_slices"),
]
