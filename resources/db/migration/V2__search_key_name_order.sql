-- Patient search at 100,000 patients: each search key also carries its patient's name_key, and an
-- index on (kind, search_key, name_key, patient_id) answers "who has a name starting with 'm', and
-- how do they sort" from the index alone, without reading every matching patient row. PatientStore
-- writes name_key with the keys (insert, and update rewrites them), and `check` reports any key
-- whose name_key differs from its patient's.

ALTER TABLE patient_search_key ADD COLUMN name_key VARCHAR(300);
UPDATE patient_search_key k SET name_key = (SELECT p.name_key FROM patient p WHERE p.id = k.patient_id);
ALTER TABLE patient_search_key ALTER COLUMN name_key SET NOT NULL;
CREATE INDEX patient_search_key_sorted ON patient_search_key (kind, search_key, name_key, patient_id);

-- Digits that start most phone numbers (an area code) are checked per candidate instead of listed:
-- (patient_id, kind, search_key) answers that from the index alone. The V1 index on patient_id
-- alone stays: it belongs to the foreign key.
CREATE INDEX patient_search_key_by_patient ON patient_search_key (patient_id, kind, search_key);
