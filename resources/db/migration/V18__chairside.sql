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
