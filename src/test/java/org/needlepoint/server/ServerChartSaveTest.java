package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.cli.Bench;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.store.Sql;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;

/**
 * A joined PC's chart save, which the clinic server runs in one call ({@code NP_SAVE_DRAFT}; {@code serve} in a
 * child JVM, TLS on loopback, two joined PCs): what it saves is what the other PC reads, it is audited and counted
 * as a commit, and every refusal (a stale version, a rule of the chart, an account that does not chart, a text
 * that is not a draft) comes back as the embedded save throws it, with nothing saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerChartSaveTest {
    ServerProcess server;
    Database roomA;
    Database roomB;
    Services a;
    Services b;
    Product toxin;
    Product filler;
    List<InjectionPoint> points;

    @BeforeAll
    void serve(@TempDir Path dir) throws Exception {
        server = ServerProcess.serveTestClinic(dir.resolve("server"));
        server.join(dir.resolve("room-a"), "Room A");
        server.join(dir.resolve("room-b"), "Room B");
        roomA = Database.openFolder(dir.resolve("room-a"));
        roomB = Database.openFolder(dir.resolve("room-b"));
        a = new Services(roomA, Clock.systemDefaultZone(), new PasswordHasher(1_000));
        b = new Services(roomB, Clock.systemDefaultZone(), new PasswordHasher(1_000));
        a.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
        b.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
        toxin = Bench.product(a.charts(), "Botox Cosmetic 100 U");
        filler = Bench.product(a.charts(), "HA filler 1 mL (lidocaine)");
        Lot toxinLot = Bench.receive(a, toxin, "BXWIRE", a.charts().today().plusYears(1), 5);
        Lot fillerLot = Bench.receive(a, filler, "HAWIRE", a.charts().today().plusYears(1), 5);
        points = Bench.chartPoints(toxin, toxinLot, filler, fillerLot);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {roomA, roomB, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private VisitChart newDraft(String last) {
        Patient p = a.patients().create(TestClinic.patient("Wire", last, "1979-05-06", "555" + (4_000_000
                + Math.abs(last.hashCode() % 999_999))), true);
        return a.charts().startVisit(p.id());
    }

    private ChartDraft answered(VisitChart chart, List<InjectionPoint> pts, String notes) {
        List<ScreeningEntry> screening = a.charts().screening(chart.visit().patientId(),
                List.of(toxin.id(), filler.id()), chart.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        return new ChartDraft(notes, pts, screening, true, false);
    }

    private long commits(Database db) {
        return db.read(c -> Sql.count(c, "SELECT counter FROM commit_seal WHERE id = 1"));
    }

    @Test
    void whatOnePcSavesIsWhatTheOtherReadsAuditedAsItsInjectorAndCountedAsACommit() {
        VisitChart chart = newDraft("Saved");
        long before = commits(roomB);
        VisitChart saved = a.charts().saveDraft(chart.visit(), answered(chart, points, "Through the server: 12:3 ~"));
        assertThat(commits(roomB)).as("one commit counted for the save").isEqualTo(before + 1);
        assertThat(saved.visit().version()).isEqualTo(chart.visit().version() + 1);
        assertThat(saved.points()).hasSize(60);

        VisitChart read = b.charts().openVisit(chart.visit().id());
        assertThat(read.visit()).isEqualTo(saved.visit());
        assertThat(read.points()).isEqualTo(saved.points());
        assertThat(read.screening()).isEqualTo(saved.screening());
        assertThat(read.visit().notes()).isEqualTo("Through the server: 12:3 ~");

        AuditEntry last = AuditLog.withAction(roomB, "UPDATE").stream()
                .filter(e -> Long.valueOf(chart.visit().id()).equals(e.recordId())).reduce((x, y) -> y).orElseThrow();
        assertThat(last.username()).isEqualTo("injector");
        assertThat(last.patientId()).isEqualTo(chart.visit().patientId());
        assertThat(last.summary()).startsWith("saved the draft visit of").contains("Botox");

        // the same draft again writes nothing: no version, no audit row
        int audited = AuditLog.entries(roomB).size();
        VisitChart again = a.charts().saveDraft(saved.visit(), ChartDraft.of(saved));
        assertThat(again.visit().version()).isEqualTo(saved.visit().version());
        assertThat(AuditLog.entries(roomB)).hasSize(audited);
    }

    @Test
    void theSecondOfTwoPcsSavingTheSameDraftIsToldWhoSavedFirstAndNothingOfItsIsWritten() {
        VisitChart chart = newDraft("Conflict");
        VisitChart first = a.charts().saveDraft(chart.visit(), answered(chart, points, "Room A's"));
        List<InjectionPoint> other = new ArrayList<>(points);
        other.set(0, other.get(0).withAmount(other.get(0).amount().add(BigDecimal.ONE)));
        assertThatThrownBy(() -> b.charts().saveDraft(chart.visit(), answered(chart, other, "Room B's")))
                .isInstanceOf(StaleRecordException.class).hasMessageContaining("Ivy Injector");
        VisitChart read = a.charts().openVisit(chart.visit().id());
        assertThat(read.visit().notes()).isEqualTo("Room A's");
        assertThat(read.visit().version()).isEqualTo(first.visit().version());
        assertThat(read.points()).isEqualTo(first.points());
    }

    @Test
    void aChartThatBreaksTheRulesIsRefusedFieldByFieldAsOnOnePcAndNothingIsSaved() {
        VisitChart chart = newDraft("Refused");
        VisitChart saved = a.charts().saveDraft(chart.visit(), answered(chart, points, "Kept."));
        List<InjectionPoint> off = new ArrayList<>(points);
        InjectionPoint p = off.get(0);
        off.set(0, new InjectionPoint(p.key(), p.view(), 0.001, 0.001, p.region(), p.side(), p.productId(), p.lotId(),
                p.vialId(), p.amount(), p.unit(), p.depth(), p.technique(), p.note(), null));
        ChartDraft bad = answered(saved, off, "x".repeat(ChartDraft.MAX_NOTES + 1));
        assertThatThrownBy(() -> a.charts().saveDraft(saved.visit(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("notes", "points." + p.key() + ".region")
                        .containsEntry("notes", "Clinical notes are at most " + ChartDraft.MAX_NOTES + " characters."));
        VisitChart read = b.charts().openVisit(chart.visit().id());
        assertThat(read.visit().version()).isEqualTo(saved.visit().version());
        assertThat(read.visit().notes()).isEqualTo("Kept.");
    }

    @Test
    void theServerRefusesASaveForAnAccountThatDoesNotChartAndATextThatIsNotADraft() {
        VisitChart chart = newDraft("Raw");
        VisitChart saved = a.charts().saveDraft(chart.visit(), answered(chart, points, "Before."));
        long desk = roomA.read(c -> Sql.count(c, "SELECT id FROM app_user WHERE username = 'desk'"));
        long injector = roomA.read(c -> Sql.count(c, "SELECT id FROM app_user WHERE username = 'injector'"));
        String empty = "~5:false5:false1:01:0"; // no notes, no consents, no points, no answers
        SQLException refused = call(desk, saved, empty);
        assertThat(refused.getSQLState()).isEqualTo("NP403");
        assertThat(refused.getMessage()).contains("Front desk accounts cannot chart visits");
        assertThat(call(injector, saved, "12:not a draft").getMessage()).contains("could not read the chart");
        VisitChart read = b.charts().openVisit(chart.visit().id());
        assertThat(read.visit().version()).isEqualTo(saved.visit().version());
        assertThat(read.points()).hasSize(60);
    }

    /** The server's function called by hand, on room A's connection (what a PC's own SQL could send): its error. */
    private SQLException call(long userId, VisitChart chart, String draft) {
        SQLException e = roomA.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("CALL NP_SAVE_DRAFT(?, ?, ?, ?)")) {
                ps.setLong(1, userId);
                ps.setLong(2, chart.visit().id());
                ps.setInt(3, chart.visit().version());
                ps.setString(4, draft);
                ps.execute();
                return null;
            } catch (SQLException refused) {
                return refused;
            }
        });
        assertThat((Throwable) e).as("the server refused the call").isNotNull();
        return e;
    }
}
