-- Search that reads only the rows it shows. The list is shown in name order (name_key, then id); an
-- index whose entries for one query are already in that order lets the first 100 be read as 100
-- index entries (a keyset read), however many patients match.
--
-- patient_search_key (V1, V2) holds each whole name word and phone, so a short prefix such as "m" or
-- "555" spans thousands of different keys, each in name order only within itself. patient_search_prefix
-- holds the short prefixes themselves, one row per patient and prefix:
--   N  the first 1-4 letters of each name word (folded, as the N keys)
--   P  the first 1-6 digits of each phone
--   R  the last 1-2 digits of each phone (the first 1-2 of its R key)
-- Longer prefixes use patient_search_key: they match few keys, each read in name order. PatientStore
-- writes these rows with the keys (insert, and update rewrites them); `check` reports a patient
-- whose prefixes are missing or out of date with the patient's name.
CREATE TABLE patient_search_prefix (
    kind        CHAR(1) NOT NULL,
    prefix      VARCHAR(6) NOT NULL,
    name_key    VARCHAR(300) NOT NULL,
    patient_id  BIGINT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, prefix, name_key, patient_id)
);

INSERT INTO patient_search_prefix (kind, prefix, name_key, patient_id)
SELECT DISTINCT k.kind, LEFT(k.search_key, n.x), k.name_key, k.patient_id
FROM patient_search_key k JOIN SYSTEM_RANGE(1, 6) n
  ON n.x <= LENGTH(k.search_key)
 AND n.x <= CASE k.kind WHEN 'N' THEN 4 WHEN 'P' THEN 6 ELSE 2 END;

-- A birth date's patients in name order (V1's index on birth_date alone stays).
CREATE INDEX patient_birth_name ON patient (birth_date, name_key, id);
