package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

/** The Follow-ups tab of a patient's record: tasks, reports and side effects; logging a call from it. */
class PatientFollowUpsUiTest extends UiTest {
    private FollowUpUiData data;
    private long review;

    @Override
    protected void prepare(TestClinic c) {
        data = new FollowUpUiData(c);
        VisitChart toxin = data.toxin(c.services, data.ann);
        data.days(14);
        FollowUpUiData.bruise(c.services, toxin);
        // a swelling that has resolved: its outcome carries a date too
        java.time.LocalDate today = c.services.adverseEvents().today();
        c.services.adverseEvents().recordEvent(new AdverseEventDraft(data.ann.id(), toxin.visit().id(),
                toxin.points().stream().map(org.needlepoint.chart.InjectionPoint::key).toList(), today, today.minusDays(12),
                AdverseEventType.SWELLING, null, Severity.GRADE_2, false, false, Set.of(), null, "Swollen forehead.", null,
                null, null, EventOutcome.RESOLVED_WITH_SEQUELAE, today.minusDays(2)));
        review = c.services.followUps().patientTasks(data.ann.id()).stream()
                .filter(t -> t.kind() == TaskKind.REVIEW).findFirst().orElseThrow().id();
        c.services.auth().signOut();
    }

    private void openAnn(FxRobot robot, String user) {
        signIn(robot, user, TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("smith");
        settle();
        robot.type(KeyCode.ENTER);
        settle();
        robot.clickOn("#followUpsTab");
        settle();
    }

    @Test
    void theDeskLogsACallAndAReportFromThePatientsRecord(FxRobot robot) {
        openAnn(robot, "desk");
        TableView<FollowUpTask> tasks = node(robot, "pfuTasks");
        assertThat(tasks.getItems()).extracting(FollowUpTask::kind).contains(TaskKind.REVIEW, TaskKind.CALL);
        assertThat(tasks.getSelectionModel().getSelectedItem().id()).isEqualTo(review);
        assertThat(seen(robot, "pfuEvents")).as("side effects are for injectors").isFalse();

        robot.clickOn("#pfuLogCall");
        robot.clickOn("#outcomeNoAnswer");
        settle();
        assertThat(text(robot, "pfuStatus")).contains("No answer");
        assertThat(data.elsewhere("admin").followUps().attempts(review)).extracting(CallAttempt::outcome)
                .containsExactly(CallOutcome.NO_ANSWER);
        FollowUpTask shown = tasks.getItems().stream().filter(t -> t.id() == review).findFirst().orElseThrow();
        assertThat(shown.attempts()).isEqualTo(1);

        robot.clickOn("#pfuReport");
        settle();
        robot.clickOn("#callText").write("Small bruise between the brows");
        robot.clickOn("#callSave");
        settle();
        TableView<PatientReport> reports = node(robot, "pfuReports");
        assertThat(reports.getItems()).extracting(PatientReport::text).containsExactly("Small bruise between the brows");
        assertThat(text(robot, "pfuStatus")).contains("waiting for an injector's review");
        screenshot("patient-followups-desk");
    }

    /** The date columns' cells whose text (any line) is wider than their column at the window's 1366 x 768. */
    private List<String> cutDates(FxRobot robot, javafx.scene.control.TableView<?>... tables) {
        Set<String> dateColumns = Set.of("pfuTaskDue", "pfuReportWhen", "pfuEventOnset", "pfuEventOutcome");
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            for (javafx.scene.control.TableView<?> table : tables) {
                for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
                    if (!(n instanceof javafx.scene.control.TableCell<?, ?> cell) || cell.getTableColumn() == null
                            || cell.getText() == null || !dateColumns.contains(cell.getTableColumn().getId())) {
                        continue;
                    }
                    for (String line : cell.getText().split("\n")) {
                        javafx.scene.text.Text t = new javafx.scene.text.Text(line);
                        t.setFont(cell.getFont());
                        double need = t.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset();
                        if (need > cell.getTableColumn().getWidth() + 0.5) {
                            cut.add(cell.getTableColumn().getId() + ": " + line);
                        }
                    }
                }
            }
        });
        return cut;
    }

    @Test
    void anInjectorAlsoSeesTheSideEffects(FxRobot robot) {
        data.elsewhere("desk").adverseEvents().logPatientReport(data.ann.id(),
                "Bruise between the brows is spreading a little, no pain", clinic.clock.instant());
        openAnn(robot, "injector");
        TableView<PatientReport> reports = node(robot, "pfuReports");
        assertThat(reports.getItems()).hasSize(1);
        TableView<AdverseEventSummary> events = node(robot, "pfuEvents");
        assertThat(seen(robot, "pfuEvents")).isTrue();
        assertThat(events.getItems()).extracting(AdverseEventSummary::type)
                .containsExactlyInAnyOrder(AdverseEventType.BRUISING, AdverseEventType.SWELLING);
        assertThat(window.scene().getWidth()).isEqualTo(1366);
        assertThat(cutDates(robot, node(robot, "pfuTasks"), reports, events)).as("dates shown whole at 1366 x 768").isEmpty();
        screenshot("patient-followups-injector");
    }
}
