-- newsclaims warehouse schema: the contract SQL users and BI tools depend on.
-- Every table and column carries a COMMENT, so `duckdb_columns()` doubles as the data
-- dictionary. Loading is by column name (INSERT ... BY NAME): Python never repeats these lists.
-- Keys carry no PRIMARY KEY constraint on purpose: uniqueness is a critical expectation
-- (expectations/), so a duplicate blocks the publish with the check named instead of failing
-- the run inside an INSERT. The key of each table is named in its first column comment.

CREATE TABLE IF NOT EXISTS raw_files (
    run_id VARCHAR NOT NULL,
    file_id VARCHAR,
    path VARCHAR NOT NULL,
    sha256 VARCHAR,
    bytes BIGINT,
    encoding VARCHAR,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    seen_at TIMESTAMP
);
COMMENT ON TABLE raw_files IS 'One row per file seen per published run (key: run_id, path): what ingest found, decoded, skipped or quarantined. raw_files_latest has the latest row per path.';
COMMENT ON COLUMN raw_files.run_id IS 'The run that saw the file (runs.run_id).';
COMMENT ON COLUMN raw_files.file_id IS 'Content id: stable_id over the sha256; equal content, equal id. NULL when the file could not be read.';
COMMENT ON COLUMN raw_files.path IS 'Path of the file as found under the source.';
COMMENT ON COLUMN raw_files.sha256 IS 'SHA-256 of the raw bytes.';
COMMENT ON COLUMN raw_files.bytes IS 'Size of the raw file in bytes.';
COMMENT ON COLUMN raw_files.encoding IS 'Encoding the text was decoded with (utf-8, or the detected one).';
COMMENT ON COLUMN raw_files.status IS 'loaded (parsed this run), unchanged (loaded by an earlier run, carried over) or quarantined.';
COMMENT ON COLUMN raw_files.reason IS 'Why a file was quarantined (NULL otherwise).';
COMMENT ON COLUMN raw_files.seen_at IS 'When ingest read the file (UTC).';

CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR,
    file_id VARCHAR NOT NULL,
    path VARCHAR,
    event_id VARCHAR,
    outlet VARCHAR,
    original_outlet VARCHAR,
    outlet_key VARCHAR,
    title VARCHAR,
    authors VARCHAR[],
    published_date DATE,
    dateline VARCHAR,
    url VARCHAR,
    metadata_sources STRUCT(
        outlet VARCHAR, original_outlet VARCHAR, title VARCHAR, authors VARCHAR,
        published_date VARCHAR, dateline VARCHAR, url VARCHAR
    ),
    body VARCHAR NOT NULL,
    word_count BIGINT
);
COMMENT ON TABLE articles IS 'One row per article: metadata and the cleaned body that all offsets index.';
COMMENT ON COLUMN articles.article_id IS 'Stable id derived from the file content.';
COMMENT ON COLUMN articles.file_id IS 'The raw file this article came from (raw_files.file_id).';
COMMENT ON COLUMN articles.path IS 'Path of the raw file when it was loaded.';
COMMENT ON COLUMN articles.event_id IS 'The real-world event the article reports (events.event_id).';
COMMENT ON COLUMN articles.outlet IS 'Publishing outlet: the manifest''s, else the one the file''s first-line URL names, else the one the text names (metadata_sources.outlet says which); NULL when none does.';
COMMENT ON COLUMN articles.original_outlet IS 'Outlet that first published a republished article (from the byline); NULL otherwise.';
COMMENT ON COLUMN articles.outlet_key IS 'The outlet the article counts as when outlets are compared or counted (claim_groups.n_outlets, wire copies, views): outlet, else ''unnamed:<article_id>'', so two unnamed articles are never one source. Defined once, in the normalize stage.';
COMMENT ON COLUMN articles.title IS 'Headline: the manifest''s, else the file''s.';
COMMENT ON COLUMN articles.authors IS 'Authors: the manifest''s, else those named in the byline (empty list when none).';
COMMENT ON COLUMN articles.published_date IS 'Publication date: the manifest''s, else the one a date header of the file states; NULL when neither does.';
COMMENT ON COLUMN articles.dateline IS 'Dateline place, when given.';
COMMENT ON COLUMN articles.url IS 'Address of the article: the manifest''s, else a URL that is the file''s first line; NULL when neither gives one.';
COMMENT ON COLUMN articles.metadata_sources IS 'Where each metadata value came from, one field per column (outlet, original_outlet, title, authors, published_date, dateline, url): manifest, text, url (named by the first-line URL) or html (a web page''s markup); NULL for a column with no value. Query: metadata_sources.outlet = ''manifest''.';
COMMENT ON COLUMN articles.body IS 'Article prose only (no masthead, captions, credits, footers), original characters; paragraphs separated by a blank line.';
COMMENT ON COLUMN articles.word_count IS 'Words in the body.';

CREATE TABLE IF NOT EXISTS article_parts (
    part_id VARCHAR,
    article_id VARCHAR NOT NULL,
    position BIGINT NOT NULL,
    role VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    is_repeat BOOLEAN NOT NULL
);
COMMENT ON TABLE article_parts IS 'Every piece of each raw file with its role, so nothing removed from the body is lost.';
COMMENT ON COLUMN article_parts.part_id IS 'Stable id of the part.';
COMMENT ON COLUMN article_parts.article_id IS 'Article the part belongs to.';
COMMENT ON COLUMN article_parts.position IS 'Order of the part in the raw file (0-based).';
COMMENT ON COLUMN article_parts.role IS 'body, title, subheading, masthead, byline, caption, credit, footer, header, dateline or url (a first line that is only the article''s address).';
COMMENT ON COLUMN article_parts.text IS 'Original text of the part.';
COMMENT ON COLUMN article_parts.is_repeat IS 'True for a body paragraph printed again; it is kept here, once in the body.';

CREATE TABLE IF NOT EXISTS manifest_issues (
    manifest VARCHAR NOT NULL,
    line BIGINT,
    path VARCHAR,
    issue VARCHAR NOT NULL
);
COMMENT ON TABLE manifest_issues IS 'One row per problem the latest run found in the metadata manifest (rewritten by every run; empty without a manifest or problems). A problem never stops a run: the row is not used and its file keeps the values read from its text.';
COMMENT ON COLUMN manifest_issues.manifest IS 'The manifest file read (manifest.csv or manifest.jsonl at the source root, or --manifest).';
COMMENT ON COLUMN manifest_issues.line IS 'Line of the manifest (1-based; 0 for the whole file, such as an unknown column).';
COMMENT ON COLUMN manifest_issues.path IS 'The path the row names, relative to the source root, when it has one.';
COMMENT ON COLUMN manifest_issues.issue IS 'What is wrong: malformed line, row without a path, duplicate path, a bad value (which is ignored), unknown column(s), or no such file under the source.';

CREATE TABLE IF NOT EXISTS sentences (
    sentence_id VARCHAR,
    article_id VARCHAR NOT NULL,
    position BIGINT NOT NULL,
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    text VARCHAR NOT NULL,
    text_key VARCHAR,
    text_hash VARCHAR,
    is_wire_copy BOOLEAN NOT NULL DEFAULT FALSE,
    wire_group VARCHAR
);
COMMENT ON TABLE sentences IS 'One row per body sentence; articles.body[start_char:end_char] = text.';
COMMENT ON COLUMN sentences.sentence_id IS 'Stable id of the sentence.';
COMMENT ON COLUMN sentences.article_id IS 'Article the sentence belongs to.';
COMMENT ON COLUMN sentences.position IS 'Order of the sentence in the body (0-based).';
COMMENT ON COLUMN sentences.start_char IS 'Offset of the first character in articles.body (0-based, Python string index).';
COMMENT ON COLUMN sentences.end_char IS 'Offset one past the last character in articles.body.';
COMMENT ON COLUMN sentences.text IS 'Sentence text, exactly the body slice.';
COMMENT ON COLUMN sentences.text_key IS 'Folded, punctuation-free matching key of the text.';
COMMENT ON COLUMN sentences.text_hash IS 'Hash of text_key: equal for verbatim copies.';
COMMENT ON COLUMN sentences.is_wire_copy IS 'True when another outlet in the same event carries this sentence verbatim or nearly so.';
COMMENT ON COLUMN sentences.wire_group IS 'Id shared by the copies of one wire sentence (NULL when not a copy).';

CREATE TABLE IF NOT EXISTS entities (
    entity_id VARCHAR,
    name VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    label_votes VARCHAR,
    aliases VARCHAR[],
    mention_count BIGINT,
    article_count BIGINT
);
COMMENT ON TABLE entities IS 'One row per canonical entity (person, place, organization...) across all articles.';
COMMENT ON COLUMN entities.entity_id IS 'Stable id from label and the folded canonical name.';
COMMENT ON COLUMN entities.name IS 'Canonical display name (fullest, most frequent spelling).';
COMMENT ON COLUMN entities.label IS 'spaCy label (PERSON, ORG, GPE, LOC, NORP, FAC, ...) decided once over all the entity''s mentions in the corpus, not per mention; label_votes shows the vote.';
COMMENT ON COLUMN entities.label_votes IS 'JSON of the label decision: {"votes": {label: mentions}, "rule": ...}. A mention resolved as a person''s surname votes PERSON whatever spaCy called it; rule is majority, person_full_name, person_share (a single word spaCy calls PERSON in most of its mentions), not_person (spaCy''s PERSON guess loses to its other labels), place_led_org (a PERSON-tagged name led by a place: Manchester United), compass_gpe (a direction word before a GPE, split by spaCy between LOC and GPE: South Sudan), award_ceremony (the plural of an award: the Oscars) or pin.';
COMMENT ON COLUMN entities.aliases IS 'Distinct spellings seen in the bodies and captions.';
COMMENT ON COLUMN entities.mention_count IS 'Mentions across all articles.';
COMMENT ON COLUMN entities.article_count IS 'Articles that mention the entity.';

CREATE TABLE IF NOT EXISTS entity_mentions (
    mention_id VARCHAR,
    entity_id VARCHAR,
    article_id VARCHAR NOT NULL,
    sentence_id VARCHAR,
    text VARCHAR NOT NULL,
    label VARCHAR,
    title VARCHAR,
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    part_role VARCHAR NOT NULL,
    part_id VARCHAR
);
COMMENT ON TABLE entity_mentions IS 'One row per entity mention in a body or a photo caption: articles.body[start_char:end_char] = text for a body mention (part_role body), article_parts.text[start_char:end_char] = text for a caption mention (part_id names the part).';
COMMENT ON COLUMN entity_mentions.mention_id IS 'Stable id of the mention (unique: checked by the entities suite).';
COMMENT ON COLUMN entity_mentions.entity_id IS 'Canonical entity (entities.entity_id).';
COMMENT ON COLUMN entity_mentions.article_id IS 'Article of the mention.';
COMMENT ON COLUMN entity_mentions.sentence_id IS 'Body sentence holding the mention; NULL for a caption mention (captions are not body sentences).';
COMMENT ON COLUMN entity_mentions.text IS 'Mention text as printed.';
COMMENT ON COLUMN entity_mentions.label IS 'NER label of this mention (spaCy''s, after the span repairs); the entity''s label is entities.label.';
COMMENT ON COLUMN entity_mentions.title IS 'Title or honorific printed just before the mention and left out of its text ("Mrs.", "Defense Minister", "Special Agent"); NULL when none. Its gender (Mr/Mrs/Ms) keeps two people with one surname apart.';
COMMENT ON COLUMN entity_mentions.start_char IS 'Offset in articles.body (part_role body) or in the text of the article_parts row part_id (part_role caption).';
COMMENT ON COLUMN entity_mentions.end_char IS 'End offset, in the same text as start_char.';
COMMENT ON COLUMN entity_mentions.part_role IS 'The part of the article the mention is printed in: body, or caption (a photo caption, kept in article_parts and read by a reader, so its names are entities too: "Ibrahim Kalin" in a caption only). Filter part_role = ''body'' for mentions that are body offsets.';
COMMENT ON COLUMN entity_mentions.part_id IS 'For a caption mention, the article_parts.part_id whose text start_char and end_char index; NULL for a body mention.';

CREATE TABLE IF NOT EXISTS numeric_claims (
    claim_id VARCHAR,
    article_id VARCHAR NOT NULL,
    sentence_id VARCHAR,
    quote VARCHAR NOT NULL,
    start_char BIGINT NOT NULL,
    end_char BIGINT NOT NULL,
    value DOUBLE,
    value_low DOUBLE,
    value_high DOUBLE,
    bound VARCHAR,
    unit VARCHAR,
    kind VARCHAR,
    subject VARCHAR,
    scope VARCHAR,
    per_side_value DOUBLE,
    attributed_to VARCHAR,
    attributed_entity_id VARCHAR,
    original_value DOUBLE,
    original_unit VARCHAR,
    currency VARCHAR,
    owner VARCHAR,
    time_ref VARCHAR,
    direction VARCHAR,
    modality VARCHAR,
    subject_key VARCHAR,
    compare_low DOUBLE,
    compare_high DOUBLE,
    group_id VARCHAR,
    part_role VARCHAR NOT NULL DEFAULT 'body',
    part_id VARCHAR
);
COMMENT ON TABLE numeric_claims IS 'One row per number a reader would see as a claim, in a body sentence or in a headline, subheading or photo caption: articles.body[start_char:end_char] = quote for a body claim (part_role body), article_parts.text[start_char:end_char] = quote for a part claim (part_id names the part).';
COMMENT ON COLUMN numeric_claims.claim_id IS 'Stable id of the claim.';
COMMENT ON COLUMN numeric_claims.article_id IS 'Article of the claim.';
COMMENT ON COLUMN numeric_claims.sentence_id IS 'Body sentence holding the claim; NULL for a part claim (a headline, subheading or caption is not a body sentence).';
COMMENT ON COLUMN numeric_claims.quote IS 'The number as printed: the slice start_char:end_char of articles.body (part_role body) or of the part''s article_parts.text.';
COMMENT ON COLUMN numeric_claims.start_char IS 'Offset in articles.body (part_role body) or in the text of the article_parts row part_id (any other part_role).';
COMMENT ON COLUMN numeric_claims.end_char IS 'End offset, in the same text as start_char.';
COMMENT ON COLUMN numeric_claims.value IS 'Normalized value in the canonical unit (shares 0-1, km, currency units).';
COMMENT ON COLUMN numeric_claims.value_low IS 'Lowest value the wording allows (NULL = unbounded).';
COMMENT ON COLUMN numeric_claims.value_high IS 'Highest value the wording allows (NULL = unbounded).';
COMMENT ON COLUMN numeric_claims.bound IS 'exact, approx, at_least, more_than, at_most, up_to or range.';
COMMENT ON COLUMN numeric_claims.unit IS 'Canonical unit (km, share, day, ...); NULL for plain counts.';
COMMENT ON COLUMN numeric_claims.kind IS 'count, percent, fraction, money, duration, distance, date, ordinal, age or other.';
COMMENT ON COLUMN numeric_claims.subject IS 'Lemma of the thing counted (body, soldier, drone, ...), or what a sum of money or share measures (wall funding, economy, profit; the act, pay or spend, when only a verb names it).';
COMMENT ON COLUMN numeric_claims.scope IS 'total, per_side or unknown.';
COMMENT ON COLUMN numeric_claims.per_side_value IS 'Value per side, when the text gives or implies it.';
COMMENT ON COLUMN numeric_claims.attributed_to IS 'Who the sentence says said it, as printed.';
COMMENT ON COLUMN numeric_claims.attributed_entity_id IS 'The entity the attribution resolves to, when one matches.';
COMMENT ON COLUMN numeric_claims.original_value IS 'The number as printed, before unit conversion.';
COMMENT ON COLUMN numeric_claims.original_unit IS 'The unit as printed (mile, percent, ...).';
COMMENT ON COLUMN numeric_claims.currency IS 'ISO currency code for money.';
COMMENT ON COLUMN numeric_claims.owner IS 'Whose quantity it is when the sentence names it, lower case: the possessor or name on the subject (Japan''s economy -> japan, 62 Labour rebels -> labour) or the named subject of the verb holding the counted noun (Blackmore has 20 wives -> blackmore); NULL when none.';
COMMENT ON COLUMN numeric_claims.time_ref IS 'The date or time phrase of the claim''s own clause as sorted lower-case words (on 16 May and May 16 -> 16 may; in 2004 -> 2004; last year -> last year; overnight); NULL when the clause has none.';
COMMENT ON COLUMN numeric_claims.direction IS 'up or down when the number is the size of a change (grew 2.6% -> up, shrank 0.2% -> down, a 3% fall -> down); value stays as printed (0.002) and reconciliation compares a down change as negative (compare_low/compare_high -0.002); NULL for a level (rose to 5%) or no change.';
COMMENT ON COLUMN numeric_claims.modality IS 'stated, or prospective when the clause proposes, expects or allows the number (could return up to 1,200; proposed a 30-day ceasefire; an expected format).';
COMMENT ON COLUMN numeric_claims.subject_key IS 'Subject with synonyms merged, as reconciliation compares it (bodies of N soldiers = body).';
COMMENT ON COLUMN numeric_claims.compare_low IS 'Low end of the interval reconciliation compares (per side where the claim gives it, tolerance applied).';
COMMENT ON COLUMN numeric_claims.compare_high IS 'High end of that interval (NULL = unbounded).';
COMMENT ON COLUMN numeric_claims.group_id IS 'Claim group the claim belongs to (claim_groups.group_id).';
COMMENT ON COLUMN numeric_claims.part_role IS 'The part of the article the number is printed in: body, or title (the headline), subheading (a standfirst or crosshead) or caption (a photo caption), kept in article_parts: a headline figure ("Gunman kills 1, wounds 2") is the first a reader sees, so it is a claim and is compared. Filter part_role = ''body'' for claims that are body offsets.';
COMMENT ON COLUMN numeric_claims.part_id IS 'For a part claim, the article_parts.part_id whose text start_char and end_char index; NULL for a body claim.';

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR,
    label VARCHAR,
    first_date DATE,
    last_date DATE,
    n_articles BIGINT,
    n_outlets BIGINT
);
COMMENT ON TABLE events IS 'One row per real-world event: articles grouped by text similarity, shared entities and date (average linkage: no chaining).';
COMMENT ON COLUMN events.event_id IS 'Stable id of the event: kept across runs while articles join or leave (inherited from the previous run''s event sharing most articles; id_lineage records merges and splits); a first-seen event gets a content id over its smallest article_id.';
COMMENT ON COLUMN events.label IS 'Readable label: the most mentioned entities of the event.';
COMMENT ON COLUMN events.first_date IS 'Earliest published date among its articles (NULL when none is stated).';
COMMENT ON COLUMN events.last_date IS 'Latest published date among its articles.';
COMMENT ON COLUMN events.n_articles IS 'Articles in the event.';
COMMENT ON COLUMN events.n_outlets IS 'Distinct outlets (an article with no stated outlet counts as its own).';

CREATE TABLE IF NOT EXISTS claim_groups (
    group_id VARCHAR,
    event_id VARCHAR,
    subject VARCHAR,
    kind VARCHAR,
    unit VARCHAR,
    scope VARCHAR,
    n_claims BIGINT,
    n_articles BIGINT,
    n_outlets BIGINT,
    n_independent BIGINT,
    consensus_low DOUBLE,
    consensus_high DOUBLE,
    status VARCHAR
);
COMMENT ON TABLE claim_groups IS 'One row per quantity reported by one or more articles of an event.';
COMMENT ON COLUMN claim_groups.group_id IS 'Stable id of the group: kept across runs while claims join or leave (inherited from the previous run''s group sharing most claims; id_lineage records merges and splits); a first-seen group gets a content id over its smallest claim_id.';
COMMENT ON COLUMN claim_groups.event_id IS 'Event the group belongs to.';
COMMENT ON COLUMN claim_groups.subject IS 'Canonical subject (synonyms merged: bodies / dead soldiers).';
COMMENT ON COLUMN claim_groups.kind IS 'Kind of the quantity (percent and fraction compare as share).';
COMMENT ON COLUMN claim_groups.unit IS 'Canonical unit.';
COMMENT ON COLUMN claim_groups.scope IS 'per_side when values are compared per side, else total.';
COMMENT ON COLUMN claim_groups.n_claims IS 'Claims in the group.';
COMMENT ON COLUMN claim_groups.n_articles IS 'Articles with a claim in the group.';
COMMENT ON COLUMN claim_groups.n_outlets IS 'Distinct outlets with a claim in the group.';
COMMENT ON COLUMN claim_groups.n_independent IS 'Outlets counted once per wire text: independent corroboration.';
COMMENT ON COLUMN claim_groups.consensus_low IS 'Low end of the intersection of the intervals the claims allow.';
COMMENT ON COLUMN claim_groups.consensus_high IS 'High end of that intersection (NULL = unbounded).';
COMMENT ON COLUMN claim_groups.status IS 'consistent, conflict (empty intersection) or single_source.';

CREATE TABLE IF NOT EXISTS check_results (
    run_id VARCHAR NOT NULL,
    suite VARCHAR NOT NULL,
    expectation VARCHAR NOT NULL,
    table_name VARCHAR,
    success BOOLEAN NOT NULL,
    observed VARCHAR,
    severity VARCHAR NOT NULL,
    protects VARCHAR
);
COMMENT ON TABLE check_results IS 'One row per expectation evaluated in a run (Great Expectations).';
COMMENT ON COLUMN check_results.run_id IS 'Run that evaluated it.';
COMMENT ON COLUMN check_results.suite IS 'Expectation suite.';
COMMENT ON COLUMN check_results.expectation IS 'Expectation type and its arguments.';
COMMENT ON COLUMN check_results.table_name IS 'Table or cross-source query it guards.';
COMMENT ON COLUMN check_results.success IS 'Whether it passed.';
COMMENT ON COLUMN check_results.observed IS 'What was observed (counts, unexpected values).';
COMMENT ON COLUMN check_results.severity IS 'critical (blocks publishing) or warning.';
COMMENT ON COLUMN check_results.protects IS 'What the expectation protects, in a sentence.';

CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status VARCHAR,
    files_seen BIGINT,
    files_loaded BIGINT,
    files_unchanged BIGINT,
    files_quarantined BIGINT,
    checks_failed BIGINT,
    published BOOLEAN,
    message VARCHAR,
    fingerprint VARCHAR
);
COMMENT ON TABLE runs IS 'One row per flow run, including runs whose publish was blocked (recorded on the next publish).';
COMMENT ON COLUMN runs.run_id IS 'Run id (UTC timestamp plus a random suffix).';
COMMENT ON COLUMN runs.started_at IS 'Start (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'End (UTC).';
COMMENT ON COLUMN runs.status IS 'published, unchanged (nothing to do), blocked (a critical check failed) or failed (an error).';
COMMENT ON COLUMN runs.files_seen IS 'Files found under the source.';
COMMENT ON COLUMN runs.files_loaded IS 'Files parsed this run.';
COMMENT ON COLUMN runs.files_unchanged IS 'Files skipped because an earlier run loaded them unchanged.';
COMMENT ON COLUMN runs.files_quarantined IS 'Files quarantined.';
COMMENT ON COLUMN runs.checks_failed IS 'Expectations that failed.';
COMMENT ON COLUMN runs.published IS 'Whether this run replaced the published warehouse.';
COMMENT ON COLUMN runs.fingerprint IS 'Hash of settings, alias pins and pipeline code; a change reprocesses every file.';
COMMENT ON COLUMN runs.message IS 'Short outcome message (names the failing checks when blocked).';

CREATE TABLE IF NOT EXISTS claim_group_history (
    run_id VARCHAR NOT NULL,
    group_id VARCHAR NOT NULL,
    event_id VARCHAR,
    subject VARCHAR,
    kind VARCHAR,
    unit VARCHAR,
    scope VARCHAR,
    consensus_low DOUBLE,
    consensus_high DOUBLE,
    status VARCHAR,
    n_outlets BIGINT,
    n_independent BIGINT,
    n_claims BIGINT,
    recorded_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE claim_group_history IS 'One row per claim group per publishing run (key: run_id, group_id): how the consensus on each quantity moved as reports arrived. Appended, never rebuilt; carried over on a fresh rebuild.';
COMMENT ON COLUMN claim_group_history.run_id IS 'The publishing run that recorded the state (runs.run_id).';
COMMENT ON COLUMN claim_group_history.group_id IS 'The claim group (claim_groups.group_id): kept across runs while claims join or leave, so one id follows one quantity (id_lineage records merges and splits).';
COMMENT ON COLUMN claim_group_history.event_id IS 'Event of the group as of that run.';
COMMENT ON COLUMN claim_group_history.subject IS 'Canonical subject of the group.';
COMMENT ON COLUMN claim_group_history.kind IS 'Kind of the quantity.';
COMMENT ON COLUMN claim_group_history.unit IS 'Canonical unit.';
COMMENT ON COLUMN claim_group_history.scope IS 'per_side or total.';
COMMENT ON COLUMN claim_group_history.consensus_low IS 'Low end of the consensus interval as of that run.';
COMMENT ON COLUMN claim_group_history.consensus_high IS 'High end of the consensus interval as of that run (NULL = unbounded).';
COMMENT ON COLUMN claim_group_history.status IS 'consistent, conflict or single_source as of that run.';
COMMENT ON COLUMN claim_group_history.n_outlets IS 'Distinct outlets with a claim in the group as of that run.';
COMMENT ON COLUMN claim_group_history.n_independent IS 'Independent outlets (wire copies counted once) as of that run.';
COMMENT ON COLUMN claim_group_history.n_claims IS 'Claims in the group as of that run.';
COMMENT ON COLUMN claim_group_history.recorded_at IS 'When the run recorded the state (UTC), just before its publish.';

CREATE TABLE IF NOT EXISTS id_lineage (
    run_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    previous_id VARCHAR,
    n_shared BIGINT,
    change VARCHAR NOT NULL
);
COMMENT ON TABLE id_lineage IS 'How events and claim groups changed identity, one row per change per publishing run (key: run_id, kind, id, previous_id). An event or group keeps its id while members join or leave; merges, splits and new clusters are written here, so a bookmark or a history row can be followed. Appended, never rebuilt; carried over on a fresh rebuild.';
COMMENT ON COLUMN id_lineage.run_id IS 'The publishing run that made the change (runs.run_id).';
COMMENT ON COLUMN id_lineage.kind IS 'event (events.event_id) or claim_group (claim_groups.group_id).';
COMMENT ON COLUMN id_lineage.id IS 'The id as published by this run.';
COMMENT ON COLUMN id_lineage.previous_id IS 'The id of the previous run''s cluster that members came from (NULL for new).';
COMMENT ON COLUMN id_lineage.n_shared IS 'Members (articles of an event, claims of a group) that came from previous_id.';
COMMENT ON COLUMN id_lineage.change IS 'merged (previous_id was retired into id), split (part of previous_id, which lives on under its own id, moved to id) or new (no predecessor: every cluster of a first run is new).';
