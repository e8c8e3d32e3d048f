-- The seal (store.Seal, store.Database): the database counts its committed transactions, and the
-- audit log numbers its entries without gaps.
--
-- commit_seal: one row; Database.tx raises counter by one at the end of every transaction, in the
-- same transaction, so the counter and the records always belong together. A copy of it and of every
-- table's row count is kept outside the database file (needlepoint.seal in the data folder); a file
-- whose counter is behind that seal went back in time and is not used. The guard lets it only rise.
CREATE TABLE commit_seal (
    id       INT PRIMARY KEY CHECK (id = 1),
    counter  BIGINT NOT NULL CHECK (counter >= 0)
);
INSERT INTO commit_seal (id, counter) VALUES (1, 0);
CREATE TRIGGER commit_seal_forward BEFORE UPDATE, DELETE ON commit_seal FOR EACH ROW CALL 'org.needlepoint.store.SealCounterGuard';

-- audit_log.seq: 1, 2, 3, ... with no gap, unlike the id (H2 skips identity values after a rollback
-- and up to 32 after a crash). Entries are written at the end of their transaction, while it holds
-- the commit counter, as MAX(seq) + 1 (security.AuditStore), so a gap means entries were lost and
-- `check` reports it. Entries written before this version are numbered in the order of their ids.
-- H2 adds a column by copying the table, and triggers carried over keep a temporary name (see V4):
-- the append-only guards are dropped first and created again, exactly as V1 made them.
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
MERGE INTO audit_log t USING (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM audit_log) s ON t.id = s.id
    WHEN MATCHED THEN UPDATE SET t.seq = s.n;
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX audit_seq ON audit_log (seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
