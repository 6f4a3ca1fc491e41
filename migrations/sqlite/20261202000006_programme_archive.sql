-- An archived programme is read-only and stays in the district's history and reports.
ALTER TABLE programmes ADD COLUMN archived_on TEXT;            -- YYYY-MM-DD
