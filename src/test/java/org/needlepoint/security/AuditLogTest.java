package org.needlepoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.patient.Patient;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class AuditLogTest {
    @TempDir
    Path dir;
    TestClinic clinic;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir).withStaff();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void aWorkingDayLeavesOneRowPerActionSayingWhoDidWhatToWhichRecord() {
        int before = AuditLog.entries(clinic.db).size();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> clinic.services.auth().signIn("injector", "wrong-password".toCharArray()))
                    .isInstanceOf(SignInException.class);
        }
        User desk = clinic.signIn("desk");
        clinic.clock.advance(Duration.ofMinutes(1));
        Patient p = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "555 010 2345"), false);
        clinic.services.patients().open(p.id());
        clinic.services.patients().update(p, TestClinic.patient("Ann", "Smith-Jones", "1985-03-14", "555 010 2345"));
        clinic.services.auth().signOut();

        List<AuditEntry> rows = AuditLog.entries(clinic.db);
        List<AuditEntry> today = rows.subList(before, rows.size());
        assertThat(today).extracting(AuditEntry::action).containsExactly(
                "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "LOCKED_OUT",
                "SIGN_IN", "CREATE", "VIEW", "UPDATE", "SIGN_OUT");

        AuditEntry created = today.get(7);
        assertThat(created.userId()).isEqualTo(desk.id());
        assertThat(created.username()).isEqualTo("desk");
        assertThat(created.recordType()).isEqualTo("patient");
        assertThat(created.recordId()).isEqualTo(p.id());
        assertThat(created.patientId()).isEqualTo(p.id());
        assertThat(created.at()).isEqualTo(clinic.clock.instant());
        assertThat(created.summary()).contains(Long.toString(p.chartNumber()));

        AuditEntry viewed = today.get(8);
        assertThat(viewed.patientId()).isEqualTo(p.id());
        assertThat(viewed.userId()).isEqualTo(desk.id());

        AuditEntry updated = today.get(9);
        assertThat(updated.patientId()).isEqualTo(p.id());
        assertThat(updated.summary()).contains("lastName").doesNotContain("Smith-Jones");

        assertThat(today.get(5).username()).isEqualTo("injector");
    }

    @Test
    void creatingAndEditingAccountsIsAudited() {
        User admin = clinic.signIn("admin");
        User rose = clinic.services.users().create(new UserDraft("rose", "Rose Quill", Role.FRONT_DESK, null, null),
                TestClinic.PASSWORD.toCharArray(), TestClinic.PASSWORD.toCharArray());
        clinic.services.users().update(rose, new UserDraft("rose", "Rose Quill", Role.ADMIN, null, null), true);

        List<AuditEntry> rows = AuditLog.entries(clinic.db);
        AuditEntry create = rows.get(rows.size() - 2);
        AuditEntry update = rows.get(rows.size() - 1);
        assertThat(create.action()).isEqualTo(Audit.CREATE);
        assertThat(update.action()).isEqualTo(Audit.UPDATE);
        for (AuditEntry e : List.of(create, update)) {
            assertThat(e.userId()).isEqualTo(admin.id());
            assertThat(e.recordType()).isEqualTo("user");
            assertThat(e.recordId()).isEqualTo(rose.id());
            assertThat(e.patientId()).isNull();
        }
        assertThat(update.summary()).contains("role Front desk -> Administrator");
    }

    @Test
    void theAdministratorReadsTheLogFilteredByPatientAndDay() {
        clinic.signIn("desk");
        Patient ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "555 010 2345"), false);
        Patient bo = clinic.services.patients().create(TestClinic.patient("Bo", "Lee", "1990-01-02", "555 020 3456"), false);
        clinic.clock.advance(Duration.ofDays(1));
        clinic.services.patients().open(ann.id());
        clinic.services.auth().signOut();
        clinic.signIn("admin");

        Audit audit = clinic.services.audit();
        assertThat(audit.find(new AuditFilter(null, ann.id(), null, null, 100)))
                .extracting(AuditEntry::action).containsExactly(Audit.VIEW, Audit.CREATE);
        assertThat(audit.find(new AuditFilter(null, bo.id(), null, null, 100)))
                .extracting(AuditEntry::action).containsExactly(Audit.CREATE);
        assertThat(audit.find(new AuditFilter(null, null, ann.chartNumber(), null, null, 100)))
                .as("by the chart number staff know").extracting(AuditEntry::action, AuditEntry::chartNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Audit.VIEW, ann.chartNumber()),
                        org.assertj.core.groups.Tuple.tuple(Audit.CREATE, ann.chartNumber()));
        LocalDate tomorrow = LocalDate.of(2026, 11, 22);
        assertThat(audit.find(new AuditFilter(null, null, tomorrow, tomorrow, 100)))
                .as("newest first").extracting(AuditEntry::action).containsExactly(Audit.SIGN_IN, Audit.SIGN_OUT, Audit.VIEW);
    }

    @Test
    void onlyAnAdministratorReadsTheLog() {
        clinic.signIn("injector");
        assertThatThrownBy(() -> clinic.services.audit().find(AuditFilter.all()))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("audit log");
    }

    @Test
    void theIntegrityCheckNoticesAMissingAppendOnlyGuard() {
        AuditStore store = new AuditStore();
        assertThat(clinic.db.read(store::problems)).isEmpty();
        clinic.db.tx(c -> c.createStatement().execute("DROP TRIGGER audit_log_no_delete"));
        assertThat(clinic.db.read(store::problems)).containsExactly("audit log: the append-only guards are missing");
    }
}
