package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;

/** The installer's AppCDS training run: a clinic to sign in to, then the real app worked headless. */
class CdsTrainingTest {
    @TempDir
    Path dir;

    @Test
    void seedsAClinicWhoseAdminSignsInAndWhoseSearchFindsPatients() {
        Path folder = dir.resolve("clinic");
        String query = CdsTraining.seed(folder, "training-password-1");

        try (Database db = Database.open(folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn("admin", "training-password-1".toCharArray());
            assertThat(query).hasSize(2);
            assertThat(s.patients().search(query)).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.lastName()).startsWithIgnoringCase(query));
        }
    }

    /** As the installer build runs it: a child JVM, headless Monocle, the app signed in and searched. */
    @Test
    void runsTheAppHeadlessToASearchAndExitsZero() throws Exception {
        Path folder = dir.resolve("training");
        Path log = dir.resolve("training.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32",
                "-cp", System.getProperty("java.class.path"), CdsTraining.class.getName(), folder.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = read(log);

        assertThat(ended).as("the training run ended; its output:%n%s", output).isTrue();
        assertThat(p.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).containsPattern(CdsTraining.MARKER + " rows=[1-9]");
        try (Database db = Database.open(folder)) {
            int patients = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM patient")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(patients).isEqualTo(CdsTraining.PATIENTS);
        }
    }

    @Test
    void refusesAFolderThatAlreadyHoldsAClinic() throws Exception {
        Path folder = dir.resolve("used");
        CdsTraining.seed(folder, "training-password-1");
        Path log = dir.resolve("again.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CdsTraining.class.getName(), folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(read(log)).isEqualTo(1);
        assertThat(read(log)).contains("CdsTraining failed").doesNotContain(CdsTraining.MARKER);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
