package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.patient.SearchPage;
import org.needlepoint.patient.SearchQuery;
import org.needlepoint.store.Cancellation;
import org.needlepoint.store.H2Settings;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.testing.RoundTripCounter;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.store.Seal;
import org.needlepoint.store.Sql;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;
import org.needlepoint.testing.TestClinic;

/**
 * How many times a joined PC's saves wait for the clinic server ({@code serve} in a child JVM, TLS on
 * loopback, a relay counting round trips): a 60-point chart and a new patient's registration write
 * dozens of rows (points; search keys and prefixes) in a few batches, each one round trip, and read only
 * what they need, each in one statement. Each round trip costs the network's latency twice over plus TLS:
 * a change that adds some fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaveRoundTripsTest {
    /**
     * A 60-point save that changes one amount: one statement, a call that the server runs ({@code NP_SAVE_DRAFT}: the
     * catalogue, the visit, its points and answers, the patient, the writes, the commit counter and the audit row,
     * on the server) with the commit and the server's flush after it. 1 measured; 2 where H2's client prepares the
     * statement again. It was 12 while the PC sent the save's statements one by one (13 while H2's client prepared two
     * of them again, 31-35 before lots and products were read in one statement each, and 23 while a save deleted and
     * inserted every point and answer).
     */
    static final long CHART_SAVE_AT_MOST = 2;
    /**
     * A registration: the duplicate check, the patient, its keys and prefixes, audit, the commit with the flush: 12
     * measured, 16 the first time (its statements prepared); 16 every time while the server kept 64 objects of a
     * connection (23-27 before, 19 with the feed numbered, the commit and the flush in statements of their own).
     */
    static final long REGISTRATION_AT_MOST = 18;

    ServerProcess server;
    Path records;
    RoundTripCounter relay;
    Database db;
    Services services;

    @BeforeAll
    void serve(@TempDir Path dir) throws Exception {
        records = dir.resolve("server");
        server = ServerProcess.serveTestClinic(records);
        ClinicLink link = server.join(dir.resolve("joined"), "Room 1");
        relay = RoundTripCounter.start("127.0.0.1", server.port);
        db = Database.openFolder(relay.relayed(link, dir.resolve("pc")));
        services = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
        services.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSixtyPointChartSaveAndARegistrationEachWaitForTheServerAFewTimesNotOncePerRow() throws Exception {
        Random rnd = new Random(12);
        Product toxin = Bench.product(services.charts(), "Botox Cosmetic 100 U");
        Product filler = Bench.product(services.charts(), "HA filler 1 mL (lidocaine)");
        Lot toxinLot = Bench.receive(services, toxin, "BXTRIPS", services.charts().today().plusYears(1), 5);
        Lot fillerLot = Bench.receive(services, filler, "HATRIPS", services.charts().today().plusYears(1), 5);
        List<InjectionPoint> points = new ArrayList<>(Bench.chartPoints(toxin, toxinLot, filler, fillerLot));
        assertThat(points).hasSize(60);

        for (int round = 0; round < 3; round++) {
            long t0 = relay.trips();
            Patient patient = services.patients().create(SeedDemo.patient(rnd, services.patients().today()), true);
            long registration = relay.trips() - t0;
            System.out.println("round trips of a registration: " + registration);
            assertThat(registration).as("round trips of a registration").isLessThanOrEqualTo(REGISTRATION_AT_MOST);
            assertThat(services.patients().search(patient.details().lastName() + ", " + patient.details().firstName()))
                    .as("the new patient is found by name through the server")
                    .anyMatch(p -> p.id() == patient.id());

            VisitChart chart = services.charts().startVisit(patient.id());
            List<ScreeningEntry> screening = services.charts().screening(patient.id(), List.of(toxin.id(), filler.id()),
                    chart.screening()).stream()
                    .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
            ChartDraft draft = new ChartDraft("Round trips.", points, screening, true, false);
            chart = services.charts().saveDraft(chart.visit(), draft);

            points.set(0, points.get(0).withAmount(points.get(0).amount().add(new BigDecimal("0.5"))));
            long t1 = relay.trips();
            chart = services.charts().saveDraft(chart.visit(), draft.withPoints(points));
            long save = relay.trips() - t1;
            System.out.println("round trips of a 60-point chart save: " + save);
            assertThat(save).as("round trips of a 60-point chart save").isLessThanOrEqualTo(CHART_SAVE_AT_MOST);
            // the save's commit was flushed on the server, asked in the same statement: the server seals it
            long committed = db.read(c -> Sql.count(c, "SELECT counter FROM commit_seal WHERE id = 1"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> Seal.read(records).map(Seal::counter).orElse(-1L) >= committed);
            VisitChart stored = services.charts().openVisit(chart.visit().id());
            assertThat(stored.points()).as("every point saved, in order, with the raised amount")
                    .extracting(p -> p.key() + " " + p.amount().stripTrailingZeros().toPlainString())
                    .containsExactlyElementsOf(points.stream()
                            .map(p -> p.key() + " " + p.amount().stripTrailingZeros().toPlainString()).toList());
        }
    }

    @Test
    void aSearchIsOneRoundTripAndFindsWhatTheSearchStatementByStatementFinds() throws Exception {
        List<PatientDetails> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) { // more than a page of the list (100) share the name's start
            String suffix = Character.toString('a' + i % 26) + Character.toString('a' + i / 26);
            many.add(TestClinic.patient("Ola" + suffix, "Quillfeather" + suffix, "1971-04-" + (10 + i % 19),
                    "555" + (2_000_000 + i * 37)));
        }
        many.add(TestClinic.patient("Ådne", "Quist-Ørsted", "1983-11-02", "5557001234"));
        PatientStore store = new PatientStore();
        db.tx(c -> store.insertAll(c, many, Instant.now(), null));
        long chart = services.patients().search("Quist").get(0).chartNumber();

        List<String> texts = List.of("Q", "Quil", "Quillfeatherab", "quillfeatherab, olaab", "olaab quillfeatherab", "Quist",
                "quist orsted", "Ådne", "555200", "5552000037", "(555) 200-0074", "0074", "1971-04-12", "1983-11-02",
                Long.toString(chart), "nobody at all");
        long all = 0;
        for (String text : texts) {
            long t0 = relay.trips();
            SearchPage page = services.patients().search(text, new Cancellation());
            long trips = relay.trips() - t0;
            all += trips;
            // one, or two where H2's client prepares the call again (now and then; see CHART_SAVE_AT_MOST)
            assertThat(trips).as("round trips of a search for \"" + text + "\"").isBetween(1L, 2L);
            SearchPage byStatements = db.read(c -> store.search(c, SearchQuery.parse(text), PatientService.SEARCH_LIMIT,
                    new Cancellation()));
            assertThat(page).as("the server's search for \"" + text + "\" finds what the statements find")
                    .isEqualTo(byStatements);
        }
        assertThat(all).as("round trips of " + texts.size() + " searches (a phone's digits took 3-6 each, names 2, when"
                + " the PC ran the search's statements one by one)").isLessThanOrEqualTo(texts.size() + 2);
        SearchPage broad = services.patients().search("Quill", new Cancellation());
        assertThat(broad.rows()).hasSize(PatientService.SEARCH_LIMIT);
        assertThat(broad.more()).as("more than a page match").isTrue();
        assertThat(services.patients().search("Quist", new Cancellation()).rows()).singleElement()
                .satisfies(p -> {
                    assertThat(p.firstName()).isEqualTo("Ådne");
                    assertThat(p.birthDate()).isEqualTo(LocalDate.of(1983, 11, 2));
                    assertThat(p.phone()).isEqualTo("5557001234");
                });
        long t0 = relay.trips();
        assertThat(services.patients().search("   ", new Cancellation()).rows()).isEmpty();
        assertThat(relay.trips() - t0).as("an empty search asks nothing").isZero();
    }

    @Test
    void theServerKeepsEveryStatementThePcCountsOnItKeeping() throws Exception {
        // the PC (here as Main sets it, by surefire's argLine) and the server (Main) agree on H2's setting
        assertThat(org.h2.engine.SysProperties.SERVER_CACHED_OBJECTS).isEqualTo(H2Settings.SERVER_CACHED_OBJECTS);
        // far more statements on one connection than the server keeps: each is run again later, and the PC's
        // client either finds it still kept on the server or prepares it again; a server keeping fewer than the
        // PC counts on (H2's 64) refuses the second run of the older ones
        int n = 3 * H2Settings.SERVER_CACHED_OBJECTS;
        long sum = db.read(c -> {
            List<PreparedStatement> all = new ArrayList<>();
            long total = 0;
            try {
                for (int i = 0; i < n; i++) {
                    PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS INT) + " + i);
                    all.add(ps);
                    ps.setInt(1, 1);
                    total += one(ps);
                }
                for (int i = n - 1; i >= 0; i--) { // the newest first: those the PC's client thinks still kept
                    total += one(all.get(i));
                }
            } finally {
                for (PreparedStatement ps : all) {
                    ps.close();
                }
            }
            return total;
        });
        assertThat(sum).isEqualTo(2L * n * (n + 1) / 2);
    }

    private static long one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
