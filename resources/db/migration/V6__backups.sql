-- Backups: where and when the clinic's records are copied (one row, edited by an admin), and the
-- log of every backup run, kept so the home screen can show a failed backup until one succeeds.
-- Depends only on V1-V3.

CREATE TABLE backup_config (
    id           INT PRIMARY KEY CHECK (id = 1),
    folder       VARCHAR(1000),                    -- NULL: the data folder's "backups" folder
    on_start     BOOLEAN NOT NULL DEFAULT TRUE,    -- at the first start (or sign-in) of each day
    on_exit      BOOLEAN NOT NULL DEFAULT TRUE,    -- when Needlepoint closes
    keep_daily   INT NOT NULL DEFAULT 7 CHECK (keep_daily BETWEEN 1 AND 60),
    keep_weekly  INT NOT NULL DEFAULT 4 CHECK (keep_weekly BETWEEN 0 AND 52),
    version      INT NOT NULL DEFAULT 0,
    updated_at   TIMESTAMP WITH TIME ZONE,
    updated_by   BIGINT
);
INSERT INTO backup_config (id) VALUES (1);

CREATE TABLE backup_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    trigger_kind VARCHAR(20) NOT NULL CHECK (trigger_kind IN ('START', 'EXIT', 'MANUAL', 'COMMAND')),
    ok           BOOLEAN NOT NULL,
    file_path    VARCHAR(2000),
    size_bytes   BIGINT,
    message      VARCHAR(2000)
);
CREATE INDEX backup_run_finished ON backup_run (ok, finished_at);
CREATE TRIGGER backup_run_no_update BEFORE UPDATE ON backup_run FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER backup_run_no_delete BEFORE DELETE ON backup_run FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
