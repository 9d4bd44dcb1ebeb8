-- severity: warning
-- protects: every row of the metadata manifest is read and applied: it names a file found under the source and holds valid values
--
-- The problems the run found in its manifest (none without one). Each is reported and the
-- row's bad value (or the whole row) ignored; the file keeps the values read from its text,
-- so the run goes on and only warns.
SELECT line, path, issue FROM manifest_issues
