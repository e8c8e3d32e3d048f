package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.UiTest;
import org.testfx.api.FxRobot;

class PatientUiTest extends UiTest {

    @Override
    protected void prepare(TestClinic c) {
        c.withStaff();
        c.signIn("admin");
        c.services.patients().create(TestClinic.patient("Zoë", "Marrowby", "1984-02-29", "(555) 301-4455"), false);
        c.services.patients().create(TestClinic.patient("Ava", "Quillson", "1990-07-04", "555-302-9900"), false);
        c.services.auth().signOut();
    }

    private List<String> resultNames(FxRobot robot) {
        TableView<PatientSummary> table = node(robot, "resultsTable");
        return table.getItems().stream().map(PatientSummary::displayName).toList();
    }

    private void search(FxRobot robot, String text) {
        robot.clickOn("#searchField").push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE).write(text);
        settle();
    }

    @Test
    void registerFindByEachKeyAndEdit(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        settle();
        robot.clickOn("#firstName").write("José");
        robot.clickOn("#lastName").write("Holtstad-Vance");
        robot.clickOn("#birthDate").write("03/14/1985");
        robot.clickOn("#sex").clickOn("Male");
        robot.clickOn("#mobilePhone").write("(555) 404-1234");
        robot.clickOn("#email").write("jose.demo@example.com");
        robot.clickOn("#allergies").write("Lidocaine");
        screenshot("patient-new");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        settle();

        assertThat(text(robot, "headerName")).isEqualTo("Holtstad-Vance, José");
        assertThat(text(robot, "headerAllergies")).contains("Lidocaine");
        assertThat(text(robot, "headerAge")).startsWith("41 years");
        screenshot("patient-record");

        robot.clickOn("#backButton");
        settle();
        for (String query : new String[] {"holt", "vance", "Holtstad-Vance, Jose", "jose holt", "(555) 404-1234",
                "555.404.1234", "1234", "03/14/1985", "1985-03-14"}) {
            search(robot, query);
            assertThat(resultNames(robot)).as(query).containsExactly("Holtstad-Vance, José");
        }
        search(robot, "zoe");
        assertThat(resultNames(robot)).containsExactly("Marrowby, Zoë");
        screenshot("patient-search");
        long chart = ((TableView<PatientSummary>) node(robot, "resultsTable")).getItems().get(0).chartNumber();
        search(robot, Long.toString(chart));
        assertThat(resultNames(robot)).containsExactly("Marrowby, Zoë");

        // keyboard: Enter opens the selected result, edit, save, find by the new value
        robot.clickOn("#searchField").type(KeyCode.ENTER);
        settle();
        assertThat(text(robot, "headerName")).isEqualTo("Marrowby, Zoë");
        robot.clickOn("#mobilePhone").push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE).write("555 777 8888");
        robot.clickOn("#saveButton");
        settle();
        assertThat(text(robot, "patientError")).isEmpty();
        robot.type(KeyCode.ESCAPE);
        settle();
        search(robot, "7778888");
        assertThat(resultNames(robot)).containsExactly("Marrowby, Zoë");
        search(robot, "301-4455");
        assertThat(resultNames(robot)).isEmpty();
    }

    @Test
    void invalidInputIsMarkedOnTheFieldAndNothingIsSaved(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        robot.clickOn("#newPatientButton");
        settle();
        robot.clickOn("#firstName").write("Nia");
        robot.clickOn("#lastName").write("Pellworth");
        robot.clickOn("#birthDate").write("02/30/1990");
        robot.clickOn("#email").write("nia-at-example");
        robot.clickOn("#mobilePhone").write("12");
        robot.clickOn("#saveButton");
        settle();

        assertThat(node(robot, "birthDate").getStyleClass()).contains("field-error");
        assertThat(node(robot, "email").getStyleClass()).contains("field-error");
        assertThat(node(robot, "mobilePhone").getStyleClass()).contains("field-error");
        assertThat(node(robot, "firstName").getStyleClass()).doesNotContain("field-error");
        assertThat(text(robot, "patientError")).contains("no such date").contains("email");
        screenshot("patient-invalid");
        clinic.signIn("admin");
        assertThat(clinic.services.patients().search("pellworth")).isEmpty();
    }

    @Test
    void duplicateWarningOffersTheExistingRecord(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        search(robot, "Quillson, Ava");
        robot.clickOn("#newPatientButton");
        settle();
        assertThat(text(robot, "lastName")).isEqualTo("Quillson");
        assertThat(text(robot, "firstName")).isEqualTo("Ava");
        robot.clickOn("#birthDate").write("1990-07-04");
        robot.clickOn("#sex").clickOn("Female");
        robot.clickOn("#mobilePhone").write("555 999 1111");
        robot.clickOn("#saveButton");
        settle();

        assertThat(robot.lookup("#duplicateDialog").tryQuery()).isPresent();
        screenshot("patient-duplicate");
        robot.clickOn("#openExistingButton");
        settle();
        assertThat(text(robot, "headerName")).isEqualTo("Quillson, Ava");
        assertThat(text(robot, "mobilePhone")).isEqualTo("555-302-9900");
        clinic.signIn("admin");
        assertThat(clinic.services.patients().search("quillson")).hasSize(1);
    }

    @Test
    void aConcurrentEditIsRefusedNamingWhoSaved(FxRobot robot) {
        signIn(robot, "desk", TestClinic.PASSWORD);
        search(robot, "quillson");
        robot.clickOn("#searchField").type(KeyCode.ENTER);
        settle();

        // meanwhile, at another PC, the injector corrects the same record
        var otherPc = new org.needlepoint.app.Services(clinic.db, clinic.clock,
                new org.needlepoint.security.PasswordHasher(1_000));
        otherPc.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
        long id = otherPc.patients().search("quillson").get(0).id();
        Patient p = otherPc.patients().open(id);
        PatientDetails d = p.details();
        otherPc.patients().update(p, new PatientDetails(d.firstName(), d.middleName(), d.lastName(), d.preferredName(),
                d.birthDate(), d.sex(), d.mobilePhone(), d.otherPhone(), d.email(), d.addressLine(), d.city(), d.region(),
                d.postalCode(), d.emergencyName(), d.emergencyPhone(), d.emergencyRelation(), "Latex", d.medications(),
                d.conditions(), d.pregnancy(), d.photoConsent(), d.marketingConsent(), d.alerts(), d.notes()));

        robot.clickOn("#preferredName").write("Avi");
        robot.clickOn("#saveButton");
        settle();
        assertThat(text(robot, "patientError")).contains("changed by Ivy Injector").contains("not saved");
        assertThat(node(robot, "reloadButton").isVisible()).isTrue();
        Patient stored = otherPc.patients().open(id);
        assertThat(stored.details().preferredName()).isNull();
        assertThat(stored.details().allergies()).isEqualTo("Latex");
        assertThat(text(robot, "preferredName")).as("typing kept").isEqualTo("Avi");
    }
}
