package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two PCs at once: a patient registered on another PC appears in the search results open on this one
 * within 3 seconds, while the receptionist's search box keeps its text and caret and the patient she
 * selected stays selected (though the new patient moved it down the list).
 */
class PatientSearchLiveUiTest extends UiTest {
    private long bea;

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("desk");
        c.services.patients().create(TestClinic.patient("Ann", "Smithson", "1985-03-14", "555-010-2345"), true);
        bea = c.services.patients().create(TestClinic.patient("Bea", "Smithson", "1979-06-02", "555-010-9876"), true).id();
        c.services.patients().create(TestClinic.patient("Cara", "Smithson", "1990-01-20", "555-010-4444"), true);
        c.services.auth().signOut();
    }

    /** Another PC: its own services over the same records, its own session. */
    private Services otherPc() {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        return other;
    }

    private List<String> names(FxRobot robot) {
        TableView<PatientSummary> t = node(robot, "resultsTable");
        return t.getItems().stream().map(PatientSummary::displayName).toList();
    }

    /** Waits at most 3 s for {@code condition}, read on the FX thread. */
    private static void within3s(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not show the other PC's change within 3 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPatientRegisteredOnAnotherPcAppearsAndTheSelectionAndTypingStay(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#searchField").write("smithson");
        settle();
        TableView<PatientSummary> table = node(robot, "resultsTable");
        TextField field = node(robot, "searchField");
        assertThat(names(robot)).hasSize(3);
        robot.interact(() -> {
            table.getSelectionModel().select(1);
            field.positionCaret(5); // the receptionist went back to fix a letter
        });
        assertThat(table.getSelectionModel().getSelectedItem().id()).isEqualTo(bea);

        Services other = otherPc();
        long aaron = other.patients().create(TestClinic.patient("Aaron", "Smithson", "1970-07-07", "555-010-7777"), true).id();

        within3s(() -> table.getItems().stream().anyMatch(p -> p.id() == aaron));
        assertThat(names(robot)).hasSize(4);
        assertThat(table.getItems().get(0).id()).as("the new patient comes first, by name").isEqualTo(aaron);
        assertThat(table.getSelectionModel().getSelectedItem().id()).as("still the patient she selected").isEqualTo(bea);
        assertThat(field.getText()).isEqualTo("smithson");
        assertThat(field.getCaretPosition()).isEqualTo(5);
        assertThat(field.isFocused()).isTrue();
        screenshot("patient-search-live");

        // typing goes on as before: the next keystroke's search is the one shown
        robot.write("x");
        settle();
        assertThat(field.getText()).isEqualTo("smithxson");
        assertThat(names(robot)).isEmpty();
    }
}
