-- A school's short name (tables, slips) and the date its counts of students and teachers
-- were given: the coordinator keeps them, the coverage indicator is computed from them.
ALTER TABLE organisations ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN counts_on TEXT;
