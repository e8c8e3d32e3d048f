package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The injector's charting screen, driven as a person would: clicks on the face, patterns, signing. */
class ChartUiTest extends UiTest {
    /** A short password for the event-count run: every keystroke counts. */
    private static final String SHORT_PW = "inj-pass";

    private Patient patient;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("admin");
        c.services.users().create(new UserDraft("nurse", "Nia Nurse", Role.INJECTOR, "RN", "LIC-7"),
                SHORT_PW.toCharArray(), SHORT_PW.toCharArray());
        ChartService charts = c.services.charts();
        Catalog catalog = charts.catalog();
        LocalDate inAYear = charts.today().plusYears(1);
        c.receive(ChartFixture.named(catalog, "Dysport 300 U"), "DY301A", inAYear, 10);
        c.receive(ChartFixture.named(catalog, "Sculptra"), "SC150A", inAYear, 4);
        c.receive(ChartFixture.named(catalog, "Dysport 300 U"), "DY302B", inAYear.plusMonths(1), 10);
        c.services.users().create(new UserDraft("pinnurse", "Pia Pinner", Role.INJECTOR, "RN", "LIC-8"),
                SHORT_PW.toCharArray(), SHORT_PW.toCharArray());
        c.signIn("desk");
        patient = c.services.patients().create(TestClinic.patient("Zoë", "Marrowby", "1984-02-29", "(555) 301-4455"), false);
        // checked in this morning: the treatment consents were signed on the pad at the desk
        Consents.onFile(c.services, patient.id());
        // Pia signs with her PIN; the check-in opened her visit with the screening for Dysport answered
        c.services.auth().signIn("pinnurse", SHORT_PW.toCharArray());
        c.services.auth().setSigningPin(SHORT_PW.toCharArray(), PIN.toCharArray(), PIN.toCharArray());
        VisitChart visit = charts.startVisit(patient.id());
        long dysport = ChartFixture.named(catalog, "Dysport 300 U").id();
        List<ScreeningEntry> answered = charts.screening(patient.id(), List.of(dysport), visit.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        charts.saveDraft(visit.visit(), new ChartDraft(null, List.of(), answered, true, false));
        c.services.auth().signOut();
    }

    /** Pia's signing PIN. */
    private static final String PIN = "270419";

    private void openPatient(FxRobot robot, String user, String password) {
        signIn(robot, user, password);
        robot.clickOn("#searchField").write("marrowby");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
    }

    private SiteMap map(FxRobot robot) {
        return node(robot, "siteMap");
    }

    private Point2D screen(FxRobot robot, double x, double y) {
        SiteMap m = map(robot);
        try {
            return WaitForAsyncUtils.asyncFx(() -> m.toScreen(x, y)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Point2D centre(Region region, Side side) {
        RegionShape s = DiagramGeometry.standard().diagram(DiagramView.FACE_FRONT).shapes().stream()
                .filter(r -> r.region() == region && r.side() == side)
                .max((a, b) -> Double.compare(a.area(), b.area())).orElseThrow();
        return new Point2D(s.centroidX(), s.centroidY());
    }

    private void clickFace(FxRobot robot, Point2D diagram) {
        robot.clickOn(screen(robot, diagram.getX(), diagram.getY()), MouseButton.PRIMARY);
        settle();
    }

    /** Another PC's services, signed in as the admin: reads without touching the window's session. */
    private org.needlepoint.app.Services elsewhere() {
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock,
                new org.needlepoint.security.PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        return other;
    }

    private VisitChart stored() {
        ChartService charts = elsewhere().charts();
        List<VisitSummary> history = charts.history(patient.id());
        return charts.openVisit(history.get(0).id());
    }

    /** Counts what a person does: one per click, one per keystroke. */
    private static final class Counted {
        private final FxRobot robot;
        private int events;

        Counted(FxRobot robot) {
            this.robot = robot;
        }

        void click(String query) {
            robot.clickOn(query);
            events++;
        }

        void type(String text) {
            robot.write(text);
            events += text.length();
        }

        void key(KeyCode code) {
            robot.type(code);
            events++;
        }
    }

    @Test
    void aDysportUpperFaceIsChartedAndSignedInAtMostTwentyEvents(FxRobot robot) {
        openPatient(robot, "nurse", SHORT_PW);
        Counted person = new Counted(robot);

        person.click("#newTreatmentButton");
        settle();
        ChartPattern glabella = pattern("Dysport glabellar");
        ChartPattern forehead = pattern("Dysport forehead");
        ChartPattern crows = pattern("Dysport crow");
        person.click("#pattern-" + glabella.id());
        settle();
        person.click("#pattern-" + forehead.id());
        settle();
        person.click("#pattern-" + crows.id());
        settle();
        screenshot("chart-dysport-upper-face");
        person.click("#screeningTab");
        person.click("#screeningAllNoButton");
        settle();
        // the consent step shows the consent signed at check-in: nothing to tick
        assertThat(robot.lookup(".consent-ok").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).singleElement().asString()
                .contains("Botulinum toxin", "text version 1", "valid until");
        assertThat(seen(robot, "consentMissing")).isFalse();
        screenshot("chart-screening");
        person.click("#signButton");
        WaitForAsyncUtils.waitForFxEvents();
        person.click("#signPassword"); // focus is automatic on a desktop; headless Monocle needs the click
        person.type(SHORT_PW);
        person.key(KeyCode.ENTER);
        settle();
        settle();

        assertThat(text(robot, "chartVisitInfo")).as(text(robot, "chartError")).contains("SIGNED by RN Nia Nurse");
        assertThat(person.events).as("input events from the open patient to a signed chart").isLessThanOrEqualTo(20);
        VisitChart signed = stored();
        assertThat(signed.visit().signed()).isTrue();
        assertThat(signed.points()).hasSize(16)
                .allSatisfy(p -> assertThat(p.lotId()).as("every point carries the lot").isNotNull());
        assertThat(ChartRules.totals(signed.points(), elsewhere().charts().catalog()).byProduct())
                .singleElement().satisfies(t -> assertThat(t.amount()).isEqualByComparingTo("135"));
        screenshot("chart-signed");
    }

    @Test
    void afterCheckInADysportUpperFaceIsSignedWithAPinInAtMostTwelveEvents(FxRobot robot) {
        openPatient(robot, "pinnurse", SHORT_PW);
        Counted person = new Counted(robot);

        person.click("#newTreatmentButton"); // the visit the check-in opened, screening answered
        settle();
        person.click("#pattern-" + pattern("Dysport glabellar").id());
        settle();
        person.click("#pattern-" + pattern("Dysport forehead").id());
        settle();
        person.click("#pattern-" + pattern("Dysport crow").id());
        settle();
        person.click("#signButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen(robot, "pinBox")).as("a PIN keypad, not the password").isTrue();
        assertThat(seen(robot, "signPassword")).isFalse();
        screenshot("chart-sign-pin", node(robot, "pinPad"));
        for (char d : PIN.toCharArray()) {
            person.click("#pinKey-" + d); // the sixth digit signs
        }
        settle();
        settle();

        assertThat(text(robot, "chartVisitInfo")).as(text(robot, "chartError")).contains("SIGNED by RN Pia Pinner");
        assertThat(person.events).as("input events from the open patient to a signed chart").isLessThanOrEqualTo(12);
        VisitChart signed = stored();
        assertThat(signed.visit().signed()).isTrue();
        assertThat(signed.points()).hasSize(16);

        // the status bar's message belongs to the section it was said in
        assertThat(text(robot, "statusMessage")).startsWith("Signed the chart of");
        robot.clickOn("#navToday");
        settle();
        assertThat(text(robot, "statusMessage")).isEmpty();
    }

    @Test
    void fiveWrongPinsLockTheScreenUntilThePasswordIsTyped(FxRobot robot) {
        openPatient(robot, "pinnurse", SHORT_PW);
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.clickOn("#pattern-" + pattern("Dysport glabellar").id());
        settle();
        for (int attempt = 1; attempt <= 5; attempt++) {
            robot.clickOn("#signButton");
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#signPin").write("111112"); // typed on the keyboard: digits work too
            settle();
            if (attempt < 5) {
                assertThat(text(robot, "chartError")).contains("Wrong PIN");
            }
        }
        assertThat(robot.lookup("#unlockPassword").tryQuery()).as("the screen is locked").isPresent();
        assertThat(stored().visit().signed()).isFalse();
        robot.clickOn("#unlockPassword").write(SHORT_PW).type(KeyCode.ENTER);
        settle();
        robot.clickOn("#signButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signPin").write(PIN);
        settle();
        settle();
        assertThat(stored().visit().signed()).as("the password cleared the wrong PINs").isTrue();
    }

    /** The labels of the markers on the map ("10 U ·301A"). */
    private List<String> markerLabels(FxRobot robot) {
        return robot.lookup(".site-marker").queryAll().stream()
                .flatMap(n -> ((javafx.scene.Parent) n).getChildrenUnmodifiable().stream())
                .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText()).toList();
    }

    @Test
    void twoLotsAreToldApartASelectedPointNamesItsLotAndTheChartReadsInBothThemes(FxRobot robot) {
        openPatient(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.clickOn("#pattern-" + pattern("Dysport glabellar").id());
        settle();
        assertThat(markerLabels(robot)).as("one lot: the amounts only").containsOnly("10 U");
        javafx.scene.control.ComboBox<org.needlepoint.inventory.Lot> lots = node(robot, "brushLot");
        robot.interact(() -> lots.setValue(lots.getItems().stream().filter(l -> l.lotNumber().equals("DY302B"))
                .findFirst().orElseThrow()));
        settle();
        robot.clickOn("#pattern-" + pattern("Dysport forehead").id());
        settle();
        assertThat(markerLabels(robot)).as("two lots of one product: each marker names its lot")
                .contains("10 U \u00b7301A", "5 U \u00b7302B").doesNotContain("10 U", "5 U");

        VisitChart draft = stored();
        InjectionPoint forehead = draft.points().stream().filter(p -> p.region() == Region.FRONTALIS).findFirst()
                .orElseThrow();
        robot.clickOn(screen(robot, forehead.x(), forehead.y()), MouseButton.PRIMARY);
        settle();
        assertThat(text(robot, "selectionLot")).startsWith("Lot DY302B \u00b7 exp. ");
        assertThat(seen(robot, "selectedPointLine")).as("under the map, in view without scrolling").isTrue();
        assertThat(text(robot, "selectedPointLine")).startsWith("Frontalis, ").contains(": Dysport 300 U, 5 U, Intramuscular")
                .contains("Lot DY302B");
        screenshot("chart-two-lots-light");

        robot.interact(() -> window.useDarkTheme(true));
        settle();
        assertThat(map(robot).drawnDark()).as("the drawing recoloured for the dark theme").isTrue();
        screenshot("chart-two-lots-dark");
        robot.interact(() -> window.useDarkTheme(false));
        settle();
        assertThat(map(robot).drawnDark()).isFalse();
    }

    private ChartPattern pattern(String prefix) {
        return elsewhere().charts().patterns().stream().filter(p -> p.name().startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    @Test
    void clickingPlacesPointsThatMirrorUndoAndRedo(FxRobot robot) {
        openPatient(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.interact(() -> ((javafx.scene.control.ComboBox<Product>) node(robot, "brushProduct")).getItems().stream()
                .filter(p -> p.name().equals("Dysport 300 U")).findFirst()
                .ifPresent(((javafx.scene.control.ComboBox<Product>) node(robot, "brushProduct"))::setValue));
        settle();

        clickFace(robot, centre(Region.CORRUGATOR, Side.RIGHT));
        assertThat(text(robot, "totalsLabel")).startsWith("1 point").contains("Dysport 300 U: 10 U");
        robot.clickOn("#mirrorButton");
        settle();
        assertThat(text(robot, "totalsLabel")).startsWith("2 points").contains("Dysport 300 U: 20 U")
                .contains("Corrugator supercilii: 20 U (2 points)");
        robot.clickOn("#undoButton");
        settle();
        assertThat(text(robot, "totalsLabel")).startsWith("1 point");
        robot.clickOn("#redoButton");
        settle();
        assertThat(text(robot, "totalsLabel")).startsWith("2 points");

        VisitChart draft = stored();
        assertThat(draft.visit().signed()).isFalse();
        assertThat(draft.points()).extracting(InjectionPoint::region, InjectionPoint::side).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Region.CORRUGATOR, Side.RIGHT),
                org.assertj.core.groups.Tuple.tuple(Region.CORRUGATOR, Side.LEFT));
    }

    @Test
    void aClickOnNoRegionOfTheDiagramPlacesNothing(FxRobot robot) {
        openPatient(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.interact(() -> ((javafx.scene.control.ComboBox<Product>) node(robot, "brushProduct")).getItems().stream()
                .filter(p -> p.name().equals("Dysport 300 U")).findFirst()
                .ifPresent(((javafx.scene.control.ComboBox<Product>) node(robot, "brushProduct"))::setValue));
        settle();

        clickFace(robot, new Point2D(0.06, 0.03)); // above the head, beside the crown
        assertThat(text(robot, "totalsLabel")).startsWith("No points yet");
        assertThat(text(robot, "statusMessage")).contains("No region there");
        clickFace(robot, centre(Region.PROCERUS, Side.MIDLINE));
        assertThat(text(robot, "totalsLabel")).startsWith("1 point");
        assertThat(stored().points()).singleElement().satisfies(p -> assertThat(p.region()).isEqualTo(Region.PROCERUS));
    }

    @Test
    void sculptraInTheLipsWarnsOnTheChart(FxRobot robot) {
        openPatient(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.interact(() -> ((javafx.scene.control.ComboBox<Product>) node(robot, "brushProduct")).getItems().stream()
                .filter(p -> p.name().equals("Sculptra")).findFirst()
                .ifPresent(((javafx.scene.control.ComboBox<Product>) node(robot, "brushProduct"))::setValue));
        settle();
        clickFace(robot, centre(Region.LIPS, Side.MIDLINE));
        assertThat(robot.lookup(n -> n.getId() != null && n.getId().startsWith("warning-" + ChartWarning.PLLA_AVOID_REGION))
                .tryQuery()).isPresent();
        screenshot("chart-sculptra-lips-warning");
    }

    @Test
    void aSignedChartIsReadOnlyAndCorrectedByAddendum(FxRobot robot) {
        openPatient(robot, "nurse", SHORT_PW);
        chartAndSignGlabella(robot);
        assertThat(node(robot, "signButton").isVisible()).isFalse();

        robot.clickOn("#addendumText").write("Patient reported a prior session elsewhere in 2025.");
        robot.clickOn("#addendumButton");
        settle();
        VisitChart after = stored();
        assertThat(after.points()).as("the original stays unchanged").hasSize(5);
        assertThat(after.addenda()).singleElement().satisfies(a -> {
            assertThat(a.text()).contains("prior session");
            assertThat(a.authorName()).isEqualTo("RN Nia Nurse");
        });
        screenshot("chart-addendum");
    }

    @Test
    void aDraftSurvivesTheWindowClosing(FxRobot robot) throws Exception {
        openPatient(robot, "nurse", SHORT_PW);
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.clickOn("#pattern-" + pattern("Dysport forehead").id());
        settle();
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(5, TimeUnit.SECONDS);
        settle();

        VisitChart draft = stored();
        assertThat(draft.visit().signed()).isFalse();
        assertThat(draft.points()).hasSize(5);
    }

    private void chartAndSignGlabella(FxRobot robot) {
        robot.clickOn("#newTreatmentButton");
        settle();
        robot.clickOn("#pattern-" + pattern("Dysport glabellar").id());
        settle();
        robot.clickOn("#screeningTab").clickOn("#screeningAllNoButton");
        settle();
        robot.clickOn("#signButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signPassword").write(SHORT_PW).type(KeyCode.ENTER);
        settle();
        settle();
    }

    @Test
    void theFrontDeskOpensASignedVisitFromTheTimelineReadOnly(FxRobot robot) {
        openPatient(robot, "nurse", SHORT_PW);
        chartAndSignGlabella(robot);
        long visitId = stored().visit().id();
        robot.clickOn("#signOutButton");
        settle();

        openPatient(robot, "desk", TestClinic.PASSWORD);
        assertThat(node(robot, "newTreatmentButton").isVisible()).as("the desk does not chart").isFalse();
        robot.clickOn("#treatmentsTab");
        settle();
        robot.doubleClickOn("#visit-" + visitId);
        settle();
        assertThat(text(robot, "chartVisitInfo")).contains("SIGNED by RN Nia Nurse");
        assertThat(map(robot).isReadOnly()).isTrue();
        assertThat(node(robot, "signButton").isVisible()).isFalse();
        assertThat(robot.lookup(".map-marker").queryAll().size() + robot.lookup(n -> n.getId() != null
                && n.getId().startsWith("marker-")).queryAll().size()).as("the map shows the points").isPositive();
        screenshot("chart-front-desk-read-only");
    }
}
