package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.backup.BackupProgress;
import org.needlepoint.backup.Restore;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.store.ServerUnreachableException;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;

/** The clinic server killed, restarted and stopped under a joined PC, for real (a child JVM, SIGKILL and SIGTERM). */
class ServerOutageTest {
    @TempDir
    Path dir;

    private static Services services(Database db) {
        return new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
    }

    @Test
    void killedAndRestartedTheServerLosesNoCommittedSaveAndThePcCarriesOnByItself() throws Exception {
        Path records = dir.resolve("server");
        try (ServerProcess server = ServerProcess.serveTestClinic(records)) {
            Path pc = dir.resolve("pc");
            server.join(pc, "Room 1");
            try (Database db = Database.openFolder(pc)) {
                Services s = services(db);
                s.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
                Patient saved = s.patients().create(TestClinic.patient("Before", "Kill", "1970-01-02", "5550103000"), true);
                // the injector in the room, charting on the same PC: a draft saved before the kill
                Services room = services(db);
                room.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
                VisitChart chart = room.charts().saveDraft(room.charts().startVisit(saved.id()).visit(),
                        new ChartDraft("Before the kill.", List.of(), List.of(), false, false));

                server.kill();
                ChartDraft typed = new ChartDraft("Typed while the server was down.", List.of(), List.of(), true, false);
                assertThatThrownBy(() -> room.charts().saveDraft(chart.visit(), typed))
                        .as("a chart's save (one statement the server runs) while the server is down")
                        .isInstanceOf(ServerUnreachableException.class).hasMessage(ServerUnreachableException.NOTHING_SAVED);
                assertThatThrownBy(() -> s.patients().create(TestClinic.patient("During", "Outage", "1970-01-03",
                        "5550103001"), true)).isInstanceOf(ServerUnreachableException.class)
                        .hasMessage(ServerUnreachableException.NOTHING_SAVED);
                assertThatThrownBy(() -> s.patients().search("Kill")).isInstanceOf(ServerUnreachableException.class)
                        .hasMessageContaining("not reachable");

                server.restart();
                // the same PC, the same session: the next save simply works
                Patient after = s.patients().create(TestClinic.patient("During", "Outage", "1970-01-03", "5550103001"),
                        true);
                assertThat(s.patients().open(saved.id()).details().lastName()).isEqualTo("Kill");
                assertThat(s.patients().open(after.id()).details().lastName()).isEqualTo("Outage");
                assertThat(s.patients().count()).isEqualTo(2); // nothing half-saved, nothing twice
                // the typing kept on the screen is saved once the server is back, over the version it was typed on
                VisitChart later = room.charts().saveDraft(chart.visit(), typed);
                assertThat(later.visit().version()).isEqualTo(chart.visit().version() + 1);
                assertThat(room.charts().openVisit(chart.visit().id()).visit().notes())
                        .isEqualTo("Typed while the server was down.");
            }
            assertThat(server.stop()).isZero();
        }
    }

    @Test
    void sigtermClosesCleanlyBacksUpAndExitsZeroAndASecondServerIsRefused() throws Exception {
        Path records = dir.resolve("server");
        try (TestClinic clinic = new TestClinic(records).withStaff()) {
            clinic.automaticBackups(true);
        }
        try (ServerProcess server = ServerProcess.start(records)) {
            String[] second = server.serveAgain();
            assertThat(second[0]).isEqualTo("1");
            assertThat(second[1]).contains("clinic server is running on the data folder");
            assertThat(server.stop()).isZero();
            assertThat(server.rest()).contains("The clinic server stopped.");
            assertThat(server.errors()).doesNotContain("WARNING").doesNotContain("SEVERE").doesNotContain("Exception");
        }
        List<Path> zips;
        try (Stream<Path> backups = Files.list(records.resolve("backups"))) {
            zips = backups.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        assertThat(zips).as("the day's first start and the stop each made a backup").hasSizeGreaterThanOrEqualTo(2);
        // a served clinic's backup holds the server's functions (NP_FLUSH, NP_SEARCH, NP_SAVE_DRAFT): it restores
        try (Restore.Verified v = Restore.verify(zips.get(zips.size() - 1), dir.resolve("restore-check"),
                d -> List.of(), BackupProgress.NONE)) {
            assertThat(v.integrity().ok()).isTrue();
        }
        // and the records open again as a whole, sealed: nothing was left half-written
        try (Database db = Database.open(records)) {
            assertThat(db.sealProblems()).isEmpty();
        }
    }
}
