package org.needlepoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.clinic.ClinicService;
import org.needlepoint.testing.TestClinic;

/** The services refuse admin work to other roles, whatever the screens show or hide. */
class AdminPermissionTest {
    @TempDir
    Path folder;
    private TestClinic clinic;

    @BeforeEach
    void open() {
        clinic = new TestClinic(folder).withStaff();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void frontDeskCannotDoAdminWork() {
        clinic.signIn("desk");

        assertThatThrownBy(() -> clinic.services.users().list())
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Front desk accounts cannot manage staff accounts.");
        assertThatThrownBy(() -> clinic.services.audit().find(AuditFilter.all()))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Front desk accounts cannot read the audit log.");
        assertThatThrownBy(() -> clinic.services.clinic().setIdleLockMinutes(30))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Front desk accounts cannot change settings.");
        assertThat(clinic.services.clinic().idleLockMinutes()).isEqualTo(ClinicService.DEFAULT_IDLE_LOCK_MINUTES);
    }

    @Test
    void anAdminMayDoTheSame() {
        clinic.signIn("admin");

        assertThat(clinic.services.users().list()).extracting(User::username).contains("admin", "injector", "desk");
        assertThat(clinic.services.audit().find(AuditFilter.all())).isNotEmpty();
        clinic.services.clinic().setIdleLockMinutes(30);
        assertThat(clinic.services.clinic().idleLockMinutes()).isEqualTo(30);
    }
}
