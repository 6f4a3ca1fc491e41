-- Answers carry their wave, so before/after and results count them from one covering index
-- instead of joining every answer to its submission (SQLite). Keep in step with ../postgres/.
ALTER TABLE answers ADD COLUMN wave_id INTEGER REFERENCES waves(id) ON DELETE CASCADE;
UPDATE answers SET wave_id = (SELECT wave_id FROM submissions WHERE submissions.id = answers.submission_id);
CREATE INDEX answers_by_wave ON answers(wave_id, question, choice, submission_id);
-- Every read of answers now goes by wave; one index fewer to maintain on each submission.
DROP INDEX answers_by_submission;
