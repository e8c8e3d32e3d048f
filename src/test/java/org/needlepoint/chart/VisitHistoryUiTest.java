package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.patient.Patient;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The visit timeline: newest first, totals, drafts, the empty state, opening a visit. See {@link HistoryUiBase}. */
class VisitHistoryUiTest extends HistoryUiBase {

    // ------------------------------------------------------------------ the timeline

    @Test
    void theTimelineListsBothVisitsNewestFirstWithTheirTotals(FxRobot robot) {
        showPatient(fixture.patientId());

        ListView<VisitSummary> list = node(robot, "visitList");
        long later = fixture.later.visit().id();
        long earlier = fixture.earlier.visit().id();
        assertThat(list.getItems()).extracting(VisitSummary::id).containsExactly(later, earlier);
        assertThat(text(robot, "historyCount")).isEqualTo("2 visits");

        String newer = texts(row(robot, later));
        assertThat(newer).contains("20 Feb 2027", "today", "Dysport 300 U \u00b7 60 U", "7 points", "SIGNED",
                "by NP Ivy Injector", "Frontalis").doesNotContain("Sculptra", "addend", "DRAFT");
        String older = texts(row(robot, earlier));
        assertThat(older).contains("21 Nov 2026", "13 weeks ago", "Dysport 300 U \u00b7 50 U", "Sculptra \u00b7 4 mL",
                "13 points", "1 addendum", "SIGNED", "by NP Ivy Injector", "Malar (cheek)");
        for (long id : List.of(later, earlier)) {
            assertThat(row(robot, id).getHeight()).as("row height").isGreaterThanOrEqualTo(40);
        }
        Button compare = node(robot, "compareButton");
        Button open = node(robot, "openVisitButton");
        assertThat(compare.isDisabled()).isTrue();
        assertThat(open.isDisabled()).isTrue();

        selectBoth(robot);
        assertThat(compare.isDisabled()).isFalse();
        assertThat(open.isDisabled()).as("open wants one visit").isTrue();
        assertThat(text(robot, "historyHint")).contains("21 Nov 2026 and 20 Feb 2027");
        for (Labeled l : List.<Labeled>of(node(robot, "historyHint"), compare, open)) {
            assertNotClipped(l);
        }
        screenshot(stage.getScene(), "visit-history");
    }

    @Test
    void doubleClickEnterAndTheOpenButtonHandOverTheVisitsId(FxRobot robot) {
        showPatient(fixture.patientId());
        long later = fixture.later.visit().id();
        long earlier = fixture.earlier.visit().id();

        robot.doubleClickOn(row(robot, later));
        assertThat(opened).containsExactly(later);

        robot.clickOn(row(robot, earlier)).type(KeyCode.ENTER);
        assertThat(opened).containsExactly(later, earlier);

        robot.clickOn(row(robot, later));
        Button open = node(robot, "openVisitButton");
        assertThat(open.isDisabled()).isFalse();
        robot.clickOn(open);
        assertThat(opened).containsExactly(later, earlier, later);
    }

    @Test
    void aDraftStandsOutFromTheSignedVisits(FxRobot robot) {
        VisitChart draft = fixture.draftToday();
        showPatient(fixture.patientId());

        ListView<VisitSummary> list = node(robot, "visitList");
        assertThat(list.getItems()).extracting(VisitSummary::id).containsExactly(draft.visit().id(),
                fixture.later.visit().id(), fixture.earlier.visit().id());
        ListCell<?> cell = row(robot, draft.visit().id());
        assertThat(texts(cell)).contains("DRAFT \u00b7 not signed", "NP Ivy Injector", "still being charted",
                "Dysport 300 U \u00b7 60 U", "6 points").doesNotContain("SIGNED");
        assertThat(cell.getPseudoClassStates()).extracting(Object::toString).contains("draft");
        assertThat(row(robot, fixture.later.visit().id()).getPseudoClassStates()).extracting(Object::toString)
                .doesNotContain("draft");
        screenshot(stage.getScene(), "visit-history-draft");

        // embedded in a narrower part of the patient screen, the date, products and status still show in full
        fxRun(() -> {
            stage.setWidth(760);
            stage.setHeight(560);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> visitList = node(robot, "visitList");
        for (ListCell<?> c : List.of(cell, row(robot, fixture.earlier.visit().id()))) {
            for (String style : List.of("visit-date", "visit-when", "visit-product", "visit-status", "visit-by")) {
                for (Node n : robot.from(c).lookup("." + style).queryAll()) {
                    assertNotClipped((Labeled) n);
                    assertWithin(n, visitList);
                }
            }
        }
        screenshot(stage.getScene(), "visit-history-narrow");
    }

    @Test
    void aPatientWithoutTreatmentsSaysSo(FxRobot robot) {
        clinic.signIn("desk");
        Patient p = clinic.services.patients().create(TestClinic.patient("Cleo", "New", "1990-01-02", "(555) 010-1111"),
                true);
        clinic.signIn("injector");
        showPatient(fixture.patientId());
        assertThat(fx(() -> history.controller().visits())).hasSize(2);

        showPatient(p.id());

        assertThat(fx(() -> history.controller().visits())).isEmpty();
        Label empty = node(robot, "visitListEmpty");
        assertThat(empty.getText()).isEqualTo("No treatments recorded yet");
        assertThat(empty.isVisible()).isTrue();
        assertThat(text(robot, "historyCount")).isEmpty();
        assertThat(((Button) node(robot, "compareButton")).isDisabled()).isTrue();
        assertThat(((Button) node(robot, "openVisitButton")).isDisabled()).isTrue();
    }

    @Test
    void aRefusalIsShownWhereTheListWouldBe(FxRobot robot) {
        clinic.services.auth().signOut();

        showPatient(fixture.patientId());

        Label error = node(robot, "historyError");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("sign in");
        assertThat(text(robot, "visitListEmpty")).contains("could not be loaded");
    }
}
