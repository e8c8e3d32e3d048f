package org.needlepoint.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.User;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class ClinicServiceTest {
    private static final char[] PW = TestClinic.PASSWORD.toCharArray();

    @TempDir
    Path dir;
    TestClinic clinic;

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void firstRunSetsUpTheClinicAndItsAdministratorOnce() {
        clinic = new TestClinic(dir);
        ClinicService service = clinic.services.clinic();
        assertThat(service.isSetUp()).isFalse();

        User admin = service.setUp(new Clinic("Glow Clinic", "2 Main St", "(555) 010-0100", 0),
                new UserDraft("owner", "Olivia Owner", Role.FRONT_DESK, null, null), PW, PW);

        assertThat(admin.role()).as("the first account is always an administrator").isEqualTo(Role.ADMIN);
        assertThat(service.isSetUp()).isTrue();
        assertThat(service.clinic()).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Glow Clinic"));
        assertThat(AuditLog.last(clinic.db).action()).isEqualTo(Audit.CREATE);

        assertThatThrownBy(() -> service.setUp(new Clinic("Takeover", "3 Main St", "(555) 010-0199", 0),
                new UserDraft("intruder", "In Truder", Role.ADMIN, null, null), PW, PW))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already set up");
        assertThat(service.clinic()).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Glow Clinic"));
        assertThatThrownBy(() -> clinic.signIn("intruder")).hasMessage("Wrong username or password.");
    }

    @Test
    void setUpRefusesAnIncompleteClinicAndSavesNothing() {
        clinic = new TestClinic(dir);
        assertThatThrownBy(() -> clinic.services.clinic().setUp(new Clinic("", "", "12", 0),
                new UserDraft("owner", "Olivia Owner", Role.ADMIN, null, null), PW, PW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("clinicName", "clinicAddress", "clinicPhone"));
        assertThat(clinic.services.clinic().isSetUp()).isFalse();
    }

    @Test
    void onlyAnAdministratorChangesTheProfileAndSettings() {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("injector");
        Clinic current = clinic.services.clinic().clinic().orElseThrow();
        assertThatThrownBy(() -> clinic.services.clinic().update(new Clinic("Renamed", current.address(), current.phone(),
                current.version()))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> clinic.services.clinic().setIdleLockMinutes(60)).isInstanceOf(PermissionDeniedException.class);
        assertThat(clinic.services.clinic().clinic().orElseThrow().name()).isEqualTo("Test Clinic");
        assertThat(clinic.services.clinic().idleLockMinutes()).isEqualTo(10);
    }

    @Test
    void theIdleLockIsBetweenOneAnd240Minutes() {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("admin");
        ClinicService service = clinic.services.clinic();
        service.setIdleLockMinutes(3);
        assertThat(service.idleLockMinutes()).isEqualTo(3);
        assertThatThrownBy(() -> service.setIdleLockMinutes(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.setIdleLockMinutes(241)).isInstanceOf(ValidationException.class);
        assertThat(service.idleLockMinutes()).isEqualTo(3);
        assertThat(AuditLog.last(clinic.db).summary()).contains("3 minutes");
    }

    @Test
    void aStaleProfileEditIsRefused() {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("admin");
        ClinicService service = clinic.services.clinic();
        Clinic seen = service.clinic().orElseThrow();
        Clinic saved = service.update(new Clinic("First Edit", seen.address(), seen.phone(), seen.version()));
        assertThat(saved.version()).isEqualTo(seen.version() + 1);

        assertThatThrownBy(() -> service.update(new Clinic("Second Edit", seen.address(), seen.phone(), seen.version())))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("Alex Admin");
        assertThat(service.clinic().orElseThrow().name()).isEqualTo("First Edit");
    }
}
