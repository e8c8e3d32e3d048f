-- Foundation: clinic profile, settings, users, the append-only audit log, patients.
-- Every mutable table carries a version column for optimistic locking.

CREATE TABLE clinic (
    id          INT PRIMARY KEY CHECK (id = 1),
    name        VARCHAR(200) NOT NULL,
    address     VARCHAR(500) NOT NULL,
    phone       VARCHAR(50)  NOT NULL,
    version     INT NOT NULL DEFAULT 0,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  BIGINT
);

CREATE TABLE setting (
    name        VARCHAR(100) PRIMARY KEY,
    val         VARCHAR(2000) NOT NULL,
    version     INT NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE,
    updated_by  BIGINT
);
INSERT INTO setting (name, val) VALUES ('idle.lock.minutes', '10');

CREATE TABLE app_user (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(60)  NOT NULL,
    username_key    VARCHAR(60)  NOT NULL UNIQUE,
    full_name       VARCHAR(200) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'INJECTOR', 'FRONT_DESK')),
    title           VARCHAR(100),
    licence_number  VARCHAR(100),
    password_hash   VARCHAR(400) NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    failed_attempts INT NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP WITH TIME ZONE,
    version         INT NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      BIGINT
);

CREATE TABLE audit_log (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id      BIGINT,
    username     VARCHAR(60),
    action       VARCHAR(40) NOT NULL,
    record_type  VARCHAR(40),
    record_id    BIGINT,
    patient_id   BIGINT,
    summary      VARCHAR(2000)
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_user ON audit_log (user_id, at);
CREATE INDEX audit_patient ON audit_log (patient_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';

CREATE SEQUENCE chart_number_seq START WITH 1001;

CREATE TABLE patient (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    chart_number        BIGINT NOT NULL UNIQUE,
    first_name          VARCHAR(100) NOT NULL,
    middle_name         VARCHAR(100),
    last_name           VARCHAR(100) NOT NULL,
    preferred_name      VARCHAR(100),
    birth_date          DATE NOT NULL,
    sex                 VARCHAR(20) NOT NULL,
    mobile_phone        VARCHAR(40),
    other_phone         VARCHAR(40),
    email               VARCHAR(200),
    address_line        VARCHAR(300),
    city                VARCHAR(100),
    region              VARCHAR(100),
    postal_code         VARCHAR(20),
    emergency_name      VARCHAR(200),
    emergency_phone     VARCHAR(40),
    emergency_relation  VARCHAR(60),
    allergies           VARCHAR(2000),
    medications         VARCHAR(2000),
    conditions          VARCHAR(2000),
    pregnancy           VARCHAR(20) NOT NULL,
    photo_consent       BOOLEAN NOT NULL DEFAULT FALSE,
    marketing_consent   BOOLEAN NOT NULL DEFAULT FALSE,
    alerts              VARCHAR(1000),
    notes               VARCHAR(4000),
    name_key            VARCHAR(300) NOT NULL,
    version             INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          BIGINT,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          BIGINT
);
CREATE INDEX patient_name_key ON patient (name_key);
CREATE INDEX patient_birth_date ON patient (birth_date);

-- Search keys: N = a normalised name token, P = phone digits, R = phone digits reversed (suffix search).
CREATE TABLE patient_search_key (
    kind        CHAR(1) NOT NULL,
    search_key  VARCHAR(100) NOT NULL,
    patient_id  BIGINT NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, search_key, patient_id)
);
CREATE INDEX patient_search_key_patient ON patient_search_key (patient_id);
