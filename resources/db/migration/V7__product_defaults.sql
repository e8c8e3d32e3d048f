-- What the chart's brush starts with when a product is chosen: the usual amount per point (in the
-- product's charting unit: Dysport in Speywood units, other toxins in their own units, fillers and
-- PLLA in mL), the depth (tissue plane) and the technique. Editable defaults (Admin > Products), never
-- rules; NULL: the brush starts without one and the injector types or chooses it.
-- The values for the shipped products are those the chart screen used per kind until now.
ALTER TABLE product ADD COLUMN default_amount DECIMAL(10,3) CHECK (default_amount > 0);
ALTER TABLE product ADD COLUMN default_depth VARCHAR(20)
    CHECK (default_depth IN ('INTRADERMAL', 'DEEP_DERMIS', 'SUBCUTANEOUS', 'SUPRAPERIOSTEAL', 'INTRAMUSCULAR'));
ALTER TABLE product ADD COLUMN default_technique VARCHAR(30)
    CHECK (default_technique IN ('NEEDLE_BOLUS', 'NEEDLE_SERIAL_PUNCTURE', 'NEEDLE_LINEAR_THREADING',
                                 'NEEDLE_MICRODROPLET', 'CANNULA_FANNING', 'CANNULA_LINEAR', 'CROSS_HATCH'));

UPDATE product SET default_amount = CASE WHEN speywood_units THEN 10 ELSE 4 END,
                   default_depth = 'INTRAMUSCULAR', default_technique = 'NEEDLE_BOLUS'
 WHERE kind = 'TOXIN';
UPDATE product SET default_amount = 0.5, default_depth = 'SUBCUTANEOUS', default_technique = 'CANNULA_FANNING'
 WHERE kind = 'BIOSTIMULATOR';
UPDATE product SET default_amount = 0.1, default_depth = 'DEEP_DERMIS', default_technique = 'NEEDLE_LINEAR_THREADING'
 WHERE kind = 'HA_FILLER';
