package org.needlepoint.chart;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.needlepoint.inventory.Concentration;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotStatus;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.inventory.Vial;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;

/** A small catalogue built by hand for the chart parts' view-model tests: no database, no window. */
final class Parts {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.parse("2026-11-21");

    static final Product DYSPORT = new Product(1, "Dysport 300 U", "Dysport", ProductKind.TOXIN, Unit.U,
            new BigDecimal("300"), PackUnit.U, "0.9% saline", new BigDecimal("2.5"), 4, null, new BigDecimal("5"),
            new BigDecimal("40"), new BigDecimal("300"), new BigDecimal("10"), Depth.INTRAMUSCULAR, Technique.NEEDLE_BOLUS,
            true, true, "#2E86C1", 2, List.of(), true, 0);
    static final Product BOTOX = new Product(2, "Botox Cosmetic 100 U", "Botox Cosmetic", ProductKind.TOXIN, Unit.U,
            new BigDecimal("100"), PackUnit.U, "0.9% saline", new BigDecimal("2.5"), 24, null, BigDecimal.ONE,
            new BigDecimal("15"), new BigDecimal("100"), new BigDecimal("4"), Depth.INTRAMUSCULAR,
            Technique.NEEDLE_SERIAL_PUNCTURE, false, false, "#0E6655", 2, List.of(), true, 0);
    static final Product SCULPTRA = new Product(3, "Sculptra", "Sculptra", ProductKind.BIOSTIMULATOR, Unit.ML,
            new BigDecimal("150"), PackUnit.MG, "sterile water", new BigDecimal("9"), null, null, new BigDecimal("0.05"),
            new BigDecimal("2"), new BigDecimal("18"), new BigDecimal("0.5"), Depth.SUBCUTANEOUS, Technique.CANNULA_FANNING,
            false, false, "#8E44AD", 2, List.of(), true, 0);
    /** A filler whose usual point the clinic left empty. */
    static final Product FILLER = new Product(4, "HA filler 1 mL", "HA filler", ProductKind.HA_FILLER, Unit.ML,
            BigDecimal.ONE, PackUnit.ML, null, null, null, null, new BigDecimal("0.01"), BigDecimal.ONE,
            new BigDecimal("10"), false, false, "#F1948A", 2, List.of(), true, 0);

    static final Lot DYSPORT_LATE = lot(11, DYSPORT, "DY-LATE", TODAY.plusYears(1));
    static final Lot DYSPORT_SOON = lot(12, DYSPORT, "DY-SOON", TODAY.plusMonths(2));
    static final Lot DYSPORT_EXPIRED = lot(13, DYSPORT, "DY-OLD", TODAY.minusDays(1));
    static final Lot BOTOX_LOT = lot(21, BOTOX, "BX1", TODAY.plusMonths(1));
    static final Lot SCULPTRA_LOT = lot(31, SCULPTRA, "SC1", TODAY.plusYears(1));
    static final Lot FILLER_LOT = lot(41, FILLER, "HA1", TODAY.plusYears(1));

    /** Opened at 08:00, usable until 12:00: open now. */
    static final Vial FRESH = vial(101, DYSPORT_LATE, NOW.minusSeconds(2 * 3600), NOW.plusSeconds(2 * 3600));
    /** Opened yesterday, usable until 4 h later: past its hours now. */
    static final Vial PAST = vial(102, DYSPORT_SOON, NOW.minusSeconds(26 * 3600), NOW.minusSeconds(22 * 3600));

    static final Catalog CATALOG = new Catalog(List.of(DYSPORT, BOTOX, SCULPTRA, FILLER),
            List.of(DYSPORT_LATE, DYSPORT_SOON, DYSPORT_EXPIRED, BOTOX_LOT, SCULPTRA_LOT, FILLER_LOT), List.of(PAST, FRESH));

    private Parts() {
    }

    static Lot lot(long id, Product p, String number, LocalDate expiry) {
        return new Lot(id, p.id(), number, expiry, LotStatus.ACTIVE, TODAY.minusMonths(1), 5, 0);
    }

    static Vial vial(long id, Lot lot, Instant opened, Instant usableUntil) {
        return new Vial(id, lot.id(), DYSPORT.id(), lot.lotNumber(), DYSPORT.name(), "0.9% saline",
                new BigDecimal("2.5"), Concentration.of(DYSPORT, new BigDecimal("2.5")), opened, "Ivy Injector",
                usableUntil, null, null, null, null, 0);
    }

    static BrushModel brush() {
        BrushModel b = new BrushModel(() -> TODAY);
        b.catalogProperty().set(CATALOG);
        return b;
    }

    static PatientDetails patient(String allergies, String medications) {
        return new PatientDetails("Bea", null, "Jones", null, LocalDate.parse("1979-06-02"), Sex.FEMALE, "(555) 010-9876",
                null, null, null, null, null, null, null, null, null, allergies, medications, null, Pregnancy.NO, false,
                false, null, null);
    }

    static Visit visit(VisitStatus status, boolean consent, boolean offLabelConsent) {
        boolean signed = status == VisitStatus.SIGNED;
        return new Visit(7, 1, NOW.minusSeconds(3600), 2, "NP Ivy Injector", status, "Notes.", consent, offLabelConsent,
                signed ? NOW : null, signed ? 2L : null, signed ? "NP Ivy Injector" : null, 3, NOW);
    }

    static InjectionPoint at(String key, Region region, Side side, Product p, Lot lot, String amount) {
        Placement where = ChartFixture.spot(region, side, p);
        return new InjectionPoint(key, where.view(), where.x(), where.y(), region, side, p.id(), lot == null ? null : lot.id(),
                new BigDecimal(amount), p.unit(), null, null, null, null);
    }
}
