-- severity: critical
-- quarantines: article
-- protects in_body: offsets lie inside the article body
-- protects matches_body: the stored text is exactly the body slice, so every quote is verifiable
--
-- One row per sentence: do its offsets lie in its article's body, and is its text that slice?
-- DuckDB's substring counts Unicode code points from 1, as Python slices count them from 0.
SELECT s.article_id, s.sentence_id AS id,
       s.start_char >= 0 AND s.end_char <= length(a.body) AND s.start_char < s.end_char
           AS in_body,
       substring(a.body, s.start_char + 1, s.end_char - s.start_char) = s.text AS matches_body
FROM sentences s JOIN articles a USING (article_id)
