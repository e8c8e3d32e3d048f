-- Injection-site maps: the product catalogue and lots (minimal: the product-lots work adds the
-- ledger, reconstituted vials and barcodes on top of these tables), visits with their screening
-- answers, injection points and addenda, and charting patterns.
--
-- Enum-like columns store the Java enum names: chart.DiagramView, chart.Region, chart.Side,
-- chart.Depth, chart.Technique, chart.ScreeningItem, ... Region and view carry no CHECK list so the
-- shared vocabulary can grow without a migration; the services accept only known names.
--
-- Signed charts are immutable: the triggers at the end (chart.SignedChartGuard) refuse any UPDATE
-- or DELETE of a SIGNED visit, of its points and of its screening answers, any new original point
-- on a signed visit, and any change to an addendum. Corrections are addenda: new rows only.

-- ---------------------------------------------------------------------------------------------
-- Products. Amounts are charted in charting_unit (U for toxins, ML for PLLA and fillers).
-- pack_size/pack_unit: what one vial or syringe holds (Sculptra: 150 mg of PLLA).
-- default_diluent_ml: the usual reconstitution volume; for PLLA it is the total suspension per vial
--   (water + lidocaine; consensus 9 mL, practice 5-10 mL) and converts charted mL into vials.
-- usable_hours: how long a reconstituted vial may be used (domain.md: keep per product, editable).
-- point_min / point_max / visit_max: plausibility limits in charting units; they only warn and are
--   clinic-editable defaults (practice), not label rules. point_min catches a dose typed in another
--   toxin's scale (a Dysport point of 4 U reads like Botox units).
-- speywood_units: the product's units are Speywood units (Dysport), about 2.5-3x Botox units.
-- milk_protein: contains cow's-milk protein (Dysport), so screening asks about that allergy.
CREATE TABLE product (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(120) NOT NULL UNIQUE,
    brand               VARCHAR(60)  NOT NULL,
    kind                VARCHAR(20)  NOT NULL CHECK (kind IN ('TOXIN', 'BIOSTIMULATOR', 'HA_FILLER')),
    charting_unit       VARCHAR(4)   NOT NULL CHECK (charting_unit IN ('U', 'ML')),
    pack_size           DECIMAL(10,3) NOT NULL CHECK (pack_size > 0),
    pack_unit           VARCHAR(4)   NOT NULL CHECK (pack_unit IN ('U', 'MG', 'ML')),
    default_diluent_ml  DECIMAL(6,2) CHECK (default_diluent_ml > 0),
    usable_hours        INT CHECK (usable_hours > 0),
    point_min           DECIMAL(10,3) CHECK (point_min > 0),
    point_max           DECIMAL(10,3) CHECK (point_max > 0),
    visit_max           DECIMAL(10,3) CHECK (visit_max > 0),
    speywood_units      BOOLEAN NOT NULL DEFAULT FALSE,
    milk_protein        BOOLEAN NOT NULL DEFAULT FALSE,
    colour              CHAR(7) NOT NULL CHECK (REGEXP_LIKE(colour, '^#[0-9A-Fa-f]{6}$')),
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    version             INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE,
    updated_by          BIGINT REFERENCES app_user (id)
);

-- GS1 GTINs (14 digits) printed on a product's packs; a product may have several (pack sizes,
-- markets). None are shipped: the clinic's scanner fills them as packs are received.
CREATE TABLE product_gtin (
    gtin        CHAR(14) PRIMARY KEY CHECK (REGEXP_LIKE(gtin, '^[0-9]{14}$')),
    product_id  BIGINT NOT NULL REFERENCES product (id)
);
CREATE INDEX product_gtin_product ON product_gtin (product_id);

INSERT INTO product (name, brand, kind, charting_unit, pack_size, pack_unit, default_diluent_ml, usable_hours,
                     point_min, point_max, visit_max, speywood_units, milk_protein, colour) VALUES
    ('Sculptra',                 'Sculptra',       'BIOSTIMULATOR', 'ML', 150, 'MG', 9.00, NULL, 0.05, 2,   18,  FALSE, FALSE, '#8E44AD'),
    ('Dysport 300 U',            'Dysport',        'TOXIN',         'U',  300, 'U',  2.50, 4,    5,    40,  300, TRUE,  TRUE,  '#2E86C1'),
    ('Dysport 500 U',            'Dysport',        'TOXIN',         'U',  500, 'U',  2.50, 4,    5,    40,  300, TRUE,  TRUE,  '#1B4F72'),
    ('Botox Cosmetic 50 U',      'Botox Cosmetic', 'TOXIN',         'U',  50,  'U',  1.25, 24,   1,    15,  100, FALSE, FALSE, '#16A085'),
    ('Botox Cosmetic 100 U',     'Botox Cosmetic', 'TOXIN',         'U',  100, 'U',  2.50, 24,   1,    15,  100, FALSE, FALSE, '#0E6655'),
    ('Xeomin 50 U',              'Xeomin',         'TOXIN',         'U',  50,  'U',  1.25, 24,   1,    15,  100, FALSE, FALSE, '#D68910'),
    ('Xeomin 100 U',             'Xeomin',         'TOXIN',         'U',  100, 'U',  2.50, 24,   1,    15,  100, FALSE, FALSE, '#9C640C'),
    ('Jeuveau 100 U',            'Jeuveau',        'TOXIN',         'U',  100, 'U',  2.50, 24,   1,    15,  100, FALSE, FALSE, '#C0392B'),
    -- Daxxify: reconstitution per label, left for the clinic to enter
    ('Daxxify 100 U',            'Daxxify',        'TOXIN',         'U',  100, 'U',  NULL, 72,   2,    20,  100, FALSE, FALSE, '#6C3483'),
    ('HA filler 1 mL (lidocaine)', 'HA filler',    'HA_FILLER',     'ML', 1,   'ML', NULL, NULL, 0.01, 1,   10,  FALSE, FALSE, '#E75480'),
    ('HA filler 1 mL',           'HA filler',      'HA_FILLER',     'ML', 1,   'ML', NULL, NULL, 0.01, 1,   10,  FALSE, FALSE, '#F1948A');

-- ---------------------------------------------------------------------------------------------
-- Lots: one row per product and lot number. quantity_received counts packs (vials, syringes).
-- A lot is usable while ACTIVE and not past its expiry date (by the app's clock).
CREATE TABLE lot (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id          BIGINT NOT NULL REFERENCES product (id),
    lot_number          VARCHAR(20) NOT NULL,
    expiry              DATE NOT NULL,
    status              VARCHAR(12) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'QUARANTINED', 'RECALLED')),
    received_on         DATE NOT NULL,
    quantity_received   INT NOT NULL CHECK (quantity_received > 0),
    version             INT NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          BIGINT REFERENCES app_user (id),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          BIGINT REFERENCES app_user (id),
    CONSTRAINT lot_number_per_product UNIQUE (product_id, lot_number)
);

-- ---------------------------------------------------------------------------------------------
-- Visits: DRAFT while the injector charts (autosaved), SIGNED once and then read-only.
CREATE TABLE visit (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id                  BIGINT NOT NULL REFERENCES patient (id),
    started_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    injector_id                 BIGINT NOT NULL REFERENCES app_user (id),
    status                      VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'SIGNED')),
    clinical_notes              VARCHAR(8000),
    consent_confirmed           BOOLEAN NOT NULL DEFAULT FALSE,
    offlabel_consent_confirmed  BOOLEAN NOT NULL DEFAULT FALSE,
    signed_at                   TIMESTAMP WITH TIME ZONE,
    signed_by                   BIGINT REFERENCES app_user (id),
    version                     INT NOT NULL DEFAULT 0,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                  BIGINT REFERENCES app_user (id),
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                  BIGINT REFERENCES app_user (id),
    CONSTRAINT visit_signature CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL AND signed_by IS NOT NULL)),
    CONSTRAINT visit_signed_with_consent CHECK (status <> 'SIGNED' OR consent_confirmed)
);
CREATE INDEX visit_patient ON visit (patient_id, started_at);
CREATE INDEX visit_injector_status ON visit (injector_id, status);

-- The screening checklist of a visit: one row per item shown (chart.ScreeningItem names).
-- flagged_by_record: pre-flagged because the patient's record lists a matching allergy,
-- medication, condition or pregnancy.
CREATE TABLE visit_screening (
    visit_id            BIGINT NOT NULL REFERENCES visit (id),
    item_code           VARCHAR(40) NOT NULL,
    answer              VARCHAR(12) NOT NULL CHECK (answer IN ('UNANSWERED', 'NO', 'YES')),
    flagged_by_record   BOOLEAN NOT NULL DEFAULT FALSE,
    note                VARCHAR(500),
    PRIMARY KEY (visit_id, item_code)
);

-- Corrections and later additions to a signed visit, stamped with author and time.
CREATE TABLE addendum (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    visit_id    BIGINT NOT NULL REFERENCES visit (id),
    author_id   BIGINT NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    note_text   VARCHAR(8000),
    CONSTRAINT addendum_of_visit UNIQUE (id, visit_id)
);
CREATE INDEX addendum_visit ON addendum (visit_id);

-- Points on the diagram. x and y are normalised 0..1 on the view (x to the viewer's right, y down).
-- addendum_id is NULL for the visit's original points and names the addendum that added the others.
CREATE TABLE injection_point (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    visit_id        BIGINT NOT NULL REFERENCES visit (id),
    point_key       VARCHAR(40) NOT NULL,
    seq             INT NOT NULL,
    diagram_view    VARCHAR(20) NOT NULL,
    x               DOUBLE PRECISION NOT NULL CHECK (x >= 0 AND x <= 1),
    y               DOUBLE PRECISION NOT NULL CHECK (y >= 0 AND y <= 1),
    region          VARCHAR(40) NOT NULL,
    side            VARCHAR(10) NOT NULL CHECK (side IN ('LEFT', 'RIGHT', 'MIDLINE')),
    product_id      BIGINT NOT NULL REFERENCES product (id),
    lot_id          BIGINT REFERENCES lot (id),
    amount          DECIMAL(10,3) NOT NULL CHECK (amount > 0),
    amount_unit     VARCHAR(4) NOT NULL CHECK (amount_unit IN ('U', 'ML')),
    depth           VARCHAR(20),
    technique       VARCHAR(30),
    note            VARCHAR(500),
    addendum_id     BIGINT,
    CONSTRAINT point_key_per_visit UNIQUE (visit_id, point_key),
    CONSTRAINT point_addendum_of_same_visit FOREIGN KEY (addendum_id, visit_id) REFERENCES addendum (id, visit_id)
);
CREATE INDEX injection_point_visit ON injection_point (visit_id);
CREATE INDEX injection_point_lot ON injection_point (lot_id);

-- ---------------------------------------------------------------------------------------------
-- Patterns: a set of points with amounts applied in one action. Amounts are in amount_unit of a
-- product of product_kind; brand, when set, ties toxin amounts to that brand's unit scale (a
-- Dysport pattern must not be applied to Botox: the units are not interchangeable).
CREATE TABLE chart_pattern (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    name_key        VARCHAR(100) NOT NULL UNIQUE,
    product_kind    VARCHAR(20) NOT NULL CHECK (product_kind IN ('TOXIN', 'BIOSTIMULATOR', 'HA_FILLER')),
    amount_unit     VARCHAR(4) NOT NULL CHECK (amount_unit IN ('U', 'ML')),
    brand           VARCHAR(60),
    built_in        BOOLEAN NOT NULL DEFAULT FALSE,
    created_by      BIGINT REFERENCES app_user (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE chart_pattern_point (
    pattern_id      BIGINT NOT NULL REFERENCES chart_pattern (id),
    seq             INT NOT NULL,
    diagram_view    VARCHAR(20) NOT NULL,
    x               DOUBLE PRECISION NOT NULL CHECK (x >= 0 AND x <= 1),
    y               DOUBLE PRECISION NOT NULL CHECK (y >= 0 AND y <= 1),
    region          VARCHAR(40) NOT NULL,
    side            VARCHAR(10) NOT NULL CHECK (side IN ('LEFT', 'RIGHT', 'MIDLINE')),
    amount          DECIMAL(10,3) NOT NULL CHECK (amount > 0),
    depth           VARCHAR(20),
    technique       VARCHAR(30),
    PRIMARY KEY (pattern_id, seq)
);

-- Built-in patterns on FACE_FRONT, in the site-map's normalised coordinates (see
-- resources/org/needlepoint/chart/diagrams/README.md for the face's landmarks):
--   midline x = 0.50; the patient's RIGHT side is at x < 0.5 (the viewer's left, as in a photo);
--   the points below were checked against DiagramGeometry.locate (PatternGeometryTest keeps them honest).
INSERT INTO chart_pattern (name, name_key, product_kind, amount_unit, brand, built_in) VALUES
    ('Dysport glabellar lines (label, 5 x 10 U)', 'dysport glabellar lines (label, 5 x 10 u)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport crow''s feet (3 points per side)', 'dysport crow''s feet (3 points per side)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport forehead (5 points)', 'dysport forehead (5 points)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Sculptra temple fan', 'sculptra temple fan', 'BIOSTIMULATOR', 'ML', NULL, TRUE),
    ('Sculptra malar fan', 'sculptra malar fan', 'BIOSTIMULATOR', 'ML', NULL, TRUE);

-- Dysport glabellar lines, label: 50 U as 5 x 10 U, two points into each corrugator, one into the procerus.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, v.region, v.side, 10, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.500, 0.450, 'PROCERUS',   'MIDLINE'),
    (1, 0.445, 0.415, 'CORRUGATOR', 'RIGHT'),
    (2, 0.380, 0.390, 'CORRUGATOR', 'RIGHT'),
    (3, 0.555, 0.415, 'CORRUGATOR', 'LEFT'),
    (4, 0.620, 0.390, 'CORRUGATOR', 'LEFT')) v(seq, x, y, region, side)
WHERE p.name_key = 'dysport glabellar lines (label, 5 x 10 u)';

-- Crow's feet (consensus, off-label): lateral orbicularis oculi, 3 points per side of 10 U, about
-- 1 cm lateral to the orbital rim, superficial.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'ORBICULARIS_OCULI_LATERAL', v.side, 10, 'SUBCUTANEOUS', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.265, 0.445, 'RIGHT'),
    (1, 0.258, 0.478, 'RIGHT'),
    (2, 0.265, 0.512, 'RIGHT'),
    (3, 0.735, 0.445, 'LEFT'),
    (4, 0.742, 0.478, 'LEFT'),
    (5, 0.735, 0.512, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport crow''s feet (3 points per side)';

-- Forehead (consensus, off-label): frontalis, 5 points of 5 U (conservative end of 5-10 U) in a
-- shallow arc at least 2 cm above the brows (y <= 0.28) to spare the brow.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'FRONTALIS', v.side, 5, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.340, 0.330, 'RIGHT'),
    (1, 0.420, 0.315, 'RIGHT'),
    (2, 0.500, 0.310, 'MIDLINE'),
    (3, 0.580, 0.315, 'LEFT'),
    (4, 0.660, 0.330, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport forehead (5 points)';

-- Sculptra temple fan: 3 rays per side from one entry, 0.5 mL each, subcutaneous by cannula.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'TEMPLE', v.side, 0.5, 'SUBCUTANEOUS', 'CANNULA_FANNING'
FROM chart_pattern p, (VALUES
    (0, 0.225, 0.360, 'RIGHT'),
    (1, 0.218, 0.400, 'RIGHT'),
    (2, 0.215, 0.440, 'RIGHT'),
    (3, 0.775, 0.360, 'LEFT'),
    (4, 0.782, 0.400, 'LEFT'),
    (5, 0.785, 0.440, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'sculptra temple fan';

-- Sculptra malar fan: 4 rays per side (2 malar, 2 submalar), 0.5 mL each, subcutaneous by cannula.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, v.region, v.side, 0.5, 'SUBCUTANEOUS', 'CANNULA_FANNING'
FROM chart_pattern p, (VALUES
    (0, 0.360, 0.545, 'MALAR',    'RIGHT'),
    (1, 0.300, 0.560, 'MALAR',    'RIGHT'),
    (2, 0.345, 0.640, 'SUBMALAR', 'RIGHT'),
    (3, 0.300, 0.650, 'SUBMALAR', 'RIGHT'),
    (4, 0.640, 0.545, 'MALAR',    'LEFT'),
    (5, 0.700, 0.560, 'MALAR',    'LEFT'),
    (6, 0.655, 0.640, 'SUBMALAR', 'LEFT'),
    (7, 0.700, 0.650, 'SUBMALAR', 'LEFT')) v(seq, x, y, region, side)
WHERE p.name_key = 'sculptra malar fan';

-- ---------------------------------------------------------------------------------------------
-- Signed charts cannot change (see the header). The guard is the backstop behind the service.
CREATE TRIGGER visit_signed_guard BEFORE UPDATE, DELETE ON visit
    FOR EACH ROW CALL 'org.needlepoint.chart.SignedChartGuard';
CREATE TRIGGER injection_point_signed_guard BEFORE INSERT, UPDATE, DELETE ON injection_point
    FOR EACH ROW CALL 'org.needlepoint.chart.SignedChartGuard';
CREATE TRIGGER visit_screening_signed_guard BEFORE INSERT, UPDATE, DELETE ON visit_screening
    FOR EACH ROW CALL 'org.needlepoint.chart.SignedChartGuard';
CREATE TRIGGER addendum_guard BEFORE INSERT, UPDATE, DELETE ON addendum
    FOR EACH ROW CALL 'org.needlepoint.chart.SignedChartGuard';
