-- Deoxycholic acid sessions (the kind V18 added): up to 6 sessions at least 1 month apart (label,
-- domain.md). A new trigger, DEOXYCHOLIC_SESSION, counts them as SCULPTRA_SESSION counts Sculptra's:
-- after each signed session, the next one is suggested until the course is complete; a session given
-- closes the suggestion before it.
--
-- V5 wrote the trigger's CHECK list inline (no name to drop), so the column is replaced by a new one
-- with the wider list (as V18 did for product kinds); the two named constraints that read it are
-- dropped first and made again, the course now set for either kind of session. H2 copies the table to
-- change a column: its change-feed trigger is dropped first and created again as V11 made it.
DROP TRIGGER followup_rule_feed;
ALTER TABLE followup_rule DROP CONSTRAINT followup_rule_severity;
ALTER TABLE followup_rule DROP CONSTRAINT followup_rule_course;
ALTER TABLE followup_rule ADD COLUMN trigger_new VARCHAR(24)
    CHECK (trigger_new IN ('TOXIN_TREATMENT', 'SCULPTRA_SESSION', 'SCULPTRA_COURSE_END', 'DEOXYCHOLIC_SESSION',
        'ADVERSE_EVENT', 'LOT_RECALL'));
UPDATE followup_rule SET trigger_new = trigger_type;
ALTER TABLE followup_rule DROP COLUMN trigger_type;
ALTER TABLE followup_rule ALTER COLUMN trigger_new RENAME TO trigger_type;
ALTER TABLE followup_rule ALTER COLUMN trigger_type SET NOT NULL;
ALTER TABLE followup_rule ADD CONSTRAINT followup_rule_severity CHECK ((trigger_type = 'ADVERSE_EVENT') = (severity_min IS NOT NULL)
    AND (severity_min IS NULL) = (severity_max IS NULL) AND (severity_min IS NULL OR severity_min <= severity_max));
ALTER TABLE followup_rule ADD CONSTRAINT followup_rule_course
    CHECK ((trigger_type IN ('SCULPTRA_SESSION', 'DEOXYCHOLIC_SESSION')) = (course_sessions IS NOT NULL));
CREATE TRIGGER followup_rule_feed AFTER INSERT, UPDATE, DELETE ON followup_rule CALL 'org.needlepoint.store.ChangeFeedTrigger';

-- The default: the next session suggested at 6 weeks, never before 4 (a month apart), a course of up to
-- 6 sessions. An editable default, like every rule.
INSERT INTO followup_rule (code, seq, trigger_type, name, task_kind, offset_amount, offset_unit, min_days,
                           severity_min, severity_max, course_sessions, assignee_role, clinical, basis) VALUES
    ('DEOXYCHOLIC_NEXT', 35, 'DEOXYCHOLIC_SESSION', 'Next deoxycholic acid session', 'VISIT', 6, 'WEEKS', 28,
        NULL, NULL, 6, 'FRONT_DESK', FALSE,
        'Label: up to 6 sessions at least 1 month apart; the clinic checks the result before each next session.');

-- The row the insert above wrote in the change feed belongs to no committed save that a PC could follow
-- (Flyway's transaction is not numbered): the feed starts empty, as after V18.
DELETE FROM change_feed WHERE commit_counter IS NULL;
