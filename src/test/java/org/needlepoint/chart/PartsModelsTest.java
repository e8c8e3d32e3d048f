package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.chart.Parts.CATALOG;
import static org.needlepoint.chart.Parts.DYSPORT;
import static org.needlepoint.chart.Parts.DYSPORT_LATE;
import static org.needlepoint.chart.Parts.DYSPORT_SOON;
import static org.needlepoint.chart.Parts.PAST;
import static org.needlepoint.chart.Parts.SCULPTRA;
import static org.needlepoint.chart.Parts.SCULPTRA_LOT;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.Unit;

/** The smaller parts of the charting screen, without a window: signing, addenda, selection, vials opened, summary, patterns. */
class PartsModelsTest {

    // ------------------------------------------------------------------------------ signing

    @Test
    void oneSaveAtATimeAndASignatureWaitsForTheSaveRunning() {
        SigningModel s = new SigningModel();
        assertThat(s.saveWanted()).isTrue();
        assertThat(s.statusProperty().get()).isEqualTo("Saving…");
        assertThat(s.dirty()).isTrue();
        assertThat(s.saveWanted()).as("a change meanwhile waits").isFalse();
        assertThat(s.signWanted("pw".toCharArray())).as("signing waits for the save").isFalse();

        assertThat(s.saved(LocalTime.of(10, 41, 7))).isEqualTo(SigningModel.Next.SAVE_AGAIN);
        assertThat(s.statusProperty().get()).isEqualTo("Draft saved 10:41:07");
        assertThat(s.saveWanted()).isTrue();
        assertThat(s.saved(LocalTime.of(10, 41, 8))).as("then the signature").isEqualTo(SigningModel.Next.SIGN);
        assertThat(s.startSigning()).containsExactly('p', 'w');
        assertThat(s.statusProperty().get()).isEqualTo("Signing…");
        assertThat(s.dirty()).isTrue();
        s.signingFinished(false);
        assertThat(s.statusProperty().get()).isEqualTo("Draft saved, not signed");
        assertThat(s.dirty()).isFalse();

        assertThat(s.saveWanted()).isTrue();
        s.signWanted("pw".toCharArray());
        s.saveFailed();
        assertThat(s.statusProperty().get()).isEqualTo("NOT SAVED");
        assertThat(s.saveWanted()).isTrue();
        assertThat(s.saved(LocalTime.NOON)).as("a refused save drops the signature").isEqualTo(SigningModel.Next.NOTHING);
    }

    @Test
    void whatSigningSaysAndWhereItSendsTheInjector() {
        assertThat(SigningModel.dialogHeader(16, "Zoë Marrowby")).startsWith("Sign 16 points for Zoë Marrowby.");
        assertThat(SigningModel.dialogHeader(1, "Zoë Marrowby")).startsWith("Sign 1 point for");
        assertThat(SigningModel.onScreeningTab(Map.of("consent", "x"))).isTrue();
        assertThat(SigningModel.onScreeningTab(Map.of("offLabelConsent", "x"))).isTrue();
        assertThat(SigningModel.onScreeningTab(Map.of("screening", "x"))).isTrue();
        assertThat(SigningModel.onScreeningTab(Map.of("points.g1.lot", "x"))).isFalse();
    }

    // ------------------------------------------------------------------------------ addenda

    @Test
    void anAddendumAddsThePointsPlacedSinceSigningAndNeverChangesASignedOne() {
        InjectionPoint procerus = Parts.at("g1", Region.PROCERUS, Side.MIDLINE, DYSPORT, DYSPORT_SOON, "10");
        InjectionPoint corrugator = Parts.at("g2", Region.CORRUGATOR, Side.LEFT, DYSPORT, DYSPORT_SOON, "10");
        VisitChart signed = new VisitChart(Parts.visit(VisitStatus.SIGNED, true, false), List.of(procerus, corrugator),
                List.of(), List.of(new Addendum(5, 7, 2, "Alex Admin", Parts.NOW, "Phoned: mild bruising.", List.of())),
                false);
        InjectionPoint added = Parts.at("n1", Region.FRONTALIS, Side.LEFT, DYSPORT, DYSPORT_SOON, "5");

        AddendaModel.Prepared ok = AddendaModel.prepare(signed, List.of(procerus, corrugator, added));
        assertThat(ok.error()).isNull();
        assertThat(ok.added()).containsExactly(added);

        AddendaModel.Prepared moved = AddendaModel.prepare(signed, List.of(procerus, corrugator.withAmount(BigDecimal.ONE)));
        assertThat(moved.error()).startsWith("Signed points cannot be moved, changed or deleted.");
        assertThat(moved.added()).isEmpty();
        assertThat(AddendaModel.prepare(signed, List.of(procerus)).error()).as("deleted").isNotNull();

        AddendaModel model = new AddendaModel(Parts.CLOCK.getZone());
        model.load(signed);
        assertThat(model.addenda()).containsExactly("11/21/2026 10:00 · Alex Admin\nPhoned: mild bruising.");
    }

    // ------------------------------------------------------------------------------ selection

    @Test
    void theSelectionIsEditedFromItsFirstPointAndTheEditKeepsProductLotAndVial() {
        SelectionModel model = new SelectionModel();
        Brush b = new Brush(DYSPORT.id(), DYSPORT_LATE.id(), 101L, BigDecimal.TEN, Depth.INTRAMUSCULAR,
                Technique.NEEDLE_BOLUS, null);
        EditablePoint<Brush> one = new EditablePoint<>("p1", DiagramView.FACE_FRONT, 0.4, 0.4,
                new Site(Region.CORRUGATOR, Side.RIGHT), b);
        EditablePoint<Brush> two = new EditablePoint<>("p2", DiagramView.FACE_FRONT, 0.5, 0.45,
                new Site(Region.PROCERUS, Side.MIDLINE), b);

        model.show(List.of(one), true);
        assertThat(model.visibleProperty().get()).isTrue();
        assertThat(model.titleProperty().get()).isEqualTo("Selected: Corrugator supercilii, right");
        assertThat(model.amountProperty().get()).isEqualTo("10");
        model.show(List.of(one, two), true);
        assertThat(model.titleProperty().get()).isEqualTo("2 points selected");

        model.amountProperty().set("7.5");
        model.noteProperty().set("  deep  ");
        model.depthProperty().set(Depth.INTRADERMAL);
        Brush edited = model.edit().orElseThrow().apply(b);
        assertThat(edited).isEqualTo(new Brush(DYSPORT.id(), DYSPORT_LATE.id(), 101L, new BigDecimal("7.5"),
                Depth.INTRADERMAL, Technique.NEEDLE_BOLUS, "deep"));

        model.amountProperty().set("lots");
        assertThat(model.edit()).isEmpty();
        assertThat(model.amountErrorProperty().get()).isNotNull();

        model.show(List.of(one), false);
        assertThat(model.visibleProperty().get()).as("a read-only map edits nothing").isFalse();
        model.show(List.of(), true);
        assertThat(model.visibleProperty().get()).isFalse();
    }

    @Test
    void aSelectedPointNamesItsLotAndVialAndTwoLotsAreToldApart() {
        SelectionModel model = new SelectionModel();
        Brush late = new Brush(DYSPORT.id(), DYSPORT_LATE.id(), 101L, BigDecimal.TEN, Depth.INTRAMUSCULAR,
                Technique.NEEDLE_BOLUS, null);
        Brush soon = new Brush(DYSPORT.id(), Parts.DYSPORT_SOON.id(), null, BigDecimal.TEN, Depth.INTRAMUSCULAR,
                Technique.NEEDLE_BOLUS, null);
        EditablePoint<Brush> one = new EditablePoint<>("p1", DiagramView.FACE_FRONT, 0.4, 0.4,
                new Site(Region.CORRUGATOR, Side.RIGHT), late);
        EditablePoint<Brush> two = new EditablePoint<>("p2", DiagramView.FACE_FRONT, 0.5, 0.45,
                new Site(Region.PROCERUS, Side.MIDLINE), soon);

        model.show(List.of(one), false, Parts.CATALOG);
        assertThat(model.shownProperty().get()).as("a signed chart's point still names its lot").isTrue();
        assertThat(model.visibleProperty().get()).isFalse();
        assertThat(model.lotLineProperty().get()).startsWith("Lot DY-LATE \u00b7 exp. ").endsWith("\u00b7 vial 101");
        model.show(List.of(one, two), true, Parts.CATALOG);
        assertThat(model.lotLineProperty().get()).isEqualTo("Lots DY-LATE, DY-SOON");

        assertThat(LotMarks.label("10 U", DYSPORT_LATE, false)).isEqualTo("10 U");
        assertThat(LotMarks.label("10 U", DYSPORT_LATE, true)).isEqualTo("10 U \u00b7LATE");
        assertThat(LotMarks.colour("#2E86C1", 0)).isEqualTo("#2E86C1");
        assertThat(LotMarks.colour("#2E86C1", 1)).as("a second lot: darker").isEqualTo("#1C5074");
        assertThat(LotMarks.colour("#2E86C1", 2)).as("a third: lighter").isNotEqualTo("#2E86C1").isNotEqualTo("#1C5074");
        assertThat(LotMarks.lotsInOrder(java.util.Arrays.asList(11L, null, 12L, 11L))).containsExactly(11L, 12L);
    }

    // ------------------------------------------------------------------------------ opening a vial

    @Test
    void openingAVialStartsFromTheProductsUsualReconstitutionAndShowsTheConcentration() {
        OpenVialModel form = new OpenVialModel(DYSPORT, List.of(DYSPORT_SOON, DYSPORT_LATE), DYSPORT_LATE);
        assertThat(form.header()).isEqualTo("Open (reconstitute) a vial of Dysport 300 U");
        assertThat(form.lotProperty().get()).as("the brush's lot").isEqualTo(DYSPORT_LATE);
        assertThat(form.diluentProperty().get()).isEqualTo("0.9% saline");
        assertThat(form.volumeProperty().get()).isEqualTo("2.5");
        assertThat(form.concentrationProperty().get()).isEqualTo("= 12 U per 0.1 mL");
        form.volumeProperty().set("1.5");
        assertThat(form.concentrationProperty().get()).isEqualTo("= 20 U per 0.1 mL");
        assertThat(form.confirm()).contains(new OpenVialModel.Request(DYSPORT_LATE.id(), "0.9% saline", new BigDecimal("1.5")));

        form.volumeProperty().set("");
        assertThat(form.concentrationProperty().get()).isEqualTo("Type the volume in mL");
        assertThat(form.confirm()).isEmpty();
        assertThat(form.errorProperty().get()).contains("diluent volume");

        OpenVialModel noLot = new OpenVialModel(DYSPORT, List.of(), DYSPORT_LATE);
        assertThat(noLot.lotProperty().get()).as("the brush's lot is not usable").isNull();
        assertThat(noLot.confirm()).isEmpty();
        assertThat(noLot.errorProperty().get()).isEqualTo("Choose the lot of the vial.");
    }

    // ------------------------------------------------------------------------------ totals and warnings

    @Test
    void theSummarySaysWhatIsChartedAndWarnsOfAVialPastItsHoursNewlyChartedFrom() {
        assertThat(ChartSummary.totals(List.of(), CATALOG)).startsWith("No points yet.");
        InjectionPoint a = Parts.at("a", Region.CORRUGATOR, Side.RIGHT, DYSPORT, DYSPORT_SOON, "10");
        InjectionPoint b = Parts.at("b", Region.CORRUGATOR, Side.LEFT, DYSPORT, DYSPORT_SOON, "10").withVial(DYSPORT_SOON.id(),
                PAST.id());
        assertThat(ChartSummary.totals(List.of(a, b), CATALOG)).startsWith("2 points\nDysport 300 U: 20 U")
                .contains("Corrugator supercilii: 20 U (2 points)");

        VisitChart draft = new VisitChart(Parts.visit(VisitStatus.DRAFT, true, false), List.of(a), List.of(), List.of(), false);
        ChartDraft now = new ChartDraft(null, List.of(a, b), List.of(), true, false);
        assertThat(ChartSummary.warnings(draft, now, CATALOG, Parts.TODAY, Parts.NOW, Set.of()))
                .extracting(ChartWarning::code).contains(ChartWarning.VIAL_EXPIRED_AFTER_RECONSTITUTION);
        assertThat(ChartSummary.warnings(draft, now, CATALOG, Parts.TODAY, Parts.NOW, Set.of(PAST.id())))
                .extracting(ChartWarning::code).as("overridden for the visit")
                .doesNotContain(ChartWarning.VIAL_EXPIRED_AFTER_RECONSTITUTION);
        VisitChart saved = new VisitChart(draft.visit(), List.of(a, b), List.of(), List.of(), false);
        assertThat(ChartSummary.warnings(saved, now, CATALOG, Parts.TODAY, Parts.NOW, Set.of()))
                .extracting(ChartWarning::code).as("charted from it before its hours ran out")
                .doesNotContain(ChartWarning.VIAL_EXPIRED_AFTER_RECONSTITUTION);
        VisitChart signed = new VisitChart(Parts.visit(VisitStatus.SIGNED, true, false), List.of(a, b), List.of(),
                List.of(), false);
        assertThat(ChartSummary.warnings(signed, now, CATALOG, Parts.TODAY, Parts.NOW, Set.of())).isEmpty();
    }

    // ------------------------------------------------------------------------------ patterns

    @Test
    void patternsAreNamedShortAndTheLastVisitComesWithTodaysLots() {
        ChartPattern p = new ChartPattern(1, "Dysport glabellar lines (label, 5 x 10 U)", ProductKind.TOXIN, Unit.U,
                "Dysport", true, null, List.of(new PatternPoint(DiagramView.FACE_FRONT, 0.5, 0.46, Region.PROCERUS,
                Side.MIDLINE, BigDecimal.TEN, null, null)));
        assertThat(PatternsModel.shortName(p)).isEqualTo("Dysport glabellar lines");
        assertThat(PatternsModel.description(p)).endsWith("— 1 points, 10 U");

        InjectionPoint toxin = Parts.at("a", Region.PROCERUS, Side.MIDLINE, DYSPORT, null, "10");
        InjectionPoint plla = Parts.at("b", Region.TEMPLE, Side.LEFT, SCULPTRA, null, "1");
        InjectionPoint nowhere = new InjectionPoint("c", DiagramView.FACE_FRONT, 0.02, 0.02, Region.OTHER, Side.RIGHT,
                DYSPORT.id(), null, BigDecimal.TEN, Unit.U, null, null, null, null);
        PatternsModel.Copy copy = PatternsModel.copy(List.of(toxin, plla, nowhere), CATALOG, Parts.TODAY,
                pt -> pt.region() != Region.OTHER);

        assertThat(copy.points()).extracting(InjectionPoint::key, InjectionPoint::lotId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", DYSPORT_SOON.id()),
                org.assertj.core.groups.Tuple.tuple("b", SCULPTRA_LOT.id()));
        assertThat(copy.leftOut()).isEqualTo(1);
        assertThat(PatternsModel.copied(copy)).startsWith("Copied 2 points").contains("1 on no region");
    }
}
