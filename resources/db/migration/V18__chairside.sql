-- Chair-side (issue 15): the clinic's own products of more kinds, the protocols injectors use,
-- signing with a PIN, a per-user theme, and side effects expected after any injection.
--
-- H2 adds or drops a column by copying the table, and a change-feed trigger carried over keeps the
-- copy's temporary name as its table (see V14): each table changed below has its triggers dropped
-- first and created again exactly as before.

-- ---------------------------------------------------------------------------------------------
-- Product kinds: inventory.ProductKind gains CAHA (calcium hydroxylapatite), DEOXYCHOLIC (deoxycholic
-- acid) and OTHER. The CHECK lists of V3 were written inline (no name to drop), so each column is
-- replaced by a new one with the wider list, its values copied.
DROP TRIGGER product_feed;
ALTER TABLE product ADD COLUMN kind_new VARCHAR(20)
    CHECK (kind_new IN ('TOXIN', 'BIOSTIMULATOR', 'HA_FILLER', 'CAHA', 'DEOXYCHOLIC', 'OTHER'));
UPDATE product SET kind_new = kind;
ALTER TABLE product DROP COLUMN kind;
ALTER TABLE product ALTER COLUMN kind_new RENAME TO kind;
ALTER TABLE product ALTER COLUMN kind SET NOT NULL;
-- the kind decides the unit: toxins in U; PLLA, fillers, CaHA and deoxycholic acid in mL; OTHER either
ALTER TABLE product ADD CONSTRAINT product_kind_unit CHECK (kind = 'OTHER' OR (kind = 'TOXIN') = (charting_unit = 'U'));
CREATE TRIGGER product_feed AFTER INSERT, UPDATE, DELETE ON product CALL 'org.needlepoint.store.ChangeFeedTrigger';

DROP TRIGGER chart_pattern_feed;
ALTER TABLE chart_pattern ADD COLUMN kind_new VARCHAR(20)
    CHECK (kind_new IN ('TOXIN', 'BIOSTIMULATOR', 'HA_FILLER', 'CAHA', 'DEOXYCHOLIC', 'OTHER'));
UPDATE chart_pattern SET kind_new = product_kind;
ALTER TABLE chart_pattern DROP COLUMN product_kind;
ALTER TABLE chart_pattern ALTER COLUMN kind_new RENAME TO product_kind;
ALTER TABLE chart_pattern ALTER COLUMN product_kind SET NOT NULL;
CREATE TRIGGER chart_pattern_feed AFTER INSERT, UPDATE, DELETE ON chart_pattern CALL 'org.needlepoint.store.ChangeFeedTrigger';

-- Consent texts: schedule.ConsentKind gains OTHER, the clinic's general consent for an injectable of
-- none of the named kinds (ConsentKind.of(ProductKind.OTHER)). consent_text is append-only: its guards
-- are dropped for the copy of the column and created again as V14 made them.
DROP TRIGGER consent_text_no_update;
DROP TRIGGER consent_text_no_delete;
DROP TRIGGER consent_text_feed;
ALTER TABLE consent_text DROP CONSTRAINT consent_text_kind_version;
ALTER TABLE consent_text ADD COLUMN kind_new VARCHAR(20)
    CHECK (kind_new IN ('TOXIN', 'HA_FILLER', 'BIOSTIMULATOR', 'CAHA', 'DEOXYCHOLIC', 'OTHER', 'PHOTOGRAPHY'));
UPDATE consent_text SET kind_new = kind;
ALTER TABLE consent_text DROP COLUMN kind;
ALTER TABLE consent_text ALTER COLUMN kind_new RENAME TO kind;
ALTER TABLE consent_text ALTER COLUMN kind SET NOT NULL;
ALTER TABLE consent_text ADD CONSTRAINT consent_text_kind_version UNIQUE (kind, text_version);
CREATE TRIGGER consent_text_no_update BEFORE UPDATE ON consent_text FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER consent_text_no_delete BEFORE DELETE ON consent_text FOR EACH ROW CALL 'org.needlepoint.store.AppendOnlyTrigger';
CREATE TRIGGER consent_text_feed AFTER INSERT, UPDATE, DELETE ON consent_text CALL 'org.needlepoint.store.ChangeFeedTrigger';

INSERT INTO consent_text (kind, text_version, title, body, created_at, created_by) VALUES
('OTHER', 1, 'Consent to an injectable treatment',
'I ask to be treated with the injectable product my injector has named to me, in the areas my injector and I have agreed.

## What the treatment is
The product is injected with a fine needle or a blunt cannula. My injector has explained what it is, how it works, how long its effect usually lasts and what it costs. Results vary and are not guaranteed.

## Expected effects
Swelling, tenderness, bruising and redness at the injection sites are expected and usually settle within about 3 to 17 days.

## Risks
Less often: infection, a lump or nodule, an allergic reaction, asymmetry, or an effect I do not like. Rarely, a product injected into a blood vessel can block it, which is an emergency: I will call the clinic at once, or an emergency number, if I notice severe pain, skin that turns pale or dusky, or any change in my vision.

## What I have told my injector
- about my medicines, including blood thinners, aspirin, anti-inflammatories, fish oil, vitamin E and ginkgo;
- about allergies, pregnancy or breastfeeding, infections, cold sores and any illness;
- about earlier treatments in the same areas.

I have had the chance to ask questions, and I agree to the treatment and to the aftercare I am given.',
CURRENT_TIMESTAMP, NULL);

-- ---------------------------------------------------------------------------------------------
-- Protocols. The Sculptra touch-up about 2 years after a course ends (domain.md, the clinics' pages):
-- a call to book it, counted from the last session of the course (a later session of the same course
-- supersedes it, as the nodule checks). An editable default, like every rule.
INSERT INTO followup_rule (code, seq, trigger_type, name, task_kind, offset_amount, offset_unit, min_days,
                           severity_min, severity_max, course_sessions, assignee_role, clinical, basis) VALUES
    ('SCULPTRA_TOUCH_UP', 65, 'SCULPTRA_COURSE_END', 'Sculptra touch-up about 2 years after the course', 'CALL', 24,
        'MONTHS', NULL, NULL, NULL, NULL, 'FRONT_DESK', FALSE,
        'Practice (the clinics'' pages): a touch-up session about 2 years after a course ends.');

-- Built-in patterns (issue 15), on FACE_FRONT in the site-map's normalised coordinates as V3's; each
-- lands in the region it names (PatternGeometryTest). Amounts are domain.md's practice defaults:
-- toxins in onabotulinumtoxinA units for Botox Cosmetic, and about 2.5x in Dysport's Speywood units
-- (a Dysport lip flip point, 3 U, is under Dysport's shipped per-point minimum of 5 U and is charted
-- with that warning to read); chin and jawline for Sculptra, HA fillers and CaHA. Editable defaults.
INSERT INTO chart_pattern (name, name_key, product_kind, amount_unit, brand, built_in) VALUES
    ('Dysport lip flip (4 x 3 U)', 'dysport lip flip (4 x 3 u)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport bunny lines (7.5 U per side)', 'dysport bunny lines (7.5 u per side)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport depressor anguli oris (7.5 U per side)', 'dysport depressor anguli oris (7.5 u per side)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport mentalis (2 x 7.5 U)', 'dysport mentalis (2 x 7.5 u)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport masseter (3 x 20 U per side)', 'dysport masseter (3 x 20 u per side)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Dysport platysmal bands (4 x 5 U per band)', 'dysport platysmal bands (4 x 5 u per band)', 'TOXIN', 'U', 'Dysport', TRUE),
    ('Botox Cosmetic lip flip (4 x 1.25 U)', 'botox cosmetic lip flip (4 x 1.25 u)', 'TOXIN', 'U', 'Botox Cosmetic', TRUE),
    ('Botox Cosmetic bunny lines (3 U per side)', 'botox cosmetic bunny lines (3 u per side)', 'TOXIN', 'U', 'Botox Cosmetic', TRUE),
    ('Botox Cosmetic depressor anguli oris (3 U per side)', 'botox cosmetic depressor anguli oris (3 u per side)', 'TOXIN', 'U', 'Botox Cosmetic', TRUE),
    ('Botox Cosmetic mentalis (2 x 3 U)', 'botox cosmetic mentalis (2 x 3 u)', 'TOXIN', 'U', 'Botox Cosmetic', TRUE),
    ('Botox Cosmetic masseter (3 x 8 U per side)', 'botox cosmetic masseter (3 x 8 u per side)', 'TOXIN', 'U', 'Botox Cosmetic', TRUE),
    ('Botox Cosmetic platysmal bands (4 x 2 U per band)', 'botox cosmetic platysmal bands (4 x 2 u per band)', 'TOXIN', 'U', 'Botox Cosmetic', TRUE),
    ('Sculptra chin (3 x 0.5 mL)', 'sculptra chin (3 x 0.5 ml)', 'BIOSTIMULATOR', 'ML', NULL, TRUE),
    ('Sculptra jawline (3 x 0.5 mL per side)', 'sculptra jawline (3 x 0.5 ml per side)', 'BIOSTIMULATOR', 'ML', NULL, TRUE),
    ('HA filler chin (3 x 0.3 mL)', 'ha filler chin (3 x 0.3 ml)', 'HA_FILLER', 'ML', NULL, TRUE),
    ('HA filler jawline (3 x 0.3 mL per side)', 'ha filler jawline (3 x 0.3 ml per side)', 'HA_FILLER', 'ML', NULL, TRUE),
    ('CaHA chin (3 x 0.3 mL)', 'caha chin (3 x 0.3 ml)', 'CAHA', 'ML', NULL, TRUE),
    ('CaHA jawline (3 x 0.3 mL per side)', 'caha jawline (3 x 0.3 ml per side)', 'CAHA', 'ML', NULL, TRUE);

-- Dysport lip flip (4 x 3 U): 4 x 3 U along the upper lip border (practice: 4-6 U onabotulinumtoxinA over 4 points).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'ORBICULARIS_ORIS_UPPER', v.side, 3, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.430, 0.684, 'RIGHT'),
    (1, 0.470, 0.680, 'RIGHT'),
    (2, 0.530, 0.680, 'LEFT'),
    (3, 0.570, 0.684, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport lip flip (4 x 3 u)';

-- Dysport bunny lines (7.5 U per side): 1 point of 7.5 U per side into the nasalis (practice: 2-5 U per side).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'NASALIS', v.side, 7.5, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.474, 0.548, 'RIGHT'),
    (1, 0.526, 0.548, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport bunny lines (7.5 u per side)';

-- Dysport depressor anguli oris (7.5 U per side): 1 point of 7.5 U per side (practice: 2-5 U per side).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'DEPRESSOR_ANGULI_ORIS', v.side, 7.5, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.350, 0.790, 'RIGHT'),
    (1, 0.650, 0.790, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport depressor anguli oris (7.5 u per side)';

-- Dysport mentalis (2 x 7.5 U): 2 points of 7.5 U (practice: 4-10 U in 1-2 points).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'MENTALIS', v.side, 7.5, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.485, 0.815, 'MIDLINE'),
    (1, 0.515, 0.815, 'MIDLINE')) v(seq, x, y, side)
WHERE p.name_key = 'dysport mentalis (2 x 7.5 u)';

-- Dysport masseter (3 x 20 U per side): 3 points of 20 U per side (practice: 20-50 U per side in 3 points).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'MASSETER', v.side, 20, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.255, 0.620, 'RIGHT'),
    (1, 0.280, 0.660, 'RIGHT'),
    (2, 0.255, 0.695, 'RIGHT'),
    (3, 0.745, 0.620, 'LEFT'),
    (4, 0.720, 0.660, 'LEFT'),
    (5, 0.745, 0.695, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport masseter (3 x 20 u per side)';

-- Dysport platysmal bands (4 x 5 U per band): 4 points of 5 U along each band (practice: 2-5 U per point).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'PLATYSMA', v.side, 5, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.425, 0.880, 'RIGHT'),
    (1, 0.425, 0.910, 'RIGHT'),
    (2, 0.425, 0.940, 'RIGHT'),
    (3, 0.425, 0.970, 'RIGHT'),
    (4, 0.575, 0.880, 'LEFT'),
    (5, 0.575, 0.910, 'LEFT'),
    (6, 0.575, 0.940, 'LEFT'),
    (7, 0.575, 0.970, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'dysport platysmal bands (4 x 5 u per band)';

-- Botox Cosmetic lip flip (4 x 1.25 U): 4 x 1.25 U along the upper lip border (practice: 4-6 U onabotulinumtoxinA over 4 points).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'ORBICULARIS_ORIS_UPPER', v.side, 1.25, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.430, 0.684, 'RIGHT'),
    (1, 0.470, 0.680, 'RIGHT'),
    (2, 0.530, 0.680, 'LEFT'),
    (3, 0.570, 0.684, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'botox cosmetic lip flip (4 x 1.25 u)';

-- Botox Cosmetic bunny lines (3 U per side): 1 point of 3 U per side into the nasalis (practice: 2-5 U per side).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'NASALIS', v.side, 3, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.474, 0.548, 'RIGHT'),
    (1, 0.526, 0.548, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'botox cosmetic bunny lines (3 u per side)';

-- Botox Cosmetic depressor anguli oris (3 U per side): 1 point of 3 U per side (practice: 2-5 U per side).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'DEPRESSOR_ANGULI_ORIS', v.side, 3, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.350, 0.790, 'RIGHT'),
    (1, 0.650, 0.790, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'botox cosmetic depressor anguli oris (3 u per side)';

-- Botox Cosmetic mentalis (2 x 3 U): 2 points of 3 U (practice: 4-10 U in 1-2 points).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'MENTALIS', v.side, 3, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.485, 0.815, 'MIDLINE'),
    (1, 0.515, 0.815, 'MIDLINE')) v(seq, x, y, side)
WHERE p.name_key = 'botox cosmetic mentalis (2 x 3 u)';

-- Botox Cosmetic masseter (3 x 8 U per side): 3 points of 8 U per side (practice: 20-50 U per side in 3 points).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'MASSETER', v.side, 8, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.255, 0.620, 'RIGHT'),
    (1, 0.280, 0.660, 'RIGHT'),
    (2, 0.255, 0.695, 'RIGHT'),
    (3, 0.745, 0.620, 'LEFT'),
    (4, 0.720, 0.660, 'LEFT'),
    (5, 0.745, 0.695, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'botox cosmetic masseter (3 x 8 u per side)';

-- Botox Cosmetic platysmal bands (4 x 2 U per band): 4 points of 2 U along each band (practice: 2-5 U per point).
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'PLATYSMA', v.side, 2, 'INTRAMUSCULAR', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.425, 0.880, 'RIGHT'),
    (1, 0.425, 0.910, 'RIGHT'),
    (2, 0.425, 0.940, 'RIGHT'),
    (3, 0.425, 0.970, 'RIGHT'),
    (4, 0.575, 0.880, 'LEFT'),
    (5, 0.575, 0.910, 'LEFT'),
    (6, 0.575, 0.940, 'LEFT'),
    (7, 0.575, 0.970, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'botox cosmetic platysmal bands (4 x 2 u per band)';

-- Sculptra chin (3 x 0.5 mL): Sculptra (label: chin and jawline are on-label regions), supraperiosteal at the chin, subcutaneous by cannula along the jaw.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'CHIN', v.side, 0.5, 'SUPRAPERIOSTEAL', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.450, 0.812, 'RIGHT'),
    (1, 0.500, 0.815, 'MIDLINE'),
    (2, 0.550, 0.812, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'sculptra chin (3 x 0.5 ml)';

-- Sculptra jawline (3 x 0.5 mL per side): Sculptra (label: chin and jawline are on-label regions), supraperiosteal at the chin, subcutaneous by cannula along the jaw.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'JAWLINE', v.side, 0.5, 'SUBCUTANEOUS', 'CANNULA_LINEAR'
FROM chart_pattern p, (VALUES
    (0, 0.252, 0.698, 'RIGHT'),
    (1, 0.290, 0.760, 'RIGHT'),
    (2, 0.330, 0.790, 'RIGHT'),
    (3, 0.748, 0.698, 'LEFT'),
    (4, 0.710, 0.760, 'LEFT'),
    (5, 0.670, 0.790, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'sculptra jawline (3 x 0.5 ml per side)';

-- HA filler chin (3 x 0.3 mL): HA filler, supraperiosteal boluses at the chin, subcutaneous by cannula along the jaw.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'CHIN', v.side, 0.3, 'SUPRAPERIOSTEAL', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.450, 0.812, 'RIGHT'),
    (1, 0.500, 0.815, 'MIDLINE'),
    (2, 0.550, 0.812, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'ha filler chin (3 x 0.3 ml)';

-- HA filler jawline (3 x 0.3 mL per side): HA filler, supraperiosteal boluses at the chin, subcutaneous by cannula along the jaw.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'JAWLINE', v.side, 0.3, 'SUBCUTANEOUS', 'CANNULA_LINEAR'
FROM chart_pattern p, (VALUES
    (0, 0.252, 0.698, 'RIGHT'),
    (1, 0.290, 0.760, 'RIGHT'),
    (2, 0.330, 0.790, 'RIGHT'),
    (3, 0.748, 0.698, 'LEFT'),
    (4, 0.710, 0.760, 'LEFT'),
    (5, 0.670, 0.790, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'ha filler jawline (3 x 0.3 ml per side)';

-- CaHA chin (3 x 0.3 mL): CaHA undiluted for contour, supraperiosteal boluses at the chin, subcutaneous by cannula along the jaw.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'CHIN', v.side, 0.3, 'SUPRAPERIOSTEAL', 'NEEDLE_BOLUS'
FROM chart_pattern p, (VALUES
    (0, 0.450, 0.812, 'RIGHT'),
    (1, 0.500, 0.815, 'MIDLINE'),
    (2, 0.550, 0.812, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'caha chin (3 x 0.3 ml)';

-- CaHA jawline (3 x 0.3 mL per side): CaHA undiluted for contour, supraperiosteal boluses at the chin, subcutaneous by cannula along the jaw.
INSERT INTO chart_pattern_point (pattern_id, seq, diagram_view, x, y, region, side, amount, depth, technique)
SELECT p.id, v.seq, 'FACE_FRONT', v.x, v.y, 'JAWLINE', v.side, 0.3, 'SUBCUTANEOUS', 'CANNULA_LINEAR'
FROM chart_pattern p, (VALUES
    (0, 0.252, 0.698, 'RIGHT'),
    (1, 0.290, 0.760, 'RIGHT'),
    (2, 0.330, 0.790, 'RIGHT'),
    (3, 0.748, 0.698, 'LEFT'),
    (4, 0.710, 0.760, 'LEFT'),
    (5, 0.670, 0.790, 'LEFT')) v(seq, x, y, side)
WHERE p.name_key = 'caha jawline (3 x 0.3 ml per side)';

-- ---------------------------------------------------------------------------------------------
-- Expected reactions (followup.ExpectedReaction): swelling, tenderness, bruising and redness at the
-- injection sites within about 3-17 days of the visit, mild or moderate, are recorded as expected,
-- not as adverse reactions, unless the injector says otherwise. Events recorded before stay adverse.
DROP TRIGGER adverse_event_feed;
ALTER TABLE adverse_event ADD COLUMN expected BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TRIGGER adverse_event_feed AFTER INSERT, UPDATE, DELETE ON adverse_event CALL 'org.needlepoint.store.ChangeFeedTrigger';

-- ---------------------------------------------------------------------------------------------
-- Signing with a PIN and a theme per user. signing_pin_hash: a 6-digit signing PIN, hashed as
-- passwords are (security.PasswordHasher), set by the user in My settings; NULL: none. pin_failures:
-- wrong PINs in a row; at 5 the screen locks and only the password unlocks it (and resets the count).
-- theme: LIGHT or DARK (AtlantaFX Primer), chosen per user for treatment rooms with the lights down.
-- The setting signing.password.required (Admin > Clinic) makes every signature take the full password.
DROP TRIGGER app_user_feed;
ALTER TABLE app_user ADD COLUMN signing_pin_hash VARCHAR(200);
ALTER TABLE app_user ADD COLUMN pin_failures INT NOT NULL DEFAULT 0 CHECK (pin_failures >= 0);
ALTER TABLE app_user ADD COLUMN theme VARCHAR(10) NOT NULL DEFAULT 'LIGHT' CHECK (theme IN ('LIGHT', 'DARK'));
CREATE TRIGGER app_user_feed AFTER INSERT, UPDATE, DELETE ON app_user CALL 'org.needlepoint.store.ChangeFeedTrigger';
INSERT INTO setting (name, val) VALUES ('signing.password.required', 'false');

-- The rows the inserts above wrote in the change feed belong to no committed save that a PC could
-- follow (Flyway's transaction is not numbered): the feed starts empty, as after V14.
DELETE FROM change_feed WHERE commit_counter IS NULL;
