package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.User;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class PatientServiceTest {
    @TempDir
    Path dir;
    TestClinic clinic;
    PatientService patients;
    User desk;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir).withStaff();
        desk = clinic.signIn("desk");
        patients = clinic.services.patients();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private static PatientDetails withEmail(PatientDetails d, String email) {
        return new PatientDetails(d.firstName(), d.middleName(), d.lastName(), d.preferredName(), d.birthDate(), d.sex(),
                d.mobilePhone(), d.otherPhone(), email, d.addressLine(), d.city(), d.region(), d.postalCode(),
                d.emergencyName(), d.emergencyPhone(), d.emergencyRelation(), d.allergies(), d.medications(),
                d.conditions(), d.pregnancy(), d.photoConsent(), d.marketingConsent(), d.alerts(), d.notes());
    }

    private Patient stored(long id) {
        return clinic.db.read(c -> new PatientStore().find(c, id)).orElseThrow();
    }

    @Test
    void createStoresThePatientAndAuditsIt() {
        PatientDetails d = TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345");
        Patient p = patients.create(d, false);

        assertThat(p.details()).isEqualTo(d);
        assertThat(p.version()).isZero();
        assertThat(p.createdAt()).isEqualTo(clinic.clock.instant());
        assertThat(stored(p.id())).isEqualTo(p);
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.CREATE);
            assertThat(e.patientId()).isEqualTo(p.id());
            assertThat(e.userId()).isEqualTo(desk.id());
        });
    }

    @Test
    void chartNumbersAreUniqueAndAscending() {
        List<Long> charts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            charts.add(patients.create(TestClinic.patient("Pat" + (char) ('a' + i), "Number", "1980-01-0" + (i + 1),
                    "555 010 000" + i), false).chartNumber());
        }
        assertThat(charts).doesNotHaveDuplicates().isSorted();
        assertThat(charts.get(0)).isEqualTo(1001L);
        assertThat(charts.get(5)).isEqualTo(1006L);
    }

    @Test
    void theSameNameAndBirthDateIsALikelyDuplicate() {
        Patient ann = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        int auditRows = AuditLog.entries(clinic.db).size();

        assertThatThrownBy(() -> patients.create(TestClinic.patient("ANN", "smith", "1985-03-14", "555 999 0000"), false))
                .isInstanceOfSatisfying(DuplicatePatientException.class, e -> {
                    assertThat(e.matches()).extracting(PatientSummary::id).containsExactly(ann.id());
                    assertThat(e.getMessage()).contains("Smith, Ann").contains("chart " + ann.chartNumber());
                });
        assertThat(patients.count()).isEqualTo(1);
        assertThat(AuditLog.entries(clinic.db)).hasSize(auditRows);
    }

    @Test
    void accentsDoNotHideADuplicate() {
        Patient zoe = patients.create(TestClinic.patient("Zoë", "Brontë", "1990-07-01", "555 020 3456"), false);
        assertThatThrownBy(() -> patients.create(TestClinic.patient("Zoe", "Bronte", "1990-07-01", "555 777 1111"), false))
                .isInstanceOfSatisfying(DuplicatePatientException.class,
                        e -> assertThat(e.matches()).extracting(PatientSummary::id).containsExactly(zoe.id()));
    }

    @Test
    void theSamePhoneInAnotherFormatIsALikelyDuplicate() {
        Patient ann = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        assertThatThrownBy(() -> patients.create(TestClinic.patient("Ben", "Smith", "2001-05-05", "+1 555.010.2345"), false))
                .isInstanceOfSatisfying(DuplicatePatientException.class,
                        e -> assertThat(e.matches()).extracting(PatientSummary::chartNumber).containsExactly(ann.chartNumber()));
        assertThat(patients.count()).isEqualTo(1);
    }

    @Test
    void aConfirmedNonDuplicateIsSavedAndTheAuditSaysSo() {
        Patient ann = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        Patient twin = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);

        assertThat(twin.id()).isNotEqualTo(ann.id());
        assertThat(twin.chartNumber()).isGreaterThan(ann.chartNumber());
        assertThat(patients.count()).isEqualTo(2);
        assertThat(AuditLog.last(clinic.db).summary()).contains("possible duplicate").contains(Long.toString(ann.chartNumber()));
    }

    @Test
    void differentPeopleAreNotDuplicates() {
        patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        patients.create(TestClinic.patient("Ann", "Smith", "1985-03-15", "(555) 010-2346"), false);
        patients.create(TestClinic.patient("Anne", "Smith", "1985-03-14", "(555) 010-2347"), false);
        assertThat(patients.count()).isEqualTo(3);
    }

    @Test
    void invalidDetailsAreRefusedAndNothingIsSaved() {
        int auditRows = AuditLog.entries(clinic.db).size();
        PatientDetails bad = withEmail(TestClinic.patient("Ann", "Smith", "2030-01-01", "(555) 010-2345"), "ann@");
        assertThatThrownBy(() -> patients.create(bad, true))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("birthDate", "email"));
        assertThat(patients.count()).isZero();
        assertThat(AuditLog.entries(clinic.db)).hasSize(auditRows);
    }

    @Test
    void anUpdateSavesBumpsTheVersionReindexesAndIsAudited() {
        Patient p = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        clinic.clock.advance(Duration.ofMinutes(3));
        PatientDetails married = withEmail(TestClinic.patient("Ann", "Jones", "1985-03-14", "(555) 777-8888"), "ann@example.com");

        Patient saved = patients.update(p, married);

        assertThat(saved.details()).isEqualTo(married);
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.chartNumber()).isEqualTo(p.chartNumber());
        assertThat(saved.updatedAt()).isEqualTo(clinic.clock.instant());
        assertThat(stored(p.id())).isEqualTo(saved);
        assertThat(patients.search("Jones")).extracting(PatientSummary::id).containsExactly(p.id());
        assertThat(patients.search("Smith")).isEmpty();
        assertThat(patients.search("555 777 8888")).extracting(PatientSummary::id).containsExactly(p.id());
        assertThat(patients.search("555 010 2345")).isEmpty();
        AuditEntry row = AuditLog.last(clinic.db);
        assertThat(row.action()).isEqualTo(Audit.UPDATE);
        assertThat(row.patientId()).isEqualTo(p.id());
        assertThat(row.summary()).contains("lastName", "mobilePhone", "email").doesNotContain("firstName");
    }

    @Test
    void aStaleUpdateIsRefusedNamingWhoChangedItAndNothingIsLost() {
        Patient seenByDesk = patients.open(patients.create(
                TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false).id());

        clinic.clock.advance(Duration.ofMinutes(12));
        Services injectorPc = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        injectorPc.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
        Patient theirs = injectorPc.patients().update(seenByDesk,
                withEmail(seenByDesk.details(), "ann.smith@example.com"));
        int updatesBefore = AuditLog.withAction(clinic.db, Audit.UPDATE).size();

        PatientDetails mine = withEmail(TestClinic.patient("Ann", "Smyth", "1985-03-14", "(555) 010-2345"), null);
        assertThatThrownBy(() -> patients.update(seenByDesk, mine))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("changed by Ivy Injector")
                .hasMessageContaining("09:12")
                .hasMessageContaining("not saved");

        assertThat(stored(seenByDesk.id())).isEqualTo(theirs);
        assertThat(stored(seenByDesk.id()).details().email()).isEqualTo("ann.smith@example.com");
        assertThat(patients.search("Smyth")).as("search keys were not rewritten").isEmpty();
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).hasSize(updatesBefore);
    }

    @Test
    void openingARecordIsAudited() {
        Patient p = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        Patient opened = patients.open(p.id());
        assertThat(opened).isEqualTo(p);
        AuditEntry row = AuditLog.last(clinic.db);
        assertThat(row.action()).isEqualTo(Audit.VIEW);
        assertThat(row.patientId()).isEqualTo(p.id());
        assertThat(row.userId()).isEqualTo(desk.id());
    }

    @Test
    void openingAMissingRecordIsAClearRefusal() {
        assertThatThrownBy(() -> patients.open(987_654L))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no longer exists");
    }

    @Test
    void nobodySignedInCanReachTheRegistry() {
        Patient p = patients.create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), false);
        clinic.services.auth().signOut();

        assertThatThrownBy(() -> patients.search("Smith")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> patients.open(p.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> patients.create(TestClinic.patient("Bo", "Lee", "1990-01-02", "555 020 3456"), false))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> patients.update(p, TestClinic.patient("Bo", "Lee", "1990-01-02", "555 020 3456")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(stored(p.id())).isEqualTo(p);
        long patientCount = clinic.db.read(c -> new PatientStore().count(c));
        assertThat(patientCount).isEqualTo(1);
    }
}
