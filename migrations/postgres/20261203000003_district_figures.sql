-- The district's figures are derived from its schools instead of typed in once for the
-- district: teachers from each school's count, organisations taking part from the schools with
-- a programme not in the archive. What the data cannot tell — teachers under 35 and young
-- specialists — the coordinator gives per school, with the date of its counts (counts_on).
-- Keep in step with ../sqlite/.
ALTER TABLE organisations ADD COLUMN teachers_under_35 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN young_specialists BIGINT NOT NULL DEFAULT 0;

ALTER TABLE districts DROP COLUMN teachers_total;
ALTER TABLE districts DROP COLUMN teachers_under_35;
ALTER TABLE districts DROP COLUMN young_specialists;
ALTER TABLE districts DROP COLUMN organisations_total;
ALTER TABLE districts DROP COLUMN organisations_in_mentoring;
