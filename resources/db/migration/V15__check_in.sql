-- Check-in and checkout (issue 13): an appointment carries the visit its check-in opened for the booked
-- injector (the draft the injector finds on "My patients today", and the visit whose aftercare the desk
-- prints at checkout), and when and by whom the patient was checked in (identity and contact details
-- confirmed, screening answered, consent on file). One visit belongs to at most one appointment.
ALTER TABLE appointment ADD COLUMN visit_id BIGINT REFERENCES visit (id);
ALTER TABLE appointment ADD COLUMN checked_in_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE appointment ADD COLUMN checked_in_by BIGINT REFERENCES app_user (id);
ALTER TABLE appointment ADD CONSTRAINT appointment_checked_in CHECK ((checked_in_at IS NULL) = (checked_in_by IS NULL)
    AND (visit_id IS NULL OR checked_in_at IS NOT NULL));
CREATE UNIQUE INDEX appointment_visit ON appointment (visit_id);
