-- Curated, BI-ready views over the warehouse tables. Rebuilt on every build (warehouse/store.py
-- runs this file after schema.sql). A view is bound when it is created, so a view another view
-- reads comes first.

-- article_outlets: the one definition of the outlet an article counts as. An article whose text
-- names no outlet counts as an outlet of its own, distinct from every other: two unnamed
-- articles never corroborate (or contradict) each other as one source. Every view and audit
-- that groups by outlet reads outlet_key from here.
CREATE OR REPLACE VIEW article_outlets AS
SELECT
    article_id,
    outlet,
    coalesce(outlet, 'unnamed:' || article_id) AS outlet_key
FROM articles;
COMMENT ON VIEW article_outlets IS 'The outlet each article counts as: its named outlet, else ''unnamed:<article_id>''.';

-- claim_comparison: one row per claim group and outlet, the value each outlet reported
-- side by side with its quote and hedging. Grain: (group_id, outlet_key, article_id); an
-- outlet with two articles in one group has two rows.
CREATE OR REPLACE VIEW claim_comparison AS
SELECT
    g.group_id,
    g.event_id,
    g.subject,
    g.kind,
    g.unit,
    g.status,
    g.n_independent,
    g.consensus_low,
    g.consensus_high,
    o.outlet_key,
    a.outlet,
    a.article_id,
    min(c.value) AS value_min,
    max(c.value) AS value_max,
    max(coalesce(c.per_side_value, c.value)) FILTER (WHERE g.scope = 'per_side') AS per_side_value,
    string_agg(DISTINCT c.bound, ', ') AS bounds,
    string_agg(DISTINCT s.text, ' | ') AS quotes,
    bool_or(s.is_wire_copy) AS from_wire_copy,
    string_agg(DISTINCT c.attributed_to, ', ') AS attributed_to
FROM claim_groups g
JOIN numeric_claims c ON c.group_id = g.group_id
JOIN articles a ON a.article_id = c.article_id
JOIN article_outlets o ON o.article_id = a.article_id
LEFT JOIN sentences s ON s.sentence_id = c.sentence_id
GROUP BY ALL;
COMMENT ON VIEW claim_comparison IS 'One row per claim group and outlet: what each outlet reported, side by side.';

-- outlet_mentions: which outlets mention which canonical entity, and how often.
CREATE OR REPLACE VIEW outlet_mentions AS
SELECT
    e.entity_id,
    e.name,
    e.label,
    o.outlet_key,
    count(*) AS mentions
FROM entity_mentions m
JOIN entities e USING (entity_id)
JOIN article_outlets o USING (article_id)
GROUP BY ALL;
COMMENT ON VIEW outlet_mentions IS 'Mentions of each canonical entity per outlet.';

-- raw_files_latest: the latest status of every path seen by a published run.
CREATE OR REPLACE VIEW raw_files_latest AS
SELECT * FROM raw_files
QUALIFY row_number() OVER (PARTITION BY path ORDER BY seen_at DESC, run_id DESC) = 1;
COMMENT ON VIEW raw_files_latest IS 'The latest raw_files row per path.';
