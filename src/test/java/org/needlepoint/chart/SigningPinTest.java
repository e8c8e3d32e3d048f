package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PinLockedException;
import org.needlepoint.security.SignInException;
import org.needlepoint.security.SigningMethod;
import org.needlepoint.security.Theme;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

/** Issue 15: signing a chart with a 6-digit PIN, the clinic's setting that requires the password, the lock after five wrong PINs. */
class SigningPinTest {
    private static final char[] PW = TestClinic.PASSWORD.toCharArray();

    @Test
    void anInjectorSetsAPinAndSignsWithIt(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            AuthService auth = f.clinic.services.auth();
            assertThat(auth.signingMethod()).as("no PIN yet").isEqualTo(SigningMethod.PASSWORD);
            assertThatThrownBy(() -> auth.setSigningPin(PW, "12345".toCharArray(), "12345".toCharArray()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("pin"));
            assertThatThrownBy(() -> auth.setSigningPin(PW, "123456".toCharArray(), "123456".toCharArray()))
                    .as("a straight run").isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> auth.setSigningPin(PW, "481592".toCharArray(), "481593".toCharArray()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("repeat"));
            assertThatThrownBy(() -> auth.setSigningPin("wrong".toCharArray(), "481592".toCharArray(),
                    "481592".toCharArray())).isInstanceOf(SignInException.class).hasMessageContaining("Wrong password");
            assertThat(auth.hasSigningPin()).isFalse();

            auth.setSigningPin(PW, "481592".toCharArray(), "481592".toCharArray());
            assertThat(auth.signingMethod()).isEqualTo(SigningMethod.PIN);
            long plain = f.clinic.db.read(c -> org.needlepoint.store.Sql.count(c,
                    "SELECT COUNT(*) FROM app_user WHERE signing_pin_hash LIKE '%481592%'"));
            assertThat(plain).as("hashed").isZero();

            VisitChart draft = f.drafted(f.glabella());
            assertThatThrownBy(() -> f.charts.signWithPin(draft.visit().id(), draft.visit().version(),
                    "000001".toCharArray())).isInstanceOf(SignInException.class).hasMessageStartingWith("Wrong PIN. 4 tries");
            VisitChart signed = f.charts.signWithPin(draft.visit().id(), draft.visit().version(), "481592".toCharArray());
            assertThat(signed.visit().signed()).isTrue();
            assertThat(AuditLog.withAction(f.clinic.db, Audit.SIGN)).singleElement();
            long failures = f.clinic.db.read(c -> org.needlepoint.store.Sql.count(c,
                    "SELECT pin_failures FROM app_user WHERE username_key = 'injector'"));
            assertThat(failures).as("reset on success").isZero();
        }
    }

    @Test
    void aPinIsRefusedWhenTheClinicRequiresThePassword(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            f.clinic.services.auth().setSigningPin(PW, "481592".toCharArray(), "481592".toCharArray());
            f.clinic.signIn("admin");
            f.clinic.services.clinic().setSigningPasswordRequired(true);
            f.clinic.signIn("injector");
            assertThat(f.clinic.services.auth().signingMethod()).isEqualTo(SigningMethod.PASSWORD);
            VisitChart draft = f.drafted(f.glabella());
            assertThatThrownBy(() -> f.charts.signWithPin(draft.visit().id(), draft.visit().version(),
                    "481592".toCharArray())).isInstanceOf(SignInException.class)
                    .hasMessageContaining("full password");
            assertThat(f.charts.openVisit(draft.visit().id()).visit().signed()).isFalse();
            assertThat(f.charts.sign(draft.visit().id(), draft.visit().version(), PW).visit().signed()).isTrue();
        }
    }

    @Test
    void fiveWrongPinsLockUntilThePasswordIsGiven(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            AuthService auth = f.clinic.services.auth();
            auth.setSigningPin(PW, "481592".toCharArray(), "481592".toCharArray());
            VisitChart draft = f.drafted(f.glabella());
            for (int i = 1; i <= 4; i++) {
                assertThatThrownBy(() -> f.charts.signWithPin(draft.visit().id(), draft.visit().version(),
                        "111112".toCharArray())).isInstanceOf(SignInException.class)
                        .isNotInstanceOf(PinLockedException.class);
            }
            assertThatThrownBy(() -> f.charts.signWithPin(draft.visit().id(), draft.visit().version(),
                    "111112".toCharArray())).isInstanceOf(PinLockedException.class).hasMessageContaining("locked");
            assertThatThrownBy(() -> f.charts.signWithPin(draft.visit().id(), draft.visit().version(),
                    "481592".toCharArray())).as("even the right PIN, until the password").isInstanceOf(PinLockedException.class);
            assertThat(AuditLog.withAction(f.clinic.db, Audit.LOCKED_OUT)).singleElement()
                    .satisfies(a -> assertThat(a.summary()).contains("5 wrong signing PINs"));
            auth.unlock(PW);
            assertThat(f.charts.signWithPin(draft.visit().id(), draft.visit().version(), "481592".toCharArray())
                    .visit().signed()).isTrue();
        }
    }

    @Test
    void eachPersonKeepsTheirTheme(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            AuthService auth = f.clinic.services.auth();
            assertThat(auth.theme()).isEqualTo(Theme.LIGHT);
            auth.setTheme(Theme.DARK);
            assertThat(auth.theme()).isEqualTo(Theme.DARK);
            f.clinic.signIn("desk");
            assertThat(auth.theme()).as("another person's own choice").isEqualTo(Theme.LIGHT);
            f.clinic.signIn("injector");
            assertThat(auth.theme()).isEqualTo(Theme.DARK);
        }
    }
}
