package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.SiteMap;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the follow-up screens' UI tests share: a patient with a signed visit of five points (three
 * Dysport points of two lots, two HA filler points) placed apart on the front view, so each marker
 * can be tapped; getting to that visit through the real screens; and a second PC's services for
 * reads and concurrent changes.
 */
abstract class FollowUpUiBase extends UiTest {
    /** Dysport lot DY301A: frontalis right and left. */
    static final InjectionPointSpec D1 = new InjectionPointSpec("d1", Region.FRONTALIS, Side.RIGHT, 0.39, 0.32, "10");
    static final InjectionPointSpec D2 = new InjectionPointSpec("d2", Region.FRONTALIS, Side.LEFT, 0.61, 0.32, "10");
    /** Dysport lot DY302B: procerus. */
    static final InjectionPointSpec D3 = new InjectionPointSpec("d3", Region.PROCERUS, Side.MIDLINE, 0.50, 0.46, "10");
    /** HA filler lot HA1LA: nasolabial folds. */
    static final InjectionPointSpec F1 = new InjectionPointSpec("f1", Region.NASOLABIAL_FOLD, Side.RIGHT, 0.40, 0.67, "0.5");
    static final InjectionPointSpec F2 = new InjectionPointSpec("f2", Region.NASOLABIAL_FOLD, Side.LEFT, 0.60, 0.67, "0.5");

    record InjectionPointSpec(String key, Region region, Side side, double x, double y, String amount) {
    }

    protected Patient patient;
    protected VisitChart visit;
    protected Lot dysportLot;
    protected Lot dysportLot2;
    protected Lot fillerLot;
    protected Product dysport;
    protected Product filler;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("desk");
        patient = c.services.patients().create(TestClinic.patient("Zoë", "Marrowby", "1984-02-29", "(555) 301-4455"), true);
        c.signIn("injector");
        ChartService charts = c.services.charts();
        dysport = product(charts, "Dysport 300 U");
        filler = product(charts, "HA filler 1 mL (lidocaine)");
        LocalDate far = charts.today().plusYears(2);
        dysportLot = c.receive(dysport, "DY301A", far, 10);
        dysportLot2 = c.receive(dysport, "DY302B", far.plusMonths(1), 10);
        fillerLot = c.receive(filler, "HA1LA", far, 10);
        visit = sign(c, List.of(point(D1, dysport, dysportLot), point(D2, dysport, dysportLot),
                point(D3, dysport, dysportLot2), point(F1, filler, fillerLot), point(F2, filler, fillerLot)));
        more(c);
        c.services.auth().signOut();
    }

    /** More seeding before the window opens, with the injector signed in. */
    protected void more(TestClinic c) {
    }

    static Product product(ChartService charts, String name) {
        return charts.catalog().products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static InjectionPoint point(InjectionPointSpec s, Product product, Lot lot) {
        return new InjectionPoint(s.key(), DiagramView.FACE_FRONT, s.x(), s.y(), s.region(), s.side(), product.id(), lot.id(),
                new BigDecimal(s.amount()), product.unit(), product.unit() == org.needlepoint.inventory.Unit.U
                ? Depth.INTRAMUSCULAR : Depth.SUBCUTANEOUS, null, null, null);
    }

    /** Charts and signs {@code points} for the patient (the injector must be signed in). */
    VisitChart sign(TestClinic c, List<InjectionPoint> points) {
        ChartService charts = c.services.charts();
        VisitChart started = charts.startVisit(patient.id());
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(patient.id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        VisitChart saved = charts.saveDraft(started.visit(), new ChartDraft("Treated.", points, checklist, true, false));
        Consents.onFile(c.services, patient.id());
        return charts.sign(saved.visit().id(), saved.visit().version(), TestClinic.PASSWORD.toCharArray());
    }

    /** Another PC's services, signed in as {@code user}: reads and changes without touching the window's session. */
    protected Services elsewhere(String user) {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn(user, TestClinic.PASSWORD.toCharArray());
        return other;
    }

    /** Signs in, finds the patient, opens the treatments tab and the signed visit. */
    protected void openSignedVisit(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("marrowby");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#treatmentsTab");
        settle();
        robot.doubleClickOn("#visit-" + visit.visit().id());
        settle();
    }

    /** Taps the marker of a point on the event form's map, as a gloved finger would: no modifier key. */
    protected void tap(FxRobot robot, InjectionPointSpec p) {
        SiteMap map = node(robot, "eventMap");
        Point2D at;
        try {
            at = WaitForAsyncUtils.asyncFx(() -> map.toScreen(p.x(), p.y())).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        robot.clickOn(at, MouseButton.PRIMARY);
        settle();
    }

    protected <T> void choose(FxRobot robot, String comboId, T value) {
        ComboBox<T> combo = node(robot, comboId);
        robot.interact(() -> combo.setValue(value));
        settle();
    }

    /** Brings a field of the form into view, as Tab (or the scroll wheel) would. */
    protected void reveal(FxRobot robot, String fxId) {
        javafx.scene.Node n = node(robot, fxId);
        robot.interact(n::requestFocus);
        settle();
    }

    /** Clicks a control, scrolled into view first. */
    protected void click(FxRobot robot, String fxId) {
        reveal(robot, fxId);
        robot.clickOn("#" + fxId);
        settle();
    }

    /** Replaces what a text field (or a date picker's text) holds, as a person would: select all, then type. */
    protected void retype(FxRobot robot, String fxId, String text) {
        reveal(robot, fxId);
        robot.clickOn("#" + fxId).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        settle();
    }

    protected void saveWithKeys(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.S);
        settle();
    }
}
