-- Product lots: the catalogue's storage, diluent and reorder level; synthetic GTINs; receipts and
-- the append-only stock ledger (quantity on hand is always SUM(stock_ledger.quantity) per lot, never
-- stored); lot status with reason, who and when; reconstituted vials and their expiry overrides;
-- injection points charted from a vial; recall notices (one per affected patient of a recalled lot,
-- kept until the follow-up work has created its call task).
--
-- Quantities are whole packs (vials, syringes). See inventory.InventoryService for the rules.

-- ---------------------------------------------------------------------------------------------
-- Catalogue. storage: how unopened packs are kept (label-derived, editable). default_diluent: what
-- a vial is reconstituted with (default_diluent_ml, from V3, is how much). reorder_level: when the
-- packs on hand of all usable lots fall below it, the product shows on the reorder list.
ALTER TABLE product ADD COLUMN storage VARCHAR(200);
ALTER TABLE product ADD COLUMN default_diluent VARCHAR(100);
ALTER TABLE product ADD COLUMN reorder_level INT NOT NULL DEFAULT 0 CHECK (reorder_level >= 0 AND reorder_level <= 9999);

UPDATE product SET storage = '2–8 °C (refrigerator), protect from light, do not freeze',
                   default_diluent = '0.9% sodium chloride, preservative-free' WHERE brand = 'Dysport';
UPDATE product SET storage = '2–8 °C (refrigerator)',
                   default_diluent = '0.9% sodium chloride, preservative-free' WHERE brand IN ('Botox Cosmetic', 'Jeuveau');
UPDATE product SET storage = 'Room temperature 20–25 °C, refrigerator 2–8 °C or freezer',
                   default_diluent = '0.9% sodium chloride, preservative-free' WHERE brand = 'Xeomin';
UPDATE product SET storage = 'Room temperature 20–25 °C before reconstitution',
                   default_diluent = '0.9% sodium chloride, preservative-free' WHERE brand = 'Daxxify';
-- Sculptra: reconstituted suspension used within 72 h (label); an editable default like every limit.
UPDATE product SET storage = 'Room temperature up to 30 °C, do not freeze',
                   default_diluent = 'Sterile water for injection (+ lidocaine if used)',
                   usable_hours = COALESCE(usable_hours, 72) WHERE name = 'Sculptra';
UPDATE product SET storage = 'Up to 25 °C, protect from sunlight, do not freeze' WHERE kind = 'HA_FILLER';

UPDATE product SET reorder_level = CASE name
    WHEN 'Sculptra' THEN 4
    WHEN 'Dysport 300 U' THEN 4
    WHEN 'Botox Cosmetic 100 U' THEN 3
    WHEN 'HA filler 1 mL (lidocaine)' THEN 6
    WHEN 'HA filler 1 mL' THEN 4
    ELSE 2 END;

-- Synthetic GTIN-14s so demo scanning works: indicator 0 + a GS1 restricted-circulation number
-- (prefix 20, never issued to a manufacturer) + the mod-10 check digit. Clinics link their packs'
-- real GTINs when they first scan them (inventory.InventoryService.linkGtin).
INSERT INTO product_gtin (gtin, product_id) SELECT v.gtin, p.id FROM product p JOIN (VALUES
    ('02099990001508', 'Sculptra'),
    ('02099990003007', 'Dysport 300 U'),
    ('02099990005001', 'Dysport 500 U'),
    ('02099990010500', 'Botox Cosmetic 50 U'),
    ('02099990011002', 'Botox Cosmetic 100 U'),
    ('02099990020509', 'Xeomin 50 U'),
    ('02099990021001', 'Xeomin 100 U'),
    ('02099990031000', 'Jeuveau 100 U'),
    ('02099990041009', 'Daxxify 100 U'),
    ('02099990050117', 'HA filler 1 mL (lidocaine)'),
    ('02099990050100', 'HA filler 1 mL')) v(gtin, name) ON v.name = p.name
WHERE NOT EXISTS (SELECT 1 FROM product_gtin g WHERE g.gtin = v.gtin);

-- ---------------------------------------------------------------------------------------------
-- Lots. The stored status is ACTIVE, QUARANTINED or RECALLED, with the reason, who and when of the
-- last change (status_on: that day in the clinic's time zone, as the refusal at the chair quotes it).
-- EXPIRED and DEPLETED are derived (inventory.Lot#state). RECALLED is final.
-- lot_key: the lot number upper-cased, for finding a typed lot number whatever its case.
ALTER TABLE lot ADD COLUMN status_reason VARCHAR(500);
ALTER TABLE lot ADD COLUMN status_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lot ADD COLUMN status_on DATE;
ALTER TABLE lot ADD COLUMN status_by BIGINT REFERENCES app_user (id);
ALTER TABLE lot ADD COLUMN lot_key VARCHAR(20) GENERATED ALWAYS AS (UPPER(lot_number));
CREATE INDEX lot_key ON lot (lot_key);
UPDATE lot SET status_reason = 'Set before reasons were recorded', status_at = updated_at,
               status_on = CAST(updated_at AS DATE), status_by = updated_by WHERE status <> 'ACTIVE';
ALTER TABLE lot ADD CONSTRAINT lot_status_reason CHECK (status = 'ACTIVE' OR (status_reason IS NOT NULL
    AND status_at IS NOT NULL AND status_on IS NOT NULL));

-- ---------------------------------------------------------------------------------------------
-- Receipts: one row per delivery of packs of a lot (a lot may be received several times). gtin and
-- serial come from the pack's barcode (AI 01 and 21); a serial is received once per GTIN.
-- received_by is NULL only for the lots taken in before this migration. Append-only.
CREATE TABLE receipt (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    lot_id          BIGINT NOT NULL REFERENCES lot (id),
    gtin            CHAR(14) CHECK (REGEXP_LIKE(gtin, '^[0-9]{14}$')),
    serial          VARCHAR(20),
    production_date DATE,
    quantity        INT NOT NULL CHECK (quantity > 0),
    supplier        VARCHAR(200),
    invoice         VARCHAR(100),
    received_on     DATE NOT NULL,
    received_by     BIGINT REFERENCES app_user (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT receipt_serial_once UNIQUE (gtin, serial),
    CONSTRAINT receipt_serial_has_gtin CHECK (serial IS NULL OR gtin IS NOT NULL)
);
CREATE INDEX receipt_lot ON receipt (lot_id);
CREATE TRIGGER receipt_no_update BEFORE UPDATE ON receipt FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER receipt_no_delete BEFORE DELETE ON receipt FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';

-- ---------------------------------------------------------------------------------------------
-- Reconstituted vials. usable_until = opened_at + the product's usable hours at opening (NULL: no
-- limit). first_used_visit_id: the signed visit whose signature deducted this vial's pack (set once;
-- a vial shared by several patients is deducted once). A discarded vial cannot be charted from.
CREATE TABLE vial (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    lot_id              BIGINT NOT NULL REFERENCES lot (id),
    diluent             VARCHAR(100) NOT NULL,
    volume_ml           DECIMAL(6,2) NOT NULL CHECK (volume_ml > 0),
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by           BIGINT NOT NULL REFERENCES app_user (id),
    usable_until        TIMESTAMP WITH TIME ZONE,
    first_used_visit_id BIGINT REFERENCES visit (id),
    discarded_at        TIMESTAMP WITH TIME ZONE,
    discarded_by        BIGINT REFERENCES app_user (id),
    discard_reason      VARCHAR(500),
    version             INT NOT NULL DEFAULT 0,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          BIGINT REFERENCES app_user (id),
    CONSTRAINT vial_discard CHECK ((discarded_at IS NULL) = (discard_reason IS NULL))
);
CREATE INDEX vial_lot ON vial (lot_id, discarded_at);

-- Charting from a vial past its usable hours needs this explicit override, per vial and visit.
CREATE TABLE vial_override (
    vial_id     BIGINT NOT NULL REFERENCES vial (id),
    visit_id    BIGINT NOT NULL REFERENCES visit (id),
    reason      VARCHAR(500) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  BIGINT NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (vial_id, visit_id)
);
CREATE TRIGGER vial_override_no_update BEFORE UPDATE ON vial_override FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER vial_override_no_delete BEFORE DELETE ON vial_override FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';

-- A point charted from a reconstituted vial names it; the vial must be of the point's lot.
-- H2 adds a column by copying the table under a temporary name, and a trigger carried over keeps that
-- name: the signed-chart guard (V3) is dropped first and created again, exactly as V3 made it.
DROP TRIGGER injection_point_signed_guard;
ALTER TABLE injection_point ADD COLUMN vial_id BIGINT REFERENCES vial (id); -- H2 indexes the foreign key itself
-- The recall list reads every point of a lot (about a thousand of a busy lot among a million points):
-- this index holds every column of the point it needs, so they come from the index alone, in one
-- range, instead of one table row per point scattered over the years (inventory.InventoryStore.RECALL_POINTS).
CREATE INDEX injection_point_lot_recall ON injection_point (lot_id, visit_id, addendum_id, seq, region, side, amount,
    amount_unit, vial_id);
CREATE TRIGGER injection_point_signed_guard BEFORE INSERT, UPDATE, DELETE ON injection_point
    FOR EACH ROW CALL 'org.needlepoint.chart.SignedChartGuard';

-- ---------------------------------------------------------------------------------------------
-- The stock ledger: signed whole-pack quantities, never changed or deleted. RECEIVED (+, a receipt),
-- USED (-, a signed chart or addendum: visit_id, and vial_id for a reconstituted vial), WASTED (-,
-- reason required; a discarded vial never charted has vial_id), ADJUSTED (+/-, from a stock count:
-- counted = what was counted, quantity = the difference; reason required).
CREATE TABLE stock_ledger (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    lot_id      BIGINT NOT NULL REFERENCES lot (id),
    kind        VARCHAR(10) NOT NULL CHECK (kind IN ('RECEIVED', 'USED', 'WASTED', 'ADJUSTED')),
    quantity    INT NOT NULL,
    counted     INT,
    reason      VARCHAR(500),
    receipt_id  BIGINT REFERENCES receipt (id),
    visit_id    BIGINT REFERENCES visit (id),
    vial_id     BIGINT REFERENCES vial (id),
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user     BIGINT REFERENCES app_user (id),
    CONSTRAINT ledger_sign CHECK ((kind = 'RECEIVED' AND quantity > 0) OR (kind IN ('USED', 'WASTED') AND quantity < 0)
        OR (kind = 'ADJUSTED' AND quantity <> 0)),
    CONSTRAINT ledger_reason CHECK (kind NOT IN ('WASTED', 'ADJUSTED') OR reason IS NOT NULL),
    CONSTRAINT ledger_count CHECK ((kind = 'ADJUSTED') = (counted IS NOT NULL) AND (counted IS NULL OR counted >= 0)),
    CONSTRAINT ledger_receipt CHECK ((kind = 'RECEIVED') = (receipt_id IS NOT NULL)),
    CONSTRAINT ledger_used_visit CHECK (kind <> 'USED' OR visit_id IS NOT NULL)
);
CREATE INDEX stock_ledger_lot ON stock_ledger (lot_id, quantity);
CREATE INDEX stock_ledger_visit ON stock_ledger (visit_id, lot_id);
CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON stock_ledger FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER stock_ledger_no_delete BEFORE DELETE ON stock_ledger FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';

-- Lots taken in before this migration: their quantity becomes a receipt and a RECEIVED entry...
INSERT INTO receipt (lot_id, quantity, received_on, received_by, created_at)
SELECT id, quantity_received, received_on, created_by, created_at FROM lot ORDER BY id;
INSERT INTO stock_ledger (lot_id, kind, quantity, receipt_id, at, by_user)
SELECT lot_id, 'RECEIVED', quantity, id, created_at, received_by FROM receipt ORDER BY id;
-- ...and what their signed charts used is deducted as a signature would now: per visit and lot,
-- ceil(amount charted / what one pack yields) packs (1 when the yield is unknown).
INSERT INTO stock_ledger (lot_id, kind, quantity, visit_id, at, by_user, reason)
SELECT u.lot_id, 'USED', -u.packs, u.visit_id, u.signed_at, u.signed_by, 'Charted before stock was kept; deducted by the upgrade'
FROM (SELECT ip.lot_id, v.id AS visit_id, v.signed_at, v.signed_by,
             CAST(GREATEST(1, COALESCE(CEILING(SUM(ip.amount) / MAX(CASE
                 WHEN (p.charting_unit = 'U' AND p.pack_unit = 'U') OR (p.charting_unit = 'ML' AND p.pack_unit = 'ML') THEN p.pack_size
                 WHEN p.charting_unit = 'ML' THEN p.default_diluent_ml END)), 1)) AS INT) AS packs
      FROM injection_point ip JOIN visit v ON v.id = ip.visit_id JOIN lot l ON l.id = ip.lot_id
      JOIN product p ON p.id = l.product_id
      WHERE v.status = 'SIGNED'
      GROUP BY ip.lot_id, v.id, v.signed_at, v.signed_by) u
ORDER BY u.signed_at, u.visit_id, u.lot_id;
ALTER TABLE lot DROP COLUMN quantity_received;

-- ---------------------------------------------------------------------------------------------
-- Recall notices: when a lot is marked recalled, one row per patient who received it (signed or
-- draft). The follow-up work creates a call task per notice and sets task_created; until it has,
-- the notices are the durable record of who must be called.
CREATE TABLE recall_notice (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    lot_id          BIGINT NOT NULL REFERENCES lot (id),
    patient_id      BIGINT NOT NULL REFERENCES patient (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      BIGINT REFERENCES app_user (id),
    task_created    BOOLEAN NOT NULL DEFAULT FALSE,
    version         INT NOT NULL DEFAULT 0,
    updated_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT recall_notice_once UNIQUE (lot_id, patient_id)
);
CREATE INDEX recall_notice_pending ON recall_notice (task_created, created_at);

-- Lots shown as "expiring soon" on the inventory and home screens: expiry within this many days.
INSERT INTO setting (name, val) VALUES ('inventory.expiring.days', '30');
