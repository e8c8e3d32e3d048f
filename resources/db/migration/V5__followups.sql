-- Side-effect follow-ups: adverse events tied to a signed visit and the points selected on its map
-- (the products and lots follow from the points and are never stored twice), the front desk's
-- "patient called reporting ..." notes, the clinic-editable protocol rules, the follow-up tasks they
-- create and every call attempt made on a task.
--
-- Enum-like columns store the Java enum names of org.needlepoint.followup (AdverseEventType,
-- Severity, EventOutcome, TaskKind, TaskStatus, CallOutcome, RuleTrigger, ...).
-- Settings (the table of V1) used here, with their defaults kept in code (FollowUpSettings):
-- followup.upcoming.days, followup.signal.events, followup.signal.days, followup.urgent.checklist.

-- ---------------------------------------------------------------------------------------------
-- Adverse events. timing_class is computed from the visit's date to the onset (early < 14 days,
-- late 14 days to 1 year, delayed > 1 year) and stored so lists and signals need not recompute it.
-- severity: CTCAE-style grade 1-5. The serious_* flags are FDA MedWatch 3500 section B.2.
-- urgent: set when the event is recorded (or changed) as vascular occlusion, distant toxin spread,
-- vision change or breathing/swallowing difficulty; it stays in the open-urgent list until an
-- injector closes it (urgent_closed_*). The event's history is in the audit log.
CREATE TABLE adverse_event (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id              BIGINT NOT NULL REFERENCES patient (id),
    visit_id                BIGINT NOT NULL REFERENCES visit (id),
    reported_by             BIGINT NOT NULL REFERENCES app_user (id),
    reported_on             DATE NOT NULL,
    onset_date              DATE NOT NULL,
    event_type              VARCHAR(30) NOT NULL CHECK (event_type IN ('BRUISING', 'SWELLING', 'ERYTHEMA',
                                'TENDERNESS_PAIN', 'PAPULE_NODULE', 'DELAYED_NODULE_GRANULOMA', 'EYELID_PTOSIS',
                                'BROW_PTOSIS', 'ASYMMETRY', 'DIPLOPIA', 'DISTANT_TOXIN_SPREAD', 'VASCULAR_OCCLUSION',
                                'INFECTION', 'HERPES_REACTIVATION', 'HYPERSENSITIVITY', 'OTHER')),
    other_description       VARCHAR(200),
    timing_class            VARCHAR(10) NOT NULL CHECK (timing_class IN ('EARLY', 'LATE', 'DELAYED')),
    severity                INT NOT NULL CHECK (severity BETWEEN 1 AND 5),
    vision_change           BOOLEAN NOT NULL DEFAULT FALSE,
    breathing_swallowing    BOOLEAN NOT NULL DEFAULT FALSE,
    serious_death           BOOLEAN NOT NULL DEFAULT FALSE,
    death_date              DATE,
    serious_life_threatening BOOLEAN NOT NULL DEFAULT FALSE,
    serious_hospitalization BOOLEAN NOT NULL DEFAULT FALSE,
    serious_disability      BOOLEAN NOT NULL DEFAULT FALSE,
    serious_congenital      BOOLEAN NOT NULL DEFAULT FALSE,
    serious_intervention    BOOLEAN NOT NULL DEFAULT FALSE,
    serious_other           BOOLEAN NOT NULL DEFAULT FALSE,
    description             VARCHAR(4000),
    actions_taken           VARCHAR(4000),
    relevant_history        VARCHAR(2000),
    weight_kg               DECIMAL(5,1) CHECK (weight_kg > 0),
    outcome                 VARCHAR(24) NOT NULL CHECK (outcome IN ('ONGOING', 'IMPROVING', 'RESOLVED',
                                'RESOLVED_WITH_SEQUELAE')),
    outcome_date            DATE,
    urgent                  BOOLEAN NOT NULL DEFAULT FALSE,
    urgent_closed_at        TIMESTAMP WITH TIME ZONE,
    urgent_closed_by        BIGINT REFERENCES app_user (id),
    urgent_close_note       VARCHAR(1000),
    version                 INT NOT NULL DEFAULT 0,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              BIGINT REFERENCES app_user (id),
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              BIGINT REFERENCES app_user (id),
    CONSTRAINT adverse_event_other CHECK (event_type <> 'OTHER' OR other_description IS NOT NULL),
    CONSTRAINT adverse_event_death CHECK (serious_death = (death_date IS NOT NULL)),
    CONSTRAINT adverse_event_resolved CHECK (outcome NOT IN ('RESOLVED', 'RESOLVED_WITH_SEQUELAE') OR outcome_date IS NOT NULL),
    CONSTRAINT adverse_event_onset CHECK (onset_date <= reported_on),
    CONSTRAINT adverse_event_urgent_close CHECK ((urgent_closed_at IS NULL) = (urgent_closed_by IS NULL)
        AND (urgent OR urgent_closed_at IS NULL))
);
CREATE INDEX adverse_event_patient ON adverse_event (patient_id, onset_date);
CREATE INDEX adverse_event_visit ON adverse_event (visit_id);
CREATE INDEX adverse_event_onset ON adverse_event (onset_date);
CREATE INDEX adverse_event_open ON adverse_event (outcome, onset_date);
CREATE INDEX adverse_event_urgent ON adverse_event (urgent, urgent_closed_at);

-- The points of the event's visit that the injector selected on the map.
CREATE TABLE adverse_event_point (
    event_id    BIGINT NOT NULL REFERENCES adverse_event (id) ON DELETE CASCADE,
    point_id    BIGINT NOT NULL REFERENCES injection_point (id),
    PRIMARY KEY (event_id, point_id)
);
CREATE INDEX adverse_event_point_point ON adverse_event_point (point_id);

-- ---------------------------------------------------------------------------------------------
-- "Patient called reporting ...": logged by anyone (usually the front desk), WAITING in the
-- injectors' review list until one turns it into an event (RECORDED, event_id set) or dismisses
-- it with a note (DISMISSED).
CREATE TABLE patient_report (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id      BIGINT NOT NULL REFERENCES patient (id),
    report_text     VARCHAR(2000) NOT NULL,
    phoned_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    taken_by        BIGINT NOT NULL REFERENCES app_user (id),
    status          VARCHAR(10) NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'RECORDED', 'DISMISSED')),
    event_id        BIGINT REFERENCES adverse_event (id),
    reviewed_at     TIMESTAMP WITH TIME ZONE,
    reviewed_by     BIGINT REFERENCES app_user (id),
    review_note     VARCHAR(1000),
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      BIGINT REFERENCES app_user (id),
    CONSTRAINT patient_report_reviewed CHECK ((status = 'WAITING') = (reviewed_at IS NULL)
        AND (reviewed_at IS NULL) = (reviewed_by IS NULL)),
    CONSTRAINT patient_report_recorded CHECK ((status = 'RECORDED') = (event_id IS NOT NULL)),
    CONSTRAINT patient_report_dismissed CHECK (status <> 'DISMISSED' OR review_note IS NOT NULL)
);
CREATE INDEX patient_report_status ON patient_report (status, phoned_at);
CREATE INDEX patient_report_patient ON patient_report (patient_id, phoned_at);

-- ---------------------------------------------------------------------------------------------
-- Protocol rules: one row per task a trigger creates. Clinic-editable (ADMIN): name, kind, offset,
-- minimum days, course size, assignee role, clinical flag, enabled. code and trigger are fixed.
--   trigger_type TOXIN_TREATMENT      a signed visit with toxin points
--                SCULPTRA_SESSION     a signed Sculptra (biostimulator) session while the course is
--                                     not complete (course_sessions, on this rule)
--                SCULPTRA_COURSE_END  the session that completes the course (or a later one)
--                ADVERSE_EVENT        an event of severity_min..severity_max, counted from reported_on
--                LOT_RECALL           a recalled lot: one task per affected patient
--   offset: due = base date + offset_amount offset_unit; min_days: never due sooner than base + min_days
--           (label minimums: 90 days between toxin treatments; 4 weeks between Sculptra sessions),
--           and the task's earliest date.
CREATE TABLE followup_rule (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(40) NOT NULL UNIQUE,
    seq             INT NOT NULL,
    trigger_type    VARCHAR(24) NOT NULL CHECK (trigger_type IN ('TOXIN_TREATMENT', 'SCULPTRA_SESSION',
                        'SCULPTRA_COURSE_END', 'ADVERSE_EVENT', 'LOT_RECALL')),
    name            VARCHAR(120) NOT NULL,
    task_kind       VARCHAR(10) NOT NULL CHECK (task_kind IN ('CALL', 'VISIT', 'REVIEW')),
    offset_amount   INT NOT NULL CHECK (offset_amount BETWEEN 0 AND 3650),
    offset_unit     VARCHAR(6) NOT NULL CHECK (offset_unit IN ('DAYS', 'WEEKS', 'MONTHS')),
    min_days        INT CHECK (min_days BETWEEN 0 AND 3650),
    severity_min    INT CHECK (severity_min BETWEEN 1 AND 5),
    severity_max    INT CHECK (severity_max BETWEEN 1 AND 5),
    course_sessions INT CHECK (course_sessions BETWEEN 1 AND 10),
    assignee_role   VARCHAR(20) NOT NULL CHECK (assignee_role IN ('ADMIN', 'INJECTOR', 'FRONT_DESK')),
    clinical        BOOLEAN NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    basis           VARCHAR(300) NOT NULL,
    version         INT NOT NULL DEFAULT 0,
    updated_at      TIMESTAMP WITH TIME ZONE,
    updated_by      BIGINT REFERENCES app_user (id),
    CONSTRAINT followup_rule_severity CHECK ((trigger_type = 'ADVERSE_EVENT') = (severity_min IS NOT NULL)
        AND (severity_min IS NULL) = (severity_max IS NULL) AND (severity_min IS NULL OR severity_min <= severity_max)),
    CONSTRAINT followup_rule_course CHECK ((trigger_type = 'SCULPTRA_SESSION') = (course_sessions IS NOT NULL))
);

-- The defaults. Labels: Dysport no sooner than every 3 months (90 days); Sculptra sessions at least
-- 4 weeks apart, a course of 3-4 (up to 5). Practice: review at about 2 weeks, next Sculptra session
-- suggested at 6 weeks, nodule checks at 3, 6 and 12 months. domain.md: no source gives follow-up
-- intervals per adverse event, so the severity checks are the clinic's editable defaults.
INSERT INTO followup_rule (code, seq, trigger_type, name, task_kind, offset_amount, offset_unit, min_days,
                           severity_min, severity_max, course_sessions, assignee_role, clinical, basis) VALUES
    ('TOXIN_REVIEW', 10, 'TOXIN_TREATMENT', 'Toxin review 2 weeks after treatment', 'REVIEW', 14, 'DAYS', NULL,
        NULL, NULL, NULL, 'FRONT_DESK', TRUE, 'Practice: review about 2 weeks after treatment; no touch-up before then.'),
    ('TOXIN_RETREAT', 20, 'TOXIN_TREATMENT', 'Toxin re-treatment reminder', 'CALL', 3, 'MONTHS', 90,
        NULL, NULL, NULL, 'FRONT_DESK', FALSE, 'Label: re-treat no sooner than every 3 months (90 days).'),
    ('SCULPTRA_NEXT', 30, 'SCULPTRA_SESSION', 'Next Sculptra session of the course', 'VISIT', 6, 'WEEKS', 28,
        NULL, NULL, 3, 'FRONT_DESK', FALSE, 'Label: sessions at least 4 weeks apart; practice suggests 6 weeks; a course of 3 sessions by default.'),
    ('SCULPTRA_NODULE_3M', 40, 'SCULPTRA_COURSE_END', 'Sculptra nodule check 3 months after the course', 'REVIEW', 3, 'MONTHS', NULL,
        NULL, NULL, NULL, 'FRONT_DESK', TRUE, 'Practice: PLLA papules and nodules appear weeks to months after treatment.'),
    ('SCULPTRA_NODULE_6M', 50, 'SCULPTRA_COURSE_END', 'Sculptra nodule check 6 months after the course', 'REVIEW', 6, 'MONTHS', NULL,
        NULL, NULL, NULL, 'FRONT_DESK', TRUE, 'Practice: PLLA nodules are most often seen at 6-12 months.'),
    ('SCULPTRA_NODULE_12M', 60, 'SCULPTRA_COURSE_END', 'Sculptra nodule check 12 months after the course', 'REVIEW', 12, 'MONTHS', NULL,
        NULL, NULL, NULL, 'FRONT_DESK', TRUE, 'Practice: PLLA nodules are most often seen at 6-12 months.'),
    ('EVENT_G1_CALL_3D', 70, 'ADVERSE_EVENT', 'Side-effect check call (grade 1)', 'CALL', 3, 'DAYS', NULL,
        1, 1, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G2_CALL_2D', 80, 'ADVERSE_EVENT', 'Side-effect check call (grade 2)', 'CALL', 2, 'DAYS', NULL,
        2, 2, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G2_CALL_7D', 90, 'ADVERSE_EVENT', 'Side-effect check call, one week (grade 2)', 'CALL', 7, 'DAYS', NULL,
        2, 2, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G3_CALL_1D', 100, 'ADVERSE_EVENT', 'Side-effect call next day (grade 3)', 'CALL', 1, 'DAYS', NULL,
        3, 3, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G3_VISIT_3D', 110, 'ADVERSE_EVENT', 'Side-effect visit at 3 days (grade 3)', 'VISIT', 3, 'DAYS', NULL,
        3, 3, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G3_CALL_14D', 120, 'ADVERSE_EVENT', 'Side-effect call at 2 weeks (grade 3)', 'CALL', 14, 'DAYS', NULL,
        3, 3, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G45_CALL_1D', 130, 'ADVERSE_EVENT', 'Side-effect call next day (grade 4-5)', 'CALL', 1, 'DAYS', NULL,
        4, 5, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('EVENT_G45_REVIEW_7D', 140, 'ADVERSE_EVENT', 'Side-effect review at 1 week (grade 4-5)', 'REVIEW', 7, 'DAYS', NULL,
        4, 5, NULL, 'FRONT_DESK', TRUE, 'Clinic default: no source gives follow-up intervals per adverse event.'),
    ('LOT_RECALL_CALL', 150, 'LOT_RECALL', 'Lot recall: call the patient', 'CALL', 0, 'DAYS', NULL,
        NULL, NULL, NULL, 'FRONT_DESK', TRUE, 'Every patient treated from a recalled lot is called.');

-- ---------------------------------------------------------------------------------------------
-- Follow-up tasks. source_key is UNIQUE so a task is never created twice (signing twice, a listener
-- run again, the demo seeder): 'visit:<visit>:<rule>', 'event:<event>:<rule>', 'recall:<lot>:<patient>',
-- 'manual:<n>'. clinical: only INJECTOR and ADMIN may cancel it, mark it missed or complete it without a
-- call. attempts / last_outcome / last_attempt_at summarise followup_attempt for the worklist and are
-- written in the same transaction as each attempt (check verifies them).
CREATE SEQUENCE followup_manual_seq START WITH 1;

CREATE TABLE followup_task (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id      BIGINT NOT NULL REFERENCES patient (id),
    task_kind       VARCHAR(10) NOT NULL CHECK (task_kind IN ('CALL', 'VISIT', 'REVIEW')),
    due_date        DATE NOT NULL,
    earliest_date   DATE,
    assignee_role   VARCHAR(20) CHECK (assignee_role IN ('ADMIN', 'INJECTOR', 'FRONT_DESK')),
    assignee_user   BIGINT REFERENCES app_user (id),
    reason          VARCHAR(500) NOT NULL,
    clinical        BOOLEAN NOT NULL,
    source_type     VARCHAR(12) NOT NULL CHECK (source_type IN ('VISIT', 'EVENT', 'LOT_RECALL', 'MANUAL')),
    source_key      VARCHAR(120) NOT NULL UNIQUE,
    rule_id         BIGINT REFERENCES followup_rule (id),
    source_visit_id BIGINT REFERENCES visit (id),
    source_event_id BIGINT REFERENCES adverse_event (id),
    source_lot_id   BIGINT REFERENCES lot (id),
    status          VARCHAR(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'MISSED', 'CANCELLED')),
    snoozed_until   DATE,
    attempts        INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_outcome    VARCHAR(12) CHECK (last_outcome IN ('REACHED', 'LEFT_MESSAGE', 'NO_ANSWER', 'BOOKED')),
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    closed_by       BIGINT REFERENCES app_user (id),
    close_note      VARCHAR(1000),
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      BIGINT REFERENCES app_user (id),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      BIGINT REFERENCES app_user (id),
    CONSTRAINT followup_task_assignee CHECK ((assignee_role IS NULL) <> (assignee_user IS NULL)),
    CONSTRAINT followup_task_earliest CHECK (earliest_date IS NULL OR earliest_date <= due_date),
    CONSTRAINT followup_task_closed CHECK ((status = 'OPEN') = (closed_at IS NULL)),
    CONSTRAINT followup_task_cancel_reason CHECK (status NOT IN ('CANCELLED', 'MISSED') OR close_note IS NOT NULL),
    CONSTRAINT followup_task_source CHECK (
        (source_type = 'VISIT' AND source_visit_id IS NOT NULL) OR (source_type = 'EVENT' AND source_event_id IS NOT NULL)
        OR (source_type = 'LOT_RECALL' AND source_lot_id IS NOT NULL) OR source_type = 'MANUAL')
);
-- The worklist reads open tasks by due date; the patient's record reads them by patient.
CREATE INDEX followup_task_open_due ON followup_task (status, due_date, assignee_role);
CREATE INDEX followup_task_patient ON followup_task (patient_id, status, due_date);
CREATE INDEX followup_task_visit ON followup_task (source_visit_id);
CREATE INDEX followup_task_event ON followup_task (source_event_id);

-- Every call attempt on a task, append-only.
CREATE TABLE followup_attempt (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id     BIGINT NOT NULL REFERENCES followup_task (id),
    outcome     VARCHAR(12) NOT NULL CHECK (outcome IN ('REACHED', 'LEFT_MESSAGE', 'NO_ANSWER', 'BOOKED')),
    note        VARCHAR(1000),
    by_user     BIGINT NOT NULL REFERENCES app_user (id),
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX followup_attempt_task ON followup_attempt (task_id, at);
CREATE TRIGGER followup_attempt_no_update BEFORE UPDATE ON followup_attempt FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER followup_attempt_no_delete BEFORE DELETE ON followup_attempt FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
