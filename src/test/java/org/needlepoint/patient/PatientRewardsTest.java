package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StoreException;
import org.needlepoint.testing.TestClinic;

/** The patient's manufacturer rewards-programme membership: saved with the record, validated, both or neither. */
class PatientRewardsTest {
    @TempDir
    Path dir;
    private TestClinic clinic;
    private PatientService patients;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("desk");
        patients = clinic.services.patients();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private static PatientDetails ann() {
        return TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345");
    }

    @Test
    void theProgrammeAndMemberNumberAreSavedAndChanged() {
        Patient p = patients.create(ann().withRewards("Evolus Rewards", " EV-2231 9087 "), false);
        assertThat(p.details().rewardsProgramme()).isEqualTo("Evolus Rewards");
        assertThat(p.details().rewardsMember()).as("trimmed").isEqualTo("EV-2231 9087");
        Patient reread = clinic.db.read(c -> new PatientStore().find(c, p.id())).orElseThrow();
        assertThat(reread.details()).isEqualTo(p.details());

        Patient changed = patients.update(p, p.details().withRewards(PatientDetails.REWARDS_PROGRAMMES.get(0), "A1B2C3D4"));
        assertThat(changed.details().rewardsProgramme()).startsWith("All");
        Patient left = patients.update(changed, changed.details().withRewards(" ", null));
        assertThat(left.details().rewardsProgramme()).isNull();
        assertThat(left.details().rewardsMember()).isNull();
    }

    @Test
    void aMemberNumberNeedsItsProgrammeAndAProgrammeItsNumberAndNumbersLookLikeNumbers() {
        assertThat(patients.problems(ann().withRewards(null, "12345678"))).containsOnlyKeys("rewardsProgramme");
        assertThat(patients.problems(ann().withRewards("Evolus Rewards", null))).containsOnlyKeys("rewardsMember");
        assertThat(patients.problems(ann().withRewards("Evolus Rewards", "12"))).containsOnlyKeys("rewardsMember");
        assertThat(patients.problems(ann().withRewards("Evolus Rewards", "1234;DROP"))).containsOnlyKeys("rewardsMember");
        assertThat(patients.problems(ann().withRewards("x".repeat(61), "12345678"))).containsOnlyKeys("rewardsProgramme");
        assertThat(patients.problems(ann().withRewards("Evolus Rewards", "12345678"))).isEmpty();
        assertThatThrownBy(() -> patients.create(ann().withRewards(null, "12345678"), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("rewardsProgramme"));
        assertThat(patients.count()).isZero();
        // the database holds the rule too
        Patient p = patients.create(ann(), false);
        assertThatThrownBy(() -> clinic.db.tx(c -> c.createStatement().executeUpdate(
                "UPDATE patient SET rewards_member = '123456' WHERE id = " + p.id())))
                .isInstanceOf(StoreException.class);
    }
}
