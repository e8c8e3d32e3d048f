package org.needlepoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class AuthServiceTest {
    private static final String WRONG = "Wrong username or password.";

    @TempDir
    Path dir;
    TestClinic clinic;
    AuthService auth;
    Session session;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir).withStaff();
        auth = clinic.services.auth();
        session = clinic.services.session();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private void signInWith(String username, String password) {
        auth.signIn(username, password.toCharArray());
    }

    @Test
    void theRightPasswordSignsIn() {
        User u = auth.signIn("desk", TestClinic.PASSWORD.toCharArray());

        assertThat(u.fullName()).isEqualTo("Dana Desk");
        assertThat(u.role()).isEqualTo(Role.FRONT_DESK);
        assertThat(session.user()).contains(u);
        AuditEntry row = AuditLog.last(clinic.db);
        assertThat(row.action()).isEqualTo(Audit.SIGN_IN);
        assertThat(row.userId()).isEqualTo(u.id());
        assertThat(row.username()).isEqualTo("desk");
        assertThat(row.at()).isEqualTo(clinic.clock.instant());
    }

    @Test
    void theUsernameIgnoresCaseAndSurroundingSpaces() {
        User u = auth.signIn("  DeSk ", TestClinic.PASSWORD.toCharArray());
        assertThat(u.username()).isEqualTo("desk");
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() {
        assertThatThrownBy(() -> signInWith("desk", "not-the-password"))
                .isInstanceOf(SignInException.class)
                .hasMessage(WRONG);

        assertThat(session.user()).isEmpty();
        AuditEntry row = AuditLog.last(clinic.db);
        assertThat(row.action()).isEqualTo(Audit.SIGN_IN_FAILED);
        assertThat(row.username()).isEqualTo("desk");
        assertThat(row.userId()).isNotNull();
        assertThat(row.summary()).contains("wrong password").contains("1 of 5");
    }

    @Test
    void anUnknownUserGetsTheSameMessageAsAWrongPassword() {
        assertThatThrownBy(() -> signInWith("nobody", TestClinic.PASSWORD))
                .isInstanceOf(SignInException.class)
                .hasMessage(WRONG);

        assertThat(session.user()).isEmpty();
        AuditEntry row = AuditLog.last(clinic.db);
        assertThat(row.action()).isEqualTo(Audit.SIGN_IN_FAILED);
        assertThat(row.username()).isEqualTo("nobody");
        assertThat(row.userId()).isNull();
    }

    @Test
    void fiveFailuresLockTheAccountForFiveMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> signInWith("desk", "wrong-password"))
                    .isInstanceOf(SignInException.class)
                    .hasMessageStartingWith(WRONG)
                    .hasMessageNotContaining("locked after");
        }
        assertThatThrownBy(() -> signInWith("desk", "wrong-password"))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("locked after 5 failed sign-ins")
                .hasMessageContaining("09:05");
        assertThat(AuditLog.withAction(clinic.db, Audit.LOCKED_OUT)).singleElement()
                .satisfies(e -> assertThat(e.username()).isEqualTo("desk"));

        // Inside the window even the right password is refused.
        assertThatThrownBy(() -> signInWith("desk", TestClinic.PASSWORD))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("locked");
        clinic.clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThatThrownBy(() -> signInWith("desk", TestClinic.PASSWORD))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("locked");
        assertThat(session.user()).isEmpty();

        clinic.clock.advance(Duration.ofSeconds(1));
        User u = auth.signIn("desk", TestClinic.PASSWORD.toCharArray());
        assertThat(session.user()).contains(u);
        assertThat(u.failedAttempts()).isZero();
        assertThat(u.lockedUntil()).isNull();
    }

    @Test
    void twoTriesBeforeTheLockTheMessageWarns() {
        for (int i = 1; i <= 2; i++) {
            assertThatThrownBy(() -> signInWith("desk", "wrong-password")).hasMessage(WRONG);
        }
        assertThatThrownBy(() -> signInWith("desk", "wrong-password")).hasMessage(WRONG
                + " 2 tries left before the account locks for 5 minutes.");
        assertThatThrownBy(() -> signInWith("desk", "wrong-password")).hasMessage(WRONG
                + " 1 try left before the account locks for 5 minutes.");
    }

    @Test
    void afterTheLockRunsOutTheCountStartsAgain() {
        for (int i = 1; i <= 5; i++) {
            assertThatThrownBy(() -> signInWith("desk", "wrong-password")).isInstanceOf(SignInException.class);
        }
        clinic.clock.advance(AuthService.LOCKOUT);
        // One more mistake after the lock is one failure, not the sixth.
        assertThatThrownBy(() -> signInWith("desk", "wrong-password")).hasMessage(WRONG);
        assertThat(AuditLog.last(clinic.db).summary()).contains("1 of 5");
    }

    @Test
    void aGoodSignInClearsEarlierFailures() {
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> signInWith("desk", "wrong-password")).isInstanceOf(SignInException.class);
        }
        signInWith("desk", TestClinic.PASSWORD);
        auth.signOut();
        for (int i = 1; i <= 4; i++) {
            assertThatThrownBy(() -> signInWith("desk", "wrong-password"))
                    .hasMessageNotContaining("locked after");
        }
        assertThat(AuditLog.withAction(clinic.db, Audit.LOCKED_OUT)).isEmpty();
    }

    @Test
    void anAdminPasswordResetClearsTheLock() {
        for (int i = 1; i <= 5; i++) {
            assertThatThrownBy(() -> signInWith("desk", "wrong-password")).isInstanceOf(SignInException.class);
        }
        User admin = clinic.signIn("admin");
        User desk = clinic.services.users().list().stream().filter(u -> u.username().equals("desk")).findFirst().orElseThrow();
        assertThat(desk.isLockedAt(clinic.clock.instant())).isTrue();
        clinic.services.users().resetPassword(desk, "fresh-password-9".toCharArray(), "fresh-password-9".toCharArray());
        auth.signOut();

        // Still inside the five minutes, the new password works; the old one is gone.
        assertThatThrownBy(() -> signInWith("desk", TestClinic.PASSWORD)).hasMessage(WRONG);
        User back = auth.signIn("desk", "fresh-password-9".toCharArray());
        assertThat(back.lockedUntil()).isNull();
        assertThat(AuditLog.withAction(clinic.db, Audit.PASSWORD_RESET)).singleElement()
                .satisfies(e -> {
                    assertThat(e.userId()).isEqualTo(admin.id());
                    assertThat(e.recordId()).isEqualTo(desk.id());
                });
    }

    @Test
    void aDeactivatedAccountIsRefused() {
        clinic.signIn("admin");
        User desk = clinic.services.users().list().stream().filter(u -> u.username().equals("desk")).findFirst().orElseThrow();
        clinic.services.users().update(desk, UserDraft.of(desk), false);
        auth.signOut();

        assertThatThrownBy(() -> signInWith("desk", TestClinic.PASSWORD))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("deactivated");
        assertThat(session.user()).isEmpty();
        assertThat(AuditLog.last(clinic.db).action()).isEqualTo(Audit.SIGN_IN_FAILED);
        assertThat(AuditLog.last(clinic.db).summary()).contains("deactivated");
        // A wrong password does not reveal that the account exists but is deactivated.
        assertThatThrownBy(() -> signInWith("desk", "wrong-password")).hasMessage(WRONG);
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() {
        User u = clinic.signIn("injector");
        auth.signOut();

        assertThat(session.user()).isEmpty();
        AuditEntry row = AuditLog.last(clinic.db);
        assertThat(row.action()).isEqualTo(Audit.SIGN_OUT);
        assertThat(row.userId()).isEqualTo(u.id());
        assertThat(row.username()).isEqualTo("injector");
    }

    @Test
    void theIdleLockNeedsTheSameUsersPassword() {
        User u = clinic.signIn("injector");
        assertThatThrownBy(() -> auth.unlock("wrong-password".toCharArray())).hasMessage(WRONG);
        assertThat(auth.unlock(TestClinic.PASSWORD.toCharArray()).id()).isEqualTo(u.id());

        List<String> actions = AuditLog.entries(clinic.db).stream().map(AuditEntry::action).toList();
        assertThat(actions.subList(actions.size() - 3, actions.size()))
                .containsExactly(Audit.SIGN_IN, Audit.SIGN_IN_FAILED, Audit.UNLOCK);
    }

    @Test
    void verifyingThePasswordToSignLeavesTheSessionAlone() {
        User u = clinic.signIn("injector");
        int rows = AuditLog.entries(clinic.db).size();

        assertThat(auth.verifyPassword(TestClinic.PASSWORD.toCharArray()).id()).isEqualTo(u.id());
        assertThat(AuditLog.entries(clinic.db)).as("the signing itself is audited, not the check").hasSize(rows);

        assertThatThrownBy(() -> auth.verifyPassword("wrong-password".toCharArray()))
                .isInstanceOf(SignInException.class).hasMessage("Wrong password.");
        assertThat(session.user()).contains(u);
        assertThat(AuditLog.last(clinic.db).action()).isEqualTo(Audit.SIGN_IN_FAILED);
        assertThat(AuditLog.last(clinic.db).summary()).contains("1 of 5");
    }
}
