package org.needlepoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.needlepoint.app.Services;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

class UserServiceTest {
    private static final char[] PW = TestClinic.PASSWORD.toCharArray();

    @TempDir
    Path dir;
    TestClinic clinic;
    UserService users;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir).withStaff();
        users = clinic.services.users();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    /** A second signed-in workstation session on the same store, as another window would have. */
    private Services secondSession(String username) {
        Services other = new Services(clinic.db, clinic.clock, new PasswordHasher(1_000));
        other.auth().signIn(username, PW);
        return other;
    }

    private User account(String username) {
        return clinic.db.read(c -> new UserStore().findByUsername(c, username)).orElseThrow();
    }

    private long userCount() {
        return clinic.db.read(c -> new UserStore().countUsers(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"desk", "injector"})
    void onlyAnAdministratorManagesAccounts(String username) {
        clinic.signIn(username);
        User desk = account("desk");
        String refusal = account(username).role().label() + " accounts cannot manage staff accounts.";

        List<Executable> calls = List.of(
                users::list,
                () -> users.create(new UserDraft("newbie", "New Person", Role.ADMIN, null, null), PW, PW),
                () -> users.update(desk, new UserDraft("desk", "Renamed", Role.ADMIN, null, null), true),
                () -> users.resetPassword(desk, "taken-over-1".toCharArray(), "taken-over-1".toCharArray()));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(PermissionDeniedException.class).hasMessage(refusal);
        }

        assertThat(userCount()).isEqualTo(3);
        assertThat(account("desk")).isEqualTo(desk);
        assertThat(clinic.signIn("desk").role()).as("the password was not reset").isEqualTo(Role.FRONT_DESK);
    }

    @Test
    void nobodySignedInIsRefused() {
        User desk = account("desk");
        List<Executable> calls = List.of(
                users::list,
                users::activeInjectors,
                () -> users.create(new UserDraft("newbie", "New Person", Role.ADMIN, null, null), PW, PW),
                () -> users.update(desk, UserDraft.of(desk), false),
                () -> users.resetPassword(desk, "taken-over-1".toCharArray(), "taken-over-1".toCharArray()));
        for (Executable call : calls) {
            assertThatThrownBy(call::execute).isInstanceOf(PermissionDeniedException.class).hasMessage("Please sign in first.");
        }
        assertThat(userCount()).isEqualTo(3);
        assertThat(account("desk").active()).isTrue();
    }

    @Test
    void anyoneSignedInCanListTheActiveInjectors() {
        clinic.signIn("desk");
        assertThat(users.activeInjectors()).extracting(User::username).containsExactly("injector");
    }

    @Test
    void anAdministratorCreatesAnAccountThatCanSignIn() {
        User admin = clinic.signIn("admin");
        User created = users.create(new UserDraft("dr.rose", "Rose Quill", Role.INJECTOR, "MD", "LIC-77"),
                "rose-password".toCharArray(), "rose-password".toCharArray());

        assertThat(created.username()).isEqualTo("dr.rose");
        assertThat(created.active()).isTrue();
        assertThat(created.version()).isZero();
        assertThat(users.list()).extracting(User::username).contains("dr.rose");
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.CREATE);
            assertThat(e.recordType()).isEqualTo("user");
            assertThat(e.recordId()).isEqualTo(created.id());
            assertThat(e.userId()).isEqualTo(admin.id());
        });
        clinic.services.auth().signOut();
        assertThat(clinic.services.auth().signIn("dr.rose", "rose-password".toCharArray()).role()).isEqualTo(Role.INJECTOR);
    }

    @Test
    void aDuplicateUsernameIsRefusedWhateverItsCase() {
        clinic.signIn("admin");
        assertThatThrownBy(() -> users.create(new UserDraft("DESK", "Another Desk", Role.FRONT_DESK, null, null), PW, PW))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already taken")
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("username"));
        assertThatThrownBy(() -> users.create(new UserDraft(" Desk ", "Another Desk", Role.FRONT_DESK, null, null), PW, PW))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already taken");
        User injector = account("injector");
        assertThatThrownBy(() -> users.update(injector, new UserDraft("Desk", "Ivy Injector", Role.INJECTOR, "NP", "LIC-1"), true))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already taken");

        assertThat(userCount()).isEqualTo(3);
        assertThat(account("injector")).isEqualTo(injector);
    }

    @Test
    void renamingAnAccountToItsOwnNameInAnotherCaseIsAllowed() {
        clinic.signIn("admin");
        User desk = account("desk");
        User saved = users.update(desk, new UserDraft("Desk", "Dana Desk", Role.FRONT_DESK, null, null), true);
        assertThat(saved.username()).isEqualTo("Desk");
        assertThat(saved.version()).isEqualTo(desk.version() + 1);
    }

    @Test
    void badInputIsRefusedFieldByField() {
        clinic.signIn("admin");
        assertThatThrownBy(() -> users.create(new UserDraft("x", "", Role.INJECTOR, null, null), PW, PW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors()).containsOnlyKeys("username", "fullName", "licenceNumber"));
        assertThatThrownBy(() -> users.create(new UserDraft("shorty", "Short Pw", Role.ADMIN, null, null),
                "short".toCharArray(), "short".toCharArray()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> users.create(new UserDraft("typo", "Typo Pw", Role.ADMIN, null, null),
                "long-enough-1".toCharArray(), "long-enough-2".toCharArray()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("do not match");
        assertThat(userCount()).isEqualTo(3);
    }

    @Test
    void aStaleEditIsRefusedNamingWhoChangedTheAccount() {
        clinic.signIn("admin");
        users.create(new UserDraft("sam", "Sam Second", Role.ADMIN, null, null), PW, PW);
        User seenByAlex = account("desk");

        clinic.clock.advance(Duration.ofMinutes(7));
        Services sam = secondSession("sam");
        sam.users().update(seenByAlex, new UserDraft("desk", "Dana Desk-Smith", Role.FRONT_DESK, null, null), true);

        assertThatThrownBy(() -> users.update(seenByAlex, new UserDraft("desk", "Dana D.", Role.FRONT_DESK, null, null), true))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("changed by Sam Second")
                .hasMessageContaining("09:07")
                .hasMessageContaining("not saved");

        User stored = account("desk");
        assertThat(stored.fullName()).isEqualTo("Dana Desk-Smith");
        assertThat(stored.version()).isEqualTo(seenByAlex.version() + 1);
        assertThat(AuditLog.withAction(clinic.db, Audit.UPDATE)).hasSize(1);
    }

    @Test
    void youCannotDeactivateYourselfOrDropYourOwnAdminRole() {
        User admin = clinic.signIn("admin");
        User me = account("admin");
        assertThatThrownBy(() -> users.update(me, UserDraft.of(me), false))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot deactivate your own account");
        assertThatThrownBy(() -> users.update(me, new UserDraft("admin", "Alex Admin", Role.FRONT_DESK, null, null), true))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("remove your own administrator role");

        assertThat(account("admin")).isEqualTo(me);
        assertThat(me.id()).isEqualTo(admin.id());
    }

    @Test
    void theLastActiveAdministratorCannotBeRemoved() {
        // Alex and Sam are both administrators, each signed in on their own session. Sam demotes Alex; Alex's
        // session still carries the old role, and tries to deactivate Sam: that would leave no administrator.
        clinic.signIn("admin");
        users.create(new UserDraft("sam", "Sam Second", Role.ADMIN, null, null), PW, PW);
        Services sam = secondSession("sam");
        sam.users().update(account("admin"), new UserDraft("admin", "Alex Admin", Role.INJECTOR, null, "LIC-9"), true);

        User samAccount = account("sam");
        assertThatThrownBy(() -> users.update(samAccount, UserDraft.of(samAccount), false))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least one active administrator");
        assertThatThrownBy(() -> users.update(samAccount, new UserDraft("sam", "Sam Second", Role.FRONT_DESK, null, null), true))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least one active administrator");

        assertThat(account("sam")).isEqualTo(samAccount);
        long activeAdmins = clinic.db.read(c -> new UserStore().countActiveAdmins(c));
        assertThat(activeAdmins).isEqualTo(1);
    }

    @Test
    void anAdministratorCanDeactivateAnotherAdministratorWhileOneRemains() {
        clinic.signIn("admin");
        User sam = users.create(new UserDraft("sam", "Sam Second", Role.ADMIN, null, null), PW, PW);
        User saved = users.update(sam, UserDraft.of(sam), false);
        assertThat(saved.active()).isFalse();
        assertThat(AuditLog.last(clinic.db).summary()).contains("deactivated");
    }
}
