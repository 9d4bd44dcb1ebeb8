-- severity: critical
-- quarantines: article
-- protects in_body: offsets lie inside the article body
-- protects matches_body: the stored text is exactly the body slice, so every quote is verifiable
--
-- One row per entity mention: do its offsets lie in its article's body, and is its text that
-- slice? DuckDB's substring counts Unicode code points from 1, as Python slices count them
-- from 0.
SELECT m.article_id, m.mention_id AS id,
       m.start_char >= 0 AND m.end_char <= length(a.body) AND m.start_char < m.end_char
           AS in_body,
       substring(a.body, m.start_char + 1, m.end_char - m.start_char) = m.text AS matches_body
FROM entity_mentions m JOIN articles a USING (article_id)
