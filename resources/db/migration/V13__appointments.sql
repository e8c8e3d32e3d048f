-- The appointment book (issue 13): rooms, the clinic's opening hours and each injector's working
-- hours, appointments with their planned products, an append-only log of every status change and an
-- append-only log of the confirmation calls made for tomorrow's list.
--
-- Enum-like columns store the Java enum names of org.needlepoint.schedule (AppointmentKind,
-- AppointmentStatus, ConfirmationOutcome). Weekdays are ISO numbers: 1 = Monday ... 7 = Sunday.
-- Setting (the table of V1) used here, with its default kept in code (ScheduleSettings):
-- schedule.late.cancel.hours (24): a cancellation closer than this to the start counts as late.

-- ---------------------------------------------------------------------------------------------
-- Treatment rooms. A room is never deleted (appointments name it); an inactive one is not offered.
CREATE TABLE room (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(60) NOT NULL,
    name_key    VARCHAR(60) NOT NULL UNIQUE,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    version     INT NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  BIGINT REFERENCES app_user (id)
);

-- The clinic's opening hours: one row per weekday; a day with no times is closed. Practice defaults:
-- weekdays 09:00-18:00, Saturday 09:00-13:00, Sunday closed (an admin edits them).
CREATE TABLE opening_hours (
    weekday     INT PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
    opens       TIME,
    closes      TIME,
    version     INT NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE,
    updated_by  BIGINT REFERENCES app_user (id),
    CONSTRAINT opening_hours_times CHECK ((opens IS NULL) = (closes IS NULL) AND (opens IS NULL OR opens < closes))
);
INSERT INTO opening_hours (weekday, opens, closes) VALUES
    (1, TIME '09:00:00', TIME '18:00:00'), (2, TIME '09:00:00', TIME '18:00:00'), (3, TIME '09:00:00', TIME '18:00:00'),
    (4, TIME '09:00:00', TIME '18:00:00'), (5, TIME '09:00:00', TIME '18:00:00'), (6, TIME '09:00:00', TIME '13:00:00'),
    (7, NULL, NULL);

-- An injector's working hours. No row for a weekday: the injector works the clinic's opening hours
-- that day; a row with no times: a day off.
CREATE TABLE injector_hours (
    user_id     BIGINT NOT NULL REFERENCES app_user (id),
    weekday     INT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts      TIME,
    ends        TIME,
    version     INT NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  BIGINT REFERENCES app_user (id),
    PRIMARY KEY (user_id, weekday),
    CONSTRAINT injector_hours_times CHECK ((starts IS NULL) = (ends IS NULL) AND (starts IS NULL OR starts < ends))
);

-- ---------------------------------------------------------------------------------------------
-- Appointments. An injector's (and a room's) appointments that block time never overlap: the
-- service checks it while it holds the injector's and the room's rows (SELECT ... FOR UPDATE on
-- app_user and room), so two PCs booking the same slot at once cannot both win. CANCELLED and
-- NO_SHOW do not block. An appointment lasts at most 12 hours (the conflict check reads only the
-- 12 hours before a slot). late_cancel: cancelled within schedule.late.cancel.hours of its start,
-- decided at the cancellation (a later change of the setting does not rewrite history).
-- followup_task_id: the follow-up task it was booked from.
CREATE TABLE appointment (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id          BIGINT NOT NULL REFERENCES patient (id),
    injector_id         BIGINT NOT NULL REFERENCES app_user (id),
    room_id             BIGINT REFERENCES room (id),
    starts_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    kind                VARCHAR(12) NOT NULL CHECK (kind IN ('CONSULTATION', 'TREATMENT', 'REVIEW', 'TOUCH_UP')),
    reason              VARCHAR(500),
    status              VARCHAR(12) NOT NULL DEFAULT 'BOOKED' CHECK (status IN ('BOOKED', 'CONFIRMED', 'ARRIVED',
                            'IN_TREATMENT', 'COMPLETED', 'NO_SHOW', 'CANCELLED')),
    cancel_reason       VARCHAR(500),
    cancelled_at        TIMESTAMP WITH TIME ZONE,
    late_cancel         BOOLEAN NOT NULL DEFAULT FALSE,
    followup_task_id    BIGINT REFERENCES followup_task (id),
    version             INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          BIGINT REFERENCES app_user (id),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          BIGINT REFERENCES app_user (id),
    CONSTRAINT appointment_times CHECK (starts_at < ends_at AND ends_at <= DATEADD(HOUR, 12, starts_at)),
    CONSTRAINT appointment_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (status = 'CANCELLED') = (cancel_reason IS NOT NULL) AND (status = 'CANCELLED' OR NOT late_cancel))
);
-- The conflict check reads an injector's (a room's) appointments starting in the 12 hours before a
-- slot's end; the day and week views read by start; a patient's record by patient; the worklist's
-- booking by task.
CREATE INDEX appointment_injector_start ON appointment (injector_id, starts_at);
CREATE INDEX appointment_room_start ON appointment (room_id, starts_at);
CREATE INDEX appointment_start ON appointment (starts_at);
CREATE INDEX appointment_patient ON appointment (patient_id, starts_at);
CREATE INDEX appointment_task ON appointment (followup_task_id);

-- The products planned for an appointment (the screening and the consent follow from them).
CREATE TABLE appointment_product (
    appointment_id  BIGINT NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    product_id      BIGINT NOT NULL REFERENCES product (id),
    PRIMARY KEY (appointment_id, product_id)
);
CREATE INDEX appointment_product_product ON appointment_product (product_id);

-- Every status an appointment took, append-only (the first row is its booking: from_status NULL).
CREATE TABLE appointment_status_log (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    appointment_id  BIGINT NOT NULL REFERENCES appointment (id),
    from_status     VARCHAR(12),
    to_status       VARCHAR(12) NOT NULL,
    note            VARCHAR(500),
    by_user         BIGINT REFERENCES app_user (id),
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX appointment_status_log_appointment ON appointment_status_log (appointment_id, at);
CREATE TRIGGER appointment_status_log_no_update BEFORE UPDATE ON appointment_status_log FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER appointment_status_log_no_delete BEFORE DELETE ON appointment_status_log FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';

-- The calls made to confirm tomorrow's appointments, append-only. CANCELLED also cancels the appointment.
CREATE TABLE appointment_call (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    appointment_id  BIGINT NOT NULL REFERENCES appointment (id),
    outcome         VARCHAR(12) NOT NULL CHECK (outcome IN ('CONFIRMED', 'LEFT_MESSAGE', 'CANCELLED')),
    note            VARCHAR(500),
    by_user         BIGINT NOT NULL REFERENCES app_user (id),
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX appointment_call_appointment ON appointment_call (appointment_id, at);
CREATE TRIGGER appointment_call_no_update BEFORE UPDATE ON appointment_call FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER appointment_call_no_delete BEFORE DELETE ON appointment_call FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';

-- topic "appointment" (store.ChangeFeed, V11)
CREATE TRIGGER room_feed AFTER INSERT, UPDATE, DELETE ON room CALL 'org.needlepoint.store.ChangeFeedTrigger';
CREATE TRIGGER opening_hours_feed AFTER INSERT, UPDATE, DELETE ON opening_hours CALL 'org.needlepoint.store.ChangeFeedTrigger';
CREATE TRIGGER injector_hours_feed AFTER INSERT, UPDATE, DELETE ON injector_hours CALL 'org.needlepoint.store.ChangeFeedTrigger';
CREATE TRIGGER appointment_feed AFTER INSERT, UPDATE, DELETE ON appointment CALL 'org.needlepoint.store.ChangeFeedTrigger';
CREATE TRIGGER appointment_product_feed AFTER INSERT, UPDATE, DELETE ON appointment_product CALL 'org.needlepoint.store.ChangeFeedTrigger';
CREATE TRIGGER appointment_status_log_feed AFTER INSERT, UPDATE, DELETE ON appointment_status_log CALL 'org.needlepoint.store.ChangeFeedTrigger';
CREATE TRIGGER appointment_call_feed AFTER INSERT, UPDATE, DELETE ON appointment_call CALL 'org.needlepoint.store.ChangeFeedTrigger';
