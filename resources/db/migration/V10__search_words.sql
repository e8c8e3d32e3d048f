-- "yorstad, ava": a long word reads its whole keys in name order (V9), and those include patients scattered
-- all over the list (a Balbury-Yorstad, a middle name). Each N key now carries all of its patient's name
-- words (" ava balbury balburyyorstad yorstad": the patient's N keys, sorted, each after a space), in the
-- index, so the other words of a query are checked on the index entries as they are read, with no read per
-- patient. PatientStore writes the words with the keys (insert, and update rewrites them); `check` reports
-- a key whose words are out of date with its patient's N keys. P and R keys carry none.
-- The new index replaces V2's patient_search_key_sorted, whose columns it starts with.
ALTER TABLE patient_search_key ADD COLUMN words VARCHAR(2000);
UPDATE patient_search_key k SET words = (SELECT ' ' || LISTAGG(n.search_key, ' ') WITHIN GROUP (ORDER BY n.search_key)
    FROM patient_search_key n WHERE n.patient_id = k.patient_id AND n.kind = 'N')
 WHERE k.kind = 'N';
CREATE INDEX patient_search_key_words ON patient_search_key (kind, search_key, name_key, patient_id, words);
DROP INDEX patient_search_key_sorted;
