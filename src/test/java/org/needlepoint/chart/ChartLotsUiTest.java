package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.Vial;
import org.needlepoint.patient.Patient;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** At the chair: scanning a pack selects its lot or is refused with the reason; reconstituted vials. */
class ChartLotsUiTest extends UiTest {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Patient patient;
    private Product dysport;
    private Lot good;
    private Lot recalled;
    private Lot expiring;
    private Vial oldVial;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("injector");
        ChartService charts = c.services.charts();
        Catalog catalog = charts.catalog();
        dysport = ChartFixture.named(catalog, "Dysport 300 U");
        LocalDate today = charts.today();
        good = c.receive(dysport, "DYGOOD1", today.plusYears(1), 10);
        recalled = c.receive(dysport, "DYBAD1", today.plusYears(1), 5);
        expiring = c.receive(dysport, "DYEXP1", today.plusDays(2), 3);
        c.services.inventory().markRecalled(recalled.id(), "Manufacturer notice 77");
        oldVial = c.services.inventory().openVial(good.id(), "saline", new BigDecimal("2.5"));
        c.signIn("desk");
        patient = c.services.patients().create(TestClinic.patient("Zoë", "Marrowby", "1984-02-29", "(555) 301-4455"), false);
        c.services.auth().signOut();
    }

    private void openChart(FxRobot robot) {
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("marrowby");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#newTreatmentButton");
        settle();
    }

    private String pack(Lot lot) {
        return "(01)" + dysport.gtins().get(0) + "(17)" + YYMMDD.format(lot.expiry()) + "(10)" + lot.lotNumber();
    }

    private void scan(FxRobot robot, String code) {
        robot.clickOn("#chartScanField").write(code);
        robot.type(KeyCode.ENTER);
        settle();
    }

    private ComboBox<Lot> lots(FxRobot robot) {
        return node(robot, "brushLot");
    }

    private ComboBox<Vial> vials(FxRobot robot) {
        return node(robot, "brushVial");
    }

    private org.needlepoint.app.Services elsewhere() {
        var other = new org.needlepoint.app.Services(clinic.db, clinic.clock,
                new org.needlepoint.security.PasswordHasher(1_000));
        other.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        return other;
    }

    private VisitChart stored() {
        ChartService charts = elsewhere().charts();
        return charts.openVisit(charts.history(patient.id()).get(0).id());
    }

    private void clickFace(FxRobot robot, Region region, Side side) {
        RegionShape s = DiagramGeometry.standard().diagram(DiagramView.FACE_FRONT).shapes().stream()
                .filter(r -> r.region() == region && r.side() == side)
                .max((a, b) -> Double.compare(a.area(), b.area())).orElseThrow();
        SiteMap m = node(robot, "siteMap");
        Point2D at;
        try {
            at = WaitForAsyncUtils.asyncFx(() -> m.toScreen(s.centroidX(), s.centroidY())).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        robot.clickOn(at, MouseButton.PRIMARY);
        settle();
    }

    @Test
    void aRecalledOrExpiredPackIsRefusedWithItsReasonAndAGoodPackSelectsItsLot(FxRobot robot) {
        openChart(robot);
        scan(robot, pack(recalled));
        assertThat(seen(robot, "chartScanError")).isTrue();
        assertThat(text(robot, "chartScanError")).contains("DYBAD1").contains("recalled").contains("Manufacturer notice 77");
        assertThat(lots(robot).getValue()).as("nothing changes").isNull();
        screenshot("chart-scan-refused");

        scan(robot, pack(good));
        assertThat(seen(robot, "chartScanError")).isFalse();
        assertThat(lots(robot).getValue().id()).isEqualTo(good.id());
        assertThat(((ComboBox<Product>) node(robot, "brushProduct")).getValue().id()).isEqualTo(dysport.id());
        assertThat(text(robot, "chartScanStatus")).contains("DYGOOD1");
        assertThat(lots(robot).getItems()).extracting(Lot::id).doesNotContain(recalled.id());

        clinic.clock.advance(Duration.ofDays(3));
        scan(robot, pack(expiring));
        assertThat(text(robot, "chartScanError")).contains("DYEXP1").contains("expired");
        assertThat(lots(robot).getValue().id()).as("the lot stays the good one").isEqualTo(good.id());

        clickFace(robot, Region.CORRUGATOR, Side.RIGHT);
        settle();
        assertThat(stored().points()).singleElement().satisfies(p -> assertThat(p.lotId()).isEqualTo(good.id()));
    }

    @Test
    void openingAVialShowsItsConcentrationAndTheNextPointsComeFromIt(FxRobot robot) {
        openChart(robot);
        scan(robot, pack(good));
        assertThat(seen(robot, "vialBox")).isTrue();
        robot.clickOn("#openVialButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#vialVolumeField").eraseText(5).write("2.5");
        assertThat(text(robot, "vialConcentration")).isEqualTo("= 12 U per 0.1 mL");
        robot.clickOn("#vialVolumeField").eraseText(5).write("1.5");
        assertThat(text(robot, "vialConcentration")).isEqualTo("= 20 U per 0.1 mL");
        robot.clickOn("#vialVolumeField").eraseText(5).write("2.5");
        robot.clickOn("#confirmOpenVialButton");
        settle();

        Vial opened = vials(robot).getValue();
        assertThat(opened).isNotNull();
        assertThat(opened.id()).isNotEqualTo(oldVial.id());
        assertThat(opened.concentration().text()).isEqualTo("12 U per 0.1 mL");
        assertThat(text(robot, "vialInfo")).contains("12 U per 0.1 mL");
        screenshot("chart-vial-open");

        clickFace(robot, Region.CORRUGATOR, Side.RIGHT);
        assertThat(stored().points()).singleElement().satisfies(p -> {
            assertThat(p.vialId()).isEqualTo(opened.id());
            assertThat(p.lotId()).isEqualTo(good.id());
        });
    }

    @Test
    void aVialPastItsUsableHoursNeedsAnOverrideReason(FxRobot robot) {
        clinic.clock.advance(Duration.ofHours(dysport.usableHours() + 1));
        openChart(robot);
        scan(robot, pack(good));
        Vial past = vials(robot).getItems().stream().filter(v -> v.id() == oldVial.id()).findFirst().orElseThrow();
        robot.interact(() -> vials(robot).setValue(past));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("chart-vial-override");
        assertThat(robot.lookup("#confirmVialOverrideButton").queryButton().isDisabled())
                .as("the reason is required").isTrue();
        robot.clickOn("#vialOverrideReason").write("Kept refrigerated; clinic policy allows 24 h");
        robot.clickOn("#confirmVialOverrideButton");
        settle();
        assertThat(text(robot, "vialInfo")).contains("override recorded");

        clickFace(robot, Region.CORRUGATOR, Side.LEFT);
        assertThat(stored().points()).singleElement().satisfies(p -> assertThat(p.vialId()).isEqualTo(oldVial.id()));
        long overrides = clinic.db.read(c -> org.needlepoint.store.Sql.count(c,
                "SELECT COUNT(*) FROM vial_override WHERE vial_id = " + oldVial.id()));
        assertThat(overrides).as("the override is recorded").isEqualTo(1L);
    }

    @Test
    void cancellingTheOverrideLeavesTheVialUnused(FxRobot robot) {
        clinic.clock.advance(Duration.ofHours(dysport.usableHours() + 1));
        openChart(robot);
        scan(robot, pack(good));
        Vial past = vials(robot).getItems().stream().filter(v -> v.id() == oldVial.id()).findFirst().orElseThrow();
        robot.interact(() -> vials(robot).setValue(past));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        settle();
        assertThat(vials(robot).getValue()).isNull();
        clickFace(robot, Region.CORRUGATOR, Side.LEFT);
        assertThat(stored().points()).singleElement().satisfies(p -> assertThat(p.vialId()).isNull());
    }
}
