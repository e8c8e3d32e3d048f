package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.needlepoint.testing.Spots;
import org.testfx.api.FxRobot;

/** The recall view: type or scan a lot, see exactly who received it, export, mark it recalled. */
class RecallUiTest extends UiTest {
    private Product dysport;
    private Lot lotA;
    private Lot lotB;
    private Patient ann;
    private Patient bea;
    private Patient cleo;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("desk");
        ann = c.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
        bea = c.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
        cleo = c.services.patients().create(TestClinic.patient("Cleo", "Park", "1990-01-20", "(555) 010-4444"), true);
        c.signIn("injector");
        InventoryService inv = c.services.inventory();
        dysport = inv.products().stream().filter(p -> p.name().equals("Dysport 300 U")).findFirst().orElseThrow();
        LocalDate inAYear = inv.today().plusYears(1);
        lotA = c.receive(dysport, "DYA2201", inAYear, 10);
        lotB = c.receive(dysport, "DYB3302", inAYear, 10);
        signed(c, ann, lotA);
        signed(c, bea, lotA);
        signed(c, cleo, lotB);
        c.services.auth().signOut();
    }

    private void signed(TestClinic c, Patient p, Lot lot) {
        ChartService charts = c.services.charts();
        List<InjectionPoint> points = List.of(point("p1", Region.PROCERUS, Side.MIDLINE, lot),
                point("p2", Region.CORRUGATOR, Side.RIGHT, lot), point("p3", Region.CORRUGATOR, Side.LEFT, lot));
        VisitChart started = charts.startVisit(p.id());
        List<ScreeningEntry> checklist = charts.screening(p.id(), List.of(dysport.id()), started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        VisitChart d = charts.saveDraft(started.visit(), new ChartDraft("Treated.", points, checklist, true, true));
        Consents.onFile(c.services, p.id());
        charts.sign(d.visit().id(), d.visit().version(), TestClinic.PASSWORD.toCharArray());
    }

    private InjectionPoint point(String key, Region region, Side side, Lot lot) {
        return Spots.placed(new InjectionPoint(key, DiagramView.FACE_FRONT, 0.5, 0.4, region, side, dysport.id(), lot.id(),
                null, new BigDecimal("10"), dysport.unit(), null, null, null, null), dysport);
    }

    private void openRecall(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.interact(() -> window.showLotRecall(null));
        settle();
    }

    private List<String> rowIds(FxRobot robot) {
        return robot.lookup(n -> n.getId() != null && n.getId().startsWith("recallRow-")).queryAll().stream()
                .map(Node::getId).sorted().toList();
    }

    @Test
    void theRecallListShowsExactlyThePatientsOfTheLotAndMarkingItRecalledBlocksIt(FxRobot robot) throws Exception {
        openRecall(robot, "injector");
        screenshot("recall-empty");
        robot.clickOn("#recallLotField").write("dya2201");
        settle();
        robot.type(KeyCode.ENTER);
        settle();

        assertThat(rowIds(robot)).containsExactly("recallRow-" + ann.id(), "recallRow-" + bea.id());
        assertThat(text(robot, "recallPhones-" + ann.id())).contains("(555) 010-2345");
        assertThat(text(robot, "recallPhones-" + bea.id())).contains("(555) 010-9876");
        assertThat(text(robot, "recallTitle")).contains("Dysport 300 U").contains("DYA2201");
        assertThat(text(robot, "recallTotals")).contains("2 patients").contains("2 visits").contains("60 U");
        assertThat(text(robot, "recallState")).isEqualTo("ACTIVE");
        screenshot("recall-list");

        Path csv = Files.createTempFile("recall", ".csv");
        Path pdf = csv.resolveSibling(csv.getFileName() + ".pdf");
        RecallController controller = controller(robot);
        robot.interact(() -> controller.setSaveAs((w, title, name, desc, pattern) -> pattern.equals("*.csv") ? csv : pdf));
        robot.clickOn("#exportCsvButton");
        settle();
        String exported = Files.readString(csv);
        assertThat(exported).contains("Smith").contains("Jones").doesNotContain("Park");
        robot.clickOn("#printPdfButton");
        settle();
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

        robot.clickOn("#markRecalledButton");
        settle();
        screenshot("recall-confirm");
        assertThat(robot.lookup("#confirmRecallButton").queryButton().isDisabled()).as("a reason is required").isTrue();
        robot.clickOn("#recallReasonField").write("Manufacturer notice 2026-17");
        robot.clickOn("#confirmRecallButton");
        settleChanges(); // the recall list reloads when the feed sees the recall: not under the next click

        assertThat(text(robot, "recallState")).isEqualTo("RECALLED");
        assertThat(text(robot, "recallNoticesLabel")).contains("2");
        assertThat(robot.lookup("#markRecalledButton").queryButton().isDisabled()).isTrue();
        screenshot("recall-recalled");

        // at the chair the lot is no longer offered
        robot.clickOn("#openPatient-" + ann.id());
        settle();
        robot.clickOn("#newTreatmentButton");
        settle();
        ComboBox<Product> product = node(robot, "brushProduct");
        robot.interact(() -> product.setValue(product.getItems().stream()
                .filter(p -> p.id() == dysport.id()).findFirst().orElseThrow()));
        settle();
        ComboBox<Lot> lots = node(robot, "brushLot");
        assertThat(lots.getItems()).extracting(Lot::id).contains(lotB.id()).doesNotContain(lotA.id());
        Files.deleteIfExists(csv);
        Files.deleteIfExists(pdf);
    }

    @Test
    void scanningAPackShowsItsLotsPatients(FxRobot robot) {
        openRecall(robot, "desk");
        assertThat(seen(robot, "markRecalledButton")).as("the front desk cannot recall").isFalse();
        String scan = "(01)" + dysport.gtins().get(0) + "(17)" + lotB.expiry().format(
                java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "(10)DYB3302";
        robot.clickOn("#recallLotField").write(scan);
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(rowIds(robot)).containsExactly("recallRow-" + cleo.id());
        assertThat(text(robot, "recallLotField")).isEqualTo("DYB3302");

        robot.clickOn("#recallLotField").eraseText(7).write("(01)12345678901234");
        robot.type(KeyCode.ENTER);
        settle();
        assertThat(seen(robot, "recallError")).isTrue();
        assertThat(text(robot, "recallError")).isNotBlank();
    }

    private RecallController controller(FxRobot robot) {
        Node root = robot.lookup("#recallRoot").query();
        return (RecallController) root.getProperties().get(RecallController.class);
    }
}
