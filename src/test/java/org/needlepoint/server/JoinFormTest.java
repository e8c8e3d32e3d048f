package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;

/** The join form's rules without a window: what is refused before asking the server, and where each refusal shows. */
class JoinFormTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedFormIsRefusedFieldByFieldBeforeAnythingIsAskedOrWritten() {
        Path folder = dir.resolve("new-pc");
        JoinForm form = new JoinForm(folder, Clock.systemUTC());

        assertThatThrownBy(() -> form.join(" ", "7K3M-Q9TD", "  ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys(JoinForm.ADDRESS, JoinForm.CODE, JoinForm.NAME));
        assertThatThrownBy(() -> form.join("frontdesk:99999", "7K3M-Q9TD-XW2A", "Room 2"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .isEqualTo(Map.of(JoinForm.ADDRESS, "The port in frontdesk:99999 is not a port number (1 to 65534).")));
        assertThatThrownBy(() -> form.join("frontdesk", "", "x".repeat(JoinForm.NAME_MAX + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys(JoinForm.CODE, JoinForm.NAME));
        assertThat(folder).doesNotExist();
    }

    @Test
    void eachRefusalShowsWhereItHappened() {
        // the address: the server's name, its port, nobody answering, something else answering
        assertThat(JoinForm.fieldOf("The clinic server at frontdesk:9478 is not reachable. Check the address, that the"
                + " server is running (it shows a join code) and that this PC is on the clinic's network."))
                .isEqualTo(JoinForm.ADDRESS);
        assertThat(JoinForm.fieldOf("The clinic server's name frontdsk is not known on this network. Check the address,"
                + " or use the server's IP address.")).isEqualTo(JoinForm.ADDRESS);
        assertThat(JoinForm.fieldOf("The server at printer:9478 did not answer as a Needlepoint clinic server (no secure"
                + " connection): Unsupported or unrecognized SSL message")).isEqualTo(JoinForm.ADDRESS);
        // the code: the server's refusals
        assertThat(JoinForm.fieldOf("This join code is not one the clinic server made. Check the code, or make a new one"
                + " on the server.")).isEqualTo(JoinForm.CODE);
        assertThat(JoinForm.fieldOf("This join code was already used (by the PC \"Room 1\" at 09:12). Make a new one on"
                + " the server.")).isEqualTo(JoinForm.CODE);
        assertThat(JoinForm.fieldOf("This join code expired at 09:30 (codes last 15 minutes). Make a new one on the"
                + " server.")).isEqualTo(JoinForm.CODE);
        assertThat(JoinForm.fieldOf("Too many wrong join codes from this PC: wait a minute, then try again."))
                .isEqualTo(JoinForm.CODE);
        assertThat(JoinForm.fieldOf("Give this PC a name of 1 to 80 characters (for example \"Room 2\").")).isEqualTo(JoinForm.NAME);
        // the whole form: versions, the folder, a join cut short
        assertThat(JoinForm.fieldOf("This PC runs Needlepoint 1.2 and the clinic server runs Needlepoint 1.3. Install the"
                + " same version on both, then join.")).isNull();
        assertThat(JoinForm.fieldOf("The data folder /data is not empty: join from an empty folder.")).isNull();
        assertThat(JoinForm.fieldOf("The join was cut short (Connection reset). Try again.")).isNull();
    }

    @Test
    void theFingerprintIsShownInTwoLinesOfSixteenPairs() {
        String fp = String.join(":", java.util.Collections.nCopies(16, "AB")) + ":" + String.join(":",
                java.util.Collections.nCopies(16, "CD"));
        assertThat(JoinForm.forReading(fp)).isEqualTo(String.join(":", java.util.Collections.nCopies(16, "AB")) + ":\n"
                + String.join(":", java.util.Collections.nCopies(16, "CD")));
        assertThat(JoinForm.forReading("not a fingerprint")).isEqualTo("not a fingerprint");
    }
}
