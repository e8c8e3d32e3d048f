package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.chart.ChartFixture.pt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.ChartTotals.UnitTotal;
import org.needlepoint.chart.ChartWarning.Severity;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotStatus;
import org.needlepoint.inventory.PackUnit;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;
import org.needlepoint.testing.TestClinic;

/** The pure charting rules, run against the catalogue the migration ships. */
class ChartRulesTest {
    @TempDir
    static Path dir;
    static TestClinic clinic;
    static Catalog shipped;
    static Product dysport;
    static Product dysport500;
    static Product botox;
    static Product sculptra;
    static Product filler;
    static final LocalDate TODAY = LocalDate.parse("2026-11-21");
    static final Lot DYSPORT_LOT = new Lot(101, 0, "DY1", TODAY.plusMonths(6), LotStatus.ACTIVE, TODAY, 5, 0);

    @BeforeAll
    static void catalogue() {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("injector");
        shipped = clinic.services.charts().catalog();
        dysport = ChartFixture.named(shipped, "Dysport 300 U");
        dysport500 = ChartFixture.named(shipped, "Dysport 500 U");
        botox = ChartFixture.named(shipped, "Botox Cosmetic 100 U");
        sculptra = ChartFixture.named(shipped, "Sculptra");
        filler = ChartFixture.named(shipped, "HA filler 1 mL");
    }

    @AfterAll
    static void close() {
        clinic.close();
    }

    /** The shipped products with these lots. */
    private static Catalog with(Lot... lots) {
        return new Catalog(shipped.products(), List.of(lots));
    }

    private static Lot lot(long id, Product p, String number, LocalDate expiry, LotStatus status) {
        return new Lot(id, p.id(), number, expiry, status, TODAY.minusMonths(1), 5, 0);
    }

    private static List<ChartWarning> warnings(Catalog catalog, InjectionPoint... points) {
        return ChartRules.warnings(List.of(points), catalog, TODAY, false);
    }

    private static List<String> codes(List<ChartWarning> warnings) {
        return warnings.stream().map(ChartWarning::code).toList();
    }

    // ----------------------------------------------------------------------------- catalogue

    @Test
    void theMigrationShipsTheCatalogue() {
        assertThat(shipped.products()).extracting(Product::name).contains("Sculptra", "Dysport 300 U", "Dysport 500 U",
                "Botox Cosmetic 50 U", "Botox Cosmetic 100 U", "Xeomin 50 U", "Xeomin 100 U", "Jeuveau 100 U",
                "Daxxify 100 U", "HA filler 1 mL (lidocaine)", "HA filler 1 mL").hasSize(11);
        assertThat(dysport.kind()).isEqualTo(ProductKind.TOXIN);
        assertThat(dysport.unit()).isEqualTo(Unit.U);
        assertThat(dysport.speywoodUnits()).isTrue();
        assertThat(dysport.milkProtein()).isTrue();
        assertThat(dysport.usableHours()).isEqualTo(4);
        assertThat(sculptra.unit()).isEqualTo(Unit.ML);
        assertThat(sculptra.packSize()).isEqualByComparingTo("150");
        assertThat(sculptra.packUnit()).isEqualTo(PackUnit.MG);
        assertThat(sculptra.chartedPerPack()).isEqualByComparingTo("9");
        assertThat(filler.packWord()).isEqualTo("syringe");
        assertThat(shipped.products()).allSatisfy(p -> assertThat(p.colour()).matches("#[0-9A-F]{6}"));
    }

    // -------------------------------------------------------------------------------- totals

    @Test
    void totalsAreExactBigDecimalsWithVials() {
        List<InjectionPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(pt("d" + i, i == 0 ? Region.PROCERUS : Region.CORRUGATOR, i == 0 ? Side.MIDLINE : Side.LEFT,
                    dysport, (Long) null, "10"));
        }
        ChartTotals t = ChartRules.totals(points, shipped);

        ChartTotals.ProductTotal d = t.product(dysport.id()).orElseThrow();
        assertThat(d.amount()).isEqualTo(new BigDecimal("50"));
        assertThat(d.unit()).isEqualTo(Unit.U);
        assertThat(d.packs()).isEqualTo(1);
        assertThat(d.points()).isEqualTo(5);
        assertThat(d.describe()).isEqualTo("50 U, 1 vial");
        assertThat(t.points()).isEqualTo(5);
        assertThat(t.byRegion()).extracting(ChartTotals.RegionTotal::region, ChartTotals.RegionTotal::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Region.CORRUGATOR, new BigDecimal("40")),
                        org.assertj.core.groups.Tuple.tuple(Region.PROCERUS, new BigDecimal("10")));
    }

    @Test
    void pointOneAndPointTwoMillilitresMakeExactlyPointThree() {
        ChartTotals t = ChartRules.totals(List.of(
                pt("a", Region.LIPS, Side.LEFT, filler, (Long) null, "0.1"),
                pt("b", Region.LIPS, Side.RIGHT, filler, (Long) null, "0.2")), shipped);

        ChartTotals.ProductTotal f = t.product(filler.id()).orElseThrow();
        assertThat(f.amount()).isEqualTo(new BigDecimal("0.3"));
        assertThat(f.describe()).isEqualTo("0.3 mL, 1 syringe");
        assertThat(0.1 + 0.2).as("what a double would have said").isNotEqualTo(0.3);
    }

    @Test
    void packsRoundUpAndPllaVialsComeFromTheReconstitutedVolume() {
        List<InjectionPoint> sculptraPoints = new ArrayList<>();
        for (int i = 0; i < 19; i++) { // 19 x 0.5 = 9.5 mL, over one 9 mL vial
            sculptraPoints.add(pt("s" + i, Region.MALAR, Side.LEFT, sculptra, (Long) null, "0.5"));
        }
        ChartTotals t = ChartRules.totals(sculptraPoints, shipped);
        assertThat(t.product(sculptra.id()).orElseThrow().describe()).isEqualTo("9.5 mL, 2 vials");

        assertThat(dysport.packsFor(new BigDecimal("300"))).isEqualTo(1);
        assertThat(dysport.packsFor(new BigDecimal("300.001"))).isEqualTo(2);
        assertThat(filler.packsFor(new BigDecimal("1.5"))).isEqualTo(2);
    }

    @Test
    void overallTotalsKeepToxinScalesApartAndAddMillilitres() {
        ChartTotals t = ChartRules.totals(List.of(
                pt("a", Region.PROCERUS, Side.MIDLINE, dysport, (Long) null, "10"),
                pt("b", Region.FRONTALIS, Side.LEFT, dysport500, (Long) null, "20"),
                pt("c", Region.FRONTALIS, Side.RIGHT, botox, (Long) null, "4"),
                pt("d", Region.TEMPLE, Side.RIGHT, sculptra, (Long) null, "1.5"),
                pt("e", Region.LIPS, Side.RIGHT, filler, (Long) null, "0.25")), shipped);

        assertThat(t.overall()).extracting(UnitTotal::describe)
                .containsExactlyInAnyOrder("30 U Dysport", "4 U Botox Cosmetic", "1.75 mL");
        assertThat(t.byProduct()).hasSize(5);
    }

    // ------------------------------------------------------------------------------ warnings

    @Test
    void sculptraInTheLipsOrAroundTheEyesWarns() {
        List<ChartWarning> w = warnings(shipped,
                pt("lips", Region.LIPS, Side.LEFT, sculptra, (Long) null, "0.2"),
                pt("eye", Region.PERIORBITAL, Side.RIGHT, sculptra, (Long) null, "0.2"),
                pt("temple", Region.TEMPLE, Side.RIGHT, sculptra, (Long) null, "0.5"),
                pt("haLips", Region.LIPS, Side.RIGHT, filler, (Long) null, "0.2"));

        assertThat(w).filteredOn(x -> x.code().equals(ChartWarning.PLLA_AVOID_REGION))
                .extracting(ChartWarning::pointKey).containsExactlyInAnyOrder("lips", "eye");
        assertThat(w).filteredOn(x -> x.pointKey() != null && x.pointKey().equals("lips")
                        && x.code().equals(ChartWarning.PLLA_AVOID_REGION)).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.WARNING);
                    assertThat(x.message()).contains("Sculptra", "Lips (vermilion)", "nodules");
                });
    }

    @Test
    void aDysportDoseInBotoxUnitsWarns() {
        List<ChartWarning> w = warnings(shipped, pt("p", Region.CORRUGATOR, Side.LEFT, dysport, (Long) null, "4"));

        assertThat(w).filteredOn(x -> x.code().equals(ChartWarning.AMOUNT_BELOW_PLAUSIBLE)).singleElement()
                .satisfies(x -> {
                    assertThat(x.message()).startsWith("Dysport doses run about 2.5–3× Botox units: is 4 U meant as Dysport units?");
                    assertThat(x.pointKey()).isEqualTo("p");
                });
        assertThat(codes(warnings(shipped, pt("p", Region.CORRUGATOR, Side.LEFT, dysport, (Long) null, "10"))))
                .doesNotContain(ChartWarning.AMOUNT_BELOW_PLAUSIBLE, ChartWarning.AMOUNT_ABOVE_POINT_MAX);
    }

    @Test
    void aBotoxDoseAboveThePointMaximumAsksWhetherItWasDysportUnits() {
        List<ChartWarning> w = warnings(shipped, pt("p", Region.CORRUGATOR, Side.LEFT, botox, (Long) null, "25"));

        assertThat(w).filteredOn(x -> x.code().equals(ChartWarning.AMOUNT_ABOVE_POINT_MAX)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("25 U", "15 U", "Dysport"));
    }

    @Test
    void moreThanTheProductsPerVisitMaximumWarns() {
        List<InjectionPoint> points = new ArrayList<>();
        for (int i = 0; i < 11; i++) { // 11 x 30 U = 330 U of Dysport, above 300 U
            points.add(pt("m" + i, Region.MASSETER, i % 2 == 0 ? Side.LEFT : Side.RIGHT, dysport, (Long) null, "30"));
        }
        List<ChartWarning> w = ChartRules.warnings(points, shipped, TODAY, false);

        assertThat(w).filteredOn(x -> x.code().equals(ChartWarning.VISIT_ABOVE_MAX)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("330 U", "300 U"));
        assertThat(codes(ChartRules.warnings(points.subList(0, 10), shipped, TODAY, false)))
                .doesNotContain(ChartWarning.VISIT_ABOVE_MAX);
    }

    @Test
    void theLimitsAreProductDataNotCode() {
        Product strict = dysport.withLimits(new BigDecimal("8"), dysport.pointMax(), new BigDecimal("40"));
        Catalog edited = new Catalog(List.of(strict), List.of());
        List<ChartWarning> w = ChartRules.warnings(List.of(
                pt("a", Region.PROCERUS, Side.MIDLINE, strict, (Long) null, "6"),
                pt("b", Region.CORRUGATOR, Side.LEFT, strict, (Long) null, "40")), edited, TODAY, false);
        assertThat(codes(w)).contains(ChartWarning.AMOUNT_BELOW_PLAUSIBLE, ChartWarning.VISIT_ABOVE_MAX);
    }

    @Test
    void lotProblemsAreErrorsAndAMissingLotAWarning() {
        Lot botoxLot = lot(1, botox, "BX1", TODAY.plusMonths(3), LotStatus.ACTIVE);
        Lot expired = lot(2, dysport, "DY-OLD", TODAY.minusDays(1), LotStatus.ACTIVE);
        Lot recalled = lot(3, dysport, "DY-REC", TODAY.plusMonths(3), LotStatus.RECALLED);
        Lot quarantined = lot(4, dysport, "DY-Q", TODAY.plusMonths(3), LotStatus.QUARANTINED);
        Lot lastDay = lot(5, dysport, "DY-LAST", TODAY, LotStatus.ACTIVE);
        Catalog catalog = with(botoxLot, expired, recalled, quarantined, lastDay);

        List<ChartWarning> w = warnings(catalog,
                pt("wrong", Region.PROCERUS, Side.MIDLINE, dysport, botoxLot, "10"),
                pt("expired", Region.CORRUGATOR, Side.LEFT, dysport, expired, "10"),
                pt("recalled", Region.CORRUGATOR, Side.LEFT, dysport, recalled, "10"),
                pt("quarantined", Region.CORRUGATOR, Side.RIGHT, dysport, quarantined, "10"),
                pt("lastDay", Region.CORRUGATOR, Side.RIGHT, dysport, lastDay, "10"),
                pt("none", Region.CORRUGATOR, Side.RIGHT, dysport, (Long) null, "10"));

        assertThat(w).filteredOn(x -> x.pointKey() != null && x.code().startsWith("LOT_"))
                .extracting(ChartWarning::pointKey, ChartWarning::code, ChartWarning::severity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wrong", ChartWarning.LOT_WRONG_PRODUCT, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("expired", ChartWarning.LOT_EXPIRED, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("recalled", ChartWarning.LOT_NOT_ACTIVE, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("quarantined", ChartWarning.LOT_NOT_ACTIVE, Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("none", ChartWarning.LOT_MISSING, Severity.WARNING));
        assertThat(w.get(0).severity()).as("errors come first").isEqualTo(Severity.ERROR);
        assertThat(w).filteredOn(x -> "wrong".equals(x.pointKey())).first()
                .satisfies(x -> assertThat(x.message()).contains("BX1", "Botox Cosmetic 100 U", "not of Dysport 300 U"));
        assertThat(w).filteredOn(x -> "expired".equals(x.pointKey())).first()
                .satisfies(x -> assertThat(x.message()).contains("expired on 20 Nov 2026"));
    }

    @Test
    void sculptraOffLabelNeedsItsConsentAndNeverGoesIntoMuscle() {
        InjectionPoint forehead = pt("f", Region.FOREHEAD, Side.MIDLINE, sculptra, (Long) null, "0.5");
        InjectionPoint malar = new InjectionPoint("m", DiagramView.FACE_FRONT, 0.3, 0.55, Region.MALAR, Side.RIGHT,
                sculptra.id(), null, new BigDecimal("0.5"), Unit.ML, Depth.INTRAMUSCULAR, Technique.CANNULA_FANNING,
                null, null);

        assertThat(codes(ChartRules.warnings(List.of(forehead, malar), shipped, TODAY, false)))
                .contains(ChartWarning.PLLA_OFF_LABEL, ChartWarning.PLLA_DEPTH);
        assertThat(codes(ChartRules.warnings(List.of(forehead), shipped, TODAY, true)))
                .doesNotContain(ChartWarning.PLLA_OFF_LABEL);
        assertThat(ChartRules.offLabelPllaRegions(List.of(forehead, malar), shipped)).containsExactly(Region.FOREHEAD);
        assertThat(ChartRules.offLabelPllaRegions(List.of(
                pt("t", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "1"),
                pt("n", Region.NASOLABIAL_FOLD, Side.LEFT, sculptra, (Long) null, "1"),
                pt("d", Region.DECOLLETAGE, Side.MIDLINE, sculptra, (Long) null, "1"),
                pt("j", Region.JAWLINE, Side.LEFT, sculptra, (Long) null, "1"),
                pt("c", Region.CHIN, Side.MIDLINE, sculptra, (Long) null, "1"),
                pt("s", Region.SUBMALAR, Side.LEFT, sculptra, (Long) null, "1")), shipped)).isEmpty();
        assertThat(ChartRules.offLabelPllaRegions(List.of(
                pt("b", Region.BUTTOCK, Side.LEFT, sculptra, (Long) null, "4"),
                pt("forehead toxin", Region.FOREHEAD, Side.LEFT, dysport, (Long) null, "10")), shipped))
                .containsExactly(Region.BUTTOCK);
    }

    @Test
    void twoToxinsInOneVisitAreNoted() {
        assertThat(codes(warnings(shipped,
                pt("a", Region.PROCERUS, Side.MIDLINE, dysport, (Long) null, "10"),
                pt("b", Region.FRONTALIS, Side.LEFT, botox, (Long) null, "4")))).contains(ChartWarning.MIXED_TOXINS);
        assertThat(codes(warnings(shipped,
                pt("a", Region.PROCERUS, Side.MIDLINE, dysport, (Long) null, "10"),
                pt("b", Region.FRONTALIS, Side.LEFT, dysport500, (Long) null, "10")))).doesNotContain(ChartWarning.MIXED_TOXINS);
    }

    // ----------------------------------------------------------------------------- screening

    private static PatientDetails record(String allergies, String medications, String conditions, Pregnancy pregnancy) {
        return new PatientDetails("Bea", null, "Jones", null, LocalDate.parse("1979-06-02"), Sex.FEMALE, "555 010 9876",
                null, null, null, null, null, null, null, null, null, allergies, medications, conditions, pregnancy,
                false, false, null, null);
    }

    private static ScreeningEntry entry(List<ScreeningEntry> list, ScreeningItem item) {
        return list.stream().filter(e -> e.item() == item).findFirst().orElse(null);
    }

    @Test
    void theChecklistFollowsTheProducts() {
        PatientDetails plain = record(null, null, null, Pregnancy.NO);
        assertThat(ChartRules.screening(List.of(botox), plain, List.of())).extracting(ScreeningEntry::item)
                .contains(ScreeningItem.ANTICOAGULANTS, ScreeningItem.PREGNANCY, ScreeningItem.SITE_INFECTION,
                        ScreeningItem.COMPONENT_ALLERGY, ScreeningItem.NEUROMUSCULAR)
                .doesNotContain(ScreeningItem.COWS_MILK_ALLERGY, ScreeningItem.KELOIDS);
        assertThat(ChartRules.screening(List.of(dysport), plain, List.of())).extracting(ScreeningEntry::item)
                .contains(ScreeningItem.NEUROMUSCULAR, ScreeningItem.COWS_MILK_ALLERGY)
                .doesNotContain(ScreeningItem.KELOIDS, ScreeningItem.IMMUNOSUPPRESSION);
        assertThat(ChartRules.screening(List.of(sculptra), plain, List.of())).extracting(ScreeningEntry::item)
                .contains(ScreeningItem.KELOIDS, ScreeningItem.IMMUNOSUPPRESSION, ScreeningItem.ANTICOAGULANTS)
                .doesNotContain(ScreeningItem.NEUROMUSCULAR, ScreeningItem.COWS_MILK_ALLERGY);
        assertThat(ChartRules.screening(List.of(sculptra), plain, List.of()))
                .allSatisfy(e -> assertThat(e.answer()).isEqualTo(ScreeningAnswer.UNANSWERED));
    }

    @Test
    void theRecordPreFlagsMatchingQuestions() {
        PatientDetails d = record("Cow's milk protein", "Warfarin 5 mg; fish oil", "Keloid scarring", Pregnancy.BREASTFEEDING);

        List<ScreeningEntry> dysportList = ChartRules.screening(List.of(dysport), d, List.of());
        assertThat(entry(dysportList, ScreeningItem.COWS_MILK_ALLERGY)).satisfies(e -> {
            assertThat(e.answer()).isEqualTo(ScreeningAnswer.YES);
            assertThat(e.flaggedByRecord()).isTrue();
            assertThat(e.note()).contains("Cow's milk protein");
        });
        assertThat(entry(dysportList, ScreeningItem.ANTICOAGULANTS).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(dysportList, ScreeningItem.NSAIDS_SUPPLEMENTS).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(dysportList, ScreeningItem.PREGNANCY).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(dysportList, ScreeningItem.NEUROMUSCULAR).answer()).isEqualTo(ScreeningAnswer.UNANSWERED);
        assertThat(entry(dysportList, ScreeningItem.KELOIDS)).as("not a toxin question").isNull();

        List<ScreeningEntry> botoxList = ChartRules.screening(List.of(botox), d, List.of());
        assertThat(entry(botoxList, ScreeningItem.COWS_MILK_ALLERGY)).as("Botox has no milk protein").isNull();

        List<ScreeningEntry> sculptraList = ChartRules.screening(List.of(sculptra), d, List.of());
        assertThat(entry(sculptraList, ScreeningItem.KELOIDS).answer()).isEqualTo(ScreeningAnswer.YES);

        PatientDetails immuno = record("Lidocaine", null, "Rheumatoid arthritis (immunosuppressed)", Pregnancy.NO);
        List<ScreeningEntry> plla = ChartRules.screening(List.of(sculptra), immuno, List.of());
        assertThat(entry(plla, ScreeningItem.IMMUNOSUPPRESSION).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(plla, ScreeningItem.AUTOIMMUNE).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(plla, ScreeningItem.LIDOCAINE_ALLERGY).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(plla, ScreeningItem.COMPONENT_ALLERGY).answer()).isEqualTo(ScreeningAnswer.YES);
        assertThat(entry(ChartRules.screening(List.of(dysport), immuno, List.of()), ScreeningItem.COMPONENT_ALLERGY)
                .answer()).as("lidocaine is not in Dysport").isEqualTo(ScreeningAnswer.UNANSWERED);
    }

    @Test
    void anAnswerGivenIsKeptOverTheRecord() {
        PatientDetails d = record(null, "Aspirin 81 mg daily", null, Pregnancy.NO);
        List<ScreeningEntry> answered = List.of(new ScreeningEntry(ScreeningItem.NSAIDS_SUPPLEMENTS, ScreeningAnswer.NO,
                true, "Stopped 10 days ago"));
        assertThat(entry(ChartRules.screening(List.of(dysport), d, answered), ScreeningItem.NSAIDS_SUPPLEMENTS))
                .isEqualTo(answered.get(0));
    }

    // ----------------------------------------------------------------------------- patterns

    @Test
    void theGlabellarPatternAppliesFiveTimesTenUnitsOfDysport() {
        clinic.signIn("injector");
        ChartPattern glabellar = clinic.services.charts().patterns().stream()
                .filter(p -> p.name().startsWith("Dysport glabellar")).findFirst().orElseThrow();
        AtomicInteger n = new AtomicInteger();

        List<InjectionPoint> points = ChartRules.apply(glabellar, dysport500, 7L, () -> "k" + n.incrementAndGet());

        assertThat(points).hasSize(5).allSatisfy(p -> {
            assertThat(p.amount()).isEqualTo(new BigDecimal("10"));
            assertThat(p.unit()).isEqualTo(Unit.U);
            assertThat(p.productId()).isEqualTo(dysport500.id());
            assertThat(p.lotId()).isEqualTo(7L);
            assertThat(p.view()).isEqualTo(DiagramView.FACE_FRONT);
            assertThat(p.depth()).isEqualTo(Depth.INTRAMUSCULAR);
        });
        assertThat(points).extracting(InjectionPoint::key).containsExactly("k1", "k2", "k3", "k4", "k5");
        assertThat(points).filteredOn(p -> p.region() == Region.CORRUGATOR && p.side() == Side.RIGHT).hasSize(2)
                .allSatisfy(p -> assertThat(p.x()).isLessThan(0.5));
        assertThat(points).filteredOn(p -> p.region() == Region.CORRUGATOR && p.side() == Side.LEFT).hasSize(2)
                .allSatisfy(p -> assertThat(p.x()).isGreaterThan(0.5));
        assertThat(points).filteredOn(p -> p.region() == Region.PROCERUS).singleElement()
                .satisfies(p -> assertThat(p.x()).isEqualTo(0.5));
        assertThat(ChartRules.totals(points, shipped).product(dysport500.id()).orElseThrow().amount())
                .isEqualTo(new BigDecimal("50"));
        assertThatThrownBy(() -> ChartRules.apply(glabellar, botox, null, () -> "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Dysport");
    }

    @Test
    void theBuiltInPatternsAreShipped() {
        clinic.signIn("injector");
        List<ChartPattern> patterns = clinic.services.charts().patterns();

        // the shipped patterns in the order they were added: the label's glabella first (issue 15 added 18 more)
        assertThat(patterns).filteredOn(ChartPattern::builtIn).extracting(ChartPattern::name).startsWith(
                "Dysport glabellar lines (label, 5 x 10 U)", "Dysport crow's feet (3 points per side)",
                "Dysport forehead (5 points)", "Sculptra temple fan", "Sculptra malar fan").hasSize(23);
        ChartPattern crows = patterns.get(1);
        assertThat(crows.points()).hasSize(6).allSatisfy(p -> assertThat(p.region()).isEqualTo(Region.ORBICULARIS_OCULI_LATERAL));
        assertThat(crows.points()).filteredOn(p -> p.side() == Side.RIGHT).hasSize(3);
        ChartPattern forehead = patterns.get(2);
        assertThat(forehead.points()).hasSize(5).allSatisfy(p -> {
            assertThat(p.region()).isEqualTo(Region.FRONTALIS);
            assertThat(p.y()).as("above the brows, which the face draws at y ≈ 0.39").isLessThan(0.36);
        });
        ChartPattern malar = patterns.get(4);
        assertThat(malar.kind()).isEqualTo(ProductKind.BIOSTIMULATOR);
        assertThat(malar.fits(sculptra)).isTrue();
        assertThat(malar.total()).isEqualByComparingTo("4");
        ChartPattern temple = patterns.get(3);
        assertThat(ChartRules.warnings(ChartRules.apply(temple, sculptra, null, () -> java.util.UUID.randomUUID().toString()),
                shipped, TODAY, false)).extracting(ChartWarning::code)
                .doesNotContain(ChartWarning.PLLA_AVOID_REGION, ChartWarning.PLLA_OFF_LABEL, ChartWarning.PLLA_DEPTH);
    }

    // --------------------------------------------------------------------------- validation

    @Test
    void pointsThatCannotBeSavedAreNamedByField() {
        InjectionPoint wrongUnit = new InjectionPoint("u", DiagramView.FACE_FRONT, 0.5, 0.5, Region.TEMPLE, Side.LEFT,
                sculptra.id(), null, new BigDecimal("1"), Unit.U, null, null, null, null);
        InjectionPoint outside = new InjectionPoint("o", DiagramView.FACE_FRONT, 1.2, 0.5, Region.TEMPLE, Side.LEFT,
                sculptra.id(), null, new BigDecimal("1"), Unit.ML, null, null, null, null);
        InjectionPoint tooFine = pt("f", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "0.0001");
        InjectionPoint zero = pt("z", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "0");
        InjectionPoint unknownLot = pt("l", Region.TEMPLE, Side.LEFT, sculptra, 999L, "1");
        InjectionPoint dup = pt("z", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "1");

        assertThat(ChartRules.pointProblems(List.of(wrongUnit, outside, tooFine, zero, unknownLot, dup), shipped))
                .containsKeys("points.u.unit", "points.o.position", "points.f.amount", "points.z.amount",
                        "points.l.lot", "points.z.key")
                .containsEntry("points.u.unit", "Sculptra is charted in mL, not U.");
        assertThat(ChartRules.pointProblems(List.of(pt("ok", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "0.125")),
                shipped)).isEmpty();
    }

    @Test
    void amountsHaveOneCanonicalForm() {
        assertThat(Amounts.normal(new BigDecimal("10.000"))).isEqualTo(new BigDecimal("10"));
        assertThat(Amounts.normal(new BigDecimal("1E+2")).toPlainString()).isEqualTo("100");
        assertThat(Unit.ML.format(new BigDecimal("0.300"))).isEqualTo("0.3 mL");
        assertThat(pt("a", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "0.50"))
                .isEqualTo(pt("a", Region.TEMPLE, Side.LEFT, sculptra, (Long) null, "0.5"));
    }
}
