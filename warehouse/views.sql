-- Curated, BI-ready views over the warehouse tables. Rebuilt on every build (warehouse/store.py
-- runs this file after schema.sql). A view is bound when it is created, so a view another view
-- reads comes first.

-- article_outlets: the outlet each article counts as, for BI tools that list outlets. The key
-- itself is a column, articles.outlet_key, defined once by the normalize stage (an article
-- with no known outlet counts as an outlet of its own, 'unnamed:<article_id>', so two unnamed
-- articles never corroborate or contradict each other as one source); views read it there.
CREATE OR REPLACE VIEW article_outlets AS
SELECT article_id, outlet, outlet_key FROM articles;
COMMENT ON VIEW article_outlets IS 'The outlet each article counts as (articles.outlet_key): its outlet, else ''unnamed:<article_id>''.';
COMMENT ON COLUMN article_outlets.article_id IS 'Article (articles.article_id).';
COMMENT ON COLUMN article_outlets.outlet IS 'Outlet of the article (manifest, first-line URL or text); NULL when none is known.';
COMMENT ON COLUMN article_outlets.outlet_key IS 'The outlet the article counts as (articles.outlet_key): the outlet, else ''unnamed:<article_id>''.';

-- display_number: a number as a reader writes it, with thousands separators and no trailing
-- '.0' (6000.0 -> '6,000', 1.5 -> '1.5'), and its unit; shares (0-1) as percent ('20 %').
CREATE OR REPLACE MACRO display_plain(x) AS
    CASE WHEN round(x, 2) = round(x) THEN format('{:,}', round(x)::HUGEINT)
         ELSE format('{:,}', round(x, 2)) END;
CREATE OR REPLACE MACRO display_number(x, unit) AS
    CASE WHEN unit = 'share' THEN display_plain(x * 100) || ' %'
         ELSE display_plain(x) || coalesce(' ' || unit, '') END;

-- claim_comparison: one row per claim group and outlet, the value each outlet reported
-- side by side with its quote and hedging. Grain: (group_id, outlet_key, article_id); an
-- outlet with two articles in one group has two rows. `quotes` (whole sentences) is kept for
-- the audits that read it; `printed` is the numbers as printed.
CREATE OR REPLACE VIEW claim_comparison AS
WITH compared AS (
    -- The value the group compares: per side when the group is per side.
    SELECT c.*, CASE WHEN g.scope = 'per_side' THEN coalesce(c.per_side_value, c.value)
                     ELSE c.value END AS shown_value
    FROM numeric_claims c JOIN claim_groups g USING (group_id)
)
SELECT
    g.group_id,
    g.event_id,
    e.label AS event_label,
    g.subject,
    g.kind,
    g.unit,
    g.status,
    g.n_independent,
    g.consensus_low,
    g.consensus_high,
    a.outlet_key,
    a.outlet,
    a.article_id,
    min(c.value) AS value_min,
    max(c.value) AS value_max,
    max(coalesce(c.per_side_value, c.value)) FILTER (WHERE g.scope = 'per_side') AS per_side_value,
    -- any_value: g.unit is a grouping column, but GROUP BY ALL refuses it beside aggregates.
    CASE WHEN min(c.shown_value) = max(c.shown_value)
         THEN display_number(min(c.shown_value), any_value(g.unit))
         ELSE display_number(min(c.shown_value), any_value(g.unit)) || ' – '
              || display_number(max(c.shown_value), any_value(g.unit))
    END AS display_value,
    string_agg(DISTINCT c.quote, ' | ') AS printed,
    string_agg(DISTINCT c.bound, ', ') AS bounds,
    string_agg(DISTINCT coalesce(s.text, p.text), ' | ') AS quotes,
    bool_or(s.is_wire_copy) AS from_wire_copy,
    string_agg(DISTINCT c.attributed_to, ', ') AS attributed_to
FROM claim_groups g
JOIN compared c ON c.group_id = g.group_id
JOIN articles a ON a.article_id = c.article_id
LEFT JOIN events e ON e.event_id = g.event_id
LEFT JOIN sentences s ON s.sentence_id = c.sentence_id
-- A headline or caption claim has no sentence: its part's text is what holds it.
LEFT JOIN article_parts p ON p.part_id = c.part_id
GROUP BY ALL;
COMMENT ON VIEW claim_comparison IS 'One row per claim group and outlet: what each outlet reported, side by side.';
COMMENT ON COLUMN claim_comparison.group_id IS 'Claim group (claim_groups.group_id).';
COMMENT ON COLUMN claim_comparison.event_id IS 'Event of the group (events.event_id).';
COMMENT ON COLUMN claim_comparison.event_label IS 'Readable label of the event (events.label).';
COMMENT ON COLUMN claim_comparison.subject IS 'Canonical subject of the group (synonyms merged).';
COMMENT ON COLUMN claim_comparison.kind IS 'Kind of the quantity (percent and fraction compare as share).';
COMMENT ON COLUMN claim_comparison.unit IS 'Canonical unit of the values (share = 0-1; NULL for plain counts).';
COMMENT ON COLUMN claim_comparison.status IS 'Group status: consistent, conflict or single_source.';
COMMENT ON COLUMN claim_comparison.n_independent IS 'Independent outlets in the group (wire copies counted once).';
COMMENT ON COLUMN claim_comparison.consensus_low IS 'Low end of the group''s consensus interval.';
COMMENT ON COLUMN claim_comparison.consensus_high IS 'High end of the group''s consensus interval (NULL = unbounded).';
COMMENT ON COLUMN claim_comparison.outlet_key IS 'The outlet the article counts as (articles.outlet_key).';
COMMENT ON COLUMN claim_comparison.outlet IS 'Outlet of the article (articles.outlet); NULL when none is known.';
COMMENT ON COLUMN claim_comparison.article_id IS 'Article with the claims of this row.';
COMMENT ON COLUMN claim_comparison.value_min IS 'Smallest normalized value the article reports in the group.';
COMMENT ON COLUMN claim_comparison.value_max IS 'Largest normalized value the article reports in the group.';
COMMENT ON COLUMN claim_comparison.per_side_value IS 'Value per side, for groups compared per side (NULL otherwise).';
COMMENT ON COLUMN claim_comparison.display_value IS 'The compared value for display: thousands separators, shares as percent (''20 %''), a range when the article gives several.';
COMMENT ON COLUMN claim_comparison.printed IS 'The numbers as printed in the article (numeric_claims.quote), '' | ''-separated.';
COMMENT ON COLUMN claim_comparison.bounds IS 'Hedging of the claims: exact, approx, at_least, more_than, at_most, up_to or range.';
COMMENT ON COLUMN claim_comparison.quotes IS 'The whole sentences holding the claims (for a headline or caption claim, the part''s text), '' | ''-separated.';
COMMENT ON COLUMN claim_comparison.from_wire_copy IS 'True when a sentence of the claims is a wire copy shared with another outlet.';
COMMENT ON COLUMN claim_comparison.attributed_to IS 'Who the sentences say gave the number, as printed.';

-- outlet_mentions: which outlets mention which canonical entity, and how often.
CREATE OR REPLACE VIEW outlet_mentions AS
SELECT
    e.entity_id,
    e.name,
    e.label,
    a.outlet_key,
    count(*) AS mentions
FROM entity_mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id)
GROUP BY ALL;
COMMENT ON VIEW outlet_mentions IS 'Mentions of each canonical entity per outlet.';
COMMENT ON COLUMN outlet_mentions.entity_id IS 'Canonical entity (entities.entity_id).';
COMMENT ON COLUMN outlet_mentions.name IS 'Canonical display name of the entity.';
COMMENT ON COLUMN outlet_mentions.label IS 'spaCy label of the entity (PERSON, ORG, GPE, ...).';
COMMENT ON COLUMN outlet_mentions.outlet_key IS 'The outlet the mentioning articles count as (articles.outlet_key).';
COMMENT ON COLUMN outlet_mentions.mentions IS 'Mentions of the entity in that outlet''s articles.';

-- raw_files_latest: the latest status of every path seen by a published run.
CREATE OR REPLACE VIEW raw_files_latest AS
SELECT * FROM raw_files
QUALIFY row_number() OVER (PARTITION BY path ORDER BY seen_at DESC, run_id DESC) = 1;
COMMENT ON VIEW raw_files_latest IS 'The latest raw_files row per path.';
COMMENT ON COLUMN raw_files_latest.run_id IS 'The run that last saw the file (runs.run_id).';
COMMENT ON COLUMN raw_files_latest.file_id IS 'Content id: stable_id over the sha256; NULL when the file could not be read.';
COMMENT ON COLUMN raw_files_latest.path IS 'Path of the file as found under the source.';
COMMENT ON COLUMN raw_files_latest.sha256 IS 'SHA-256 of the raw bytes.';
COMMENT ON COLUMN raw_files_latest.bytes IS 'Size of the raw file in bytes.';
COMMENT ON COLUMN raw_files_latest.encoding IS 'Encoding the text was decoded with.';
COMMENT ON COLUMN raw_files_latest.status IS 'loaded, unchanged or quarantined, as of that run.';
COMMENT ON COLUMN raw_files_latest.reason IS 'Why the file was quarantined (NULL otherwise).';
COMMENT ON COLUMN raw_files_latest.seen_at IS 'When ingest last read the file (UTC).';
