package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.cli.SeedDemo;
import org.needlepoint.common.Text;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Cancellation;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.testing.RoundTripCounter;
import org.needlepoint.testing.ServerProcess;
import org.needlepoint.testing.TestClinic;

/**
 * How many times one patient search waits for the clinic server: {@code serve} in a child JVM on
 * loopback with TLS, a joined PC talking to it through a relay that counts round trips
 * ({@link RoundTripCounter}). Each round trip costs the network's latency twice over plus TLS, so
 * their number, not the server's work, is what makes a search slow on a LAN. Every kind of query the
 * front desk types is held to an upper bound (a change that adds round trips fails here), and finds
 * through the server exactly what it finds embedded, in the same order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchRoundTripsTest {
    static final int PATIENTS = 3_000;
    ServerProcess server;
    RoundTripCounter relay;
    Database db;
    PatientService patients;
    /** Each query of the mix: what it found embedded, and the count. */
    final Map<String, SearchPage> embedded = new LinkedHashMap<>();
    final Map<String, Long> embeddedCounts = new LinkedHashMap<>();

    /** The front desk's kinds of query, typed from registered patients (bench's mix and more). */
    final Map<String, String> queries = new LinkedHashMap<>();

    @BeforeAll
    void serve(@TempDir Path dir) throws Exception {
        Path records = dir.resolve("server");
        try (TestClinic clinic = new TestClinic(records).withStaff()) {
            clinic.automaticBackups(false);
            Random rnd = new Random(16);
            List<PatientDetails> batch = new ArrayList<>();
            for (int i = 0; i < PATIENTS; i++) {
                batch.add(SeedDemo.patient(rnd, clinic.services.patients().today()));
            }
            PatientStore store = new PatientStore();
            List<Long> charts = clinic.db.tx(c -> store.insertAll(c, batch, Instant.now(), null));
            PatientDetails a = batch.get(17);
            PatientDetails b = batch.get(1234);
            queries.put("one letter", a.lastName().substring(0, 1));
            queries.put("three letters", a.lastName().substring(0, 3));
            queries.put("a last name", b.lastName());
            queries.put("last, first", b.lastName() + ", " + b.firstName());
            queries.put("first last prefixes", b.firstName().substring(0, 2) + " " + b.lastName().substring(0, 2));
            queries.put("phone 555 + 3 digits", Text.phoneDigits(a.mobilePhone()).substring(0, 6));
            queries.put("phone's last 4", Text.phoneDigits(b.mobilePhone()).substring(6));
            queries.put("whole phone", b.mobilePhone());
            queries.put("birth date", b.birthDate().toString());
            queries.put("chart number", Long.toString(charts.get(99)));
            queries.put("nobody", "zzzqx");
            clinic.signIn("desk");
            PatientService local = clinic.services.patients();
            for (String text : queries.values()) {
                embedded.put(text, local.search(text, new Cancellation()));
                embeddedCounts.put(text, local.count(text, new Cancellation()));
            }
        }
        server = ServerProcess.start(records);
        ClinicLink link = server.join(dir.resolve("joined"), "Front desk");
        relay = RoundTripCounter.start("127.0.0.1", server.port);
        db = Database.openFolder(relay.relayed(link, dir.resolve("pc")));
        Services services = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
        services.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        patients = services.patients();
        for (String text : queries.values()) {
            patients.search(text, new Cancellation()); // the pool's connections opened, TLS shaken hands
        }
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

    /** Round trips of one search (the first 100 rows) of each kind, and of the count the screen asks for next. */
    record Trips(long search, long count) {
    }

    Map<String, Trips> measure() {
        Map<String, Trips> trips = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long t0 = relay.trips();
            SearchPage page = patients.search(q.getValue(), new Cancellation());
            long t1 = relay.trips();
            long count = patients.count(q.getValue(), new Cancellation());
            long t2 = relay.trips();
            assertThat(page).as("\"%s\" through the server", q.getValue()).isEqualTo(embedded.get(q.getValue()));
            assertThat(count).as("count of \"%s\" through the server", q.getValue())
                    .isEqualTo(embeddedCounts.get(q.getValue()));
            trips.put(q.getKey(), new Trips(t1 - t0, t2 - t1));
        }
        return trips;
    }

    /**
     * The most round trips each kind may take. A search is one call the server runs (NP_SEARCH, {@link ServerSearch}):
     * one round trip, two when H2's client prepares the call again now and then (a statement that many statements and
     * results old, which the server may have forgotten). A count runs its statements from the PC, each once (prepared
     * before on the connection, its page in one answer), plus those prepared again. Before (H2's pool, a prepare per
     * statement, 100 rows per answer) these searches took 7-12 round trips and their counts 5-10; with the search's
     * statements sent one by one, 4-8.
     */
    static final Map<String, Trips> AT_MOST = Map.ofEntries(
            Map.entry("one letter", new Trips(2, 3)),
            Map.entry("three letters", new Trips(2, 3)),
            Map.entry("a last name", new Trips(2, 3)),
            Map.entry("last, first", new Trips(2, 3)),
            Map.entry("first last prefixes", new Trips(2, 4)),
            Map.entry("phone 555 + 3 digits", new Trips(2, 5)),
            Map.entry("phone's last 4", new Trips(2, 5)),
            Map.entry("whole phone", new Trips(2, 5)),
            Map.entry("birth date", new Trips(2, 3)),
            Map.entry("chart number", new Trips(2, 5)),
            Map.entry("nobody", new Trips(2, 2)));

    @Test
    void eachKindOfSearchWaitsForTheServerAFewTimesAndFindsWhatItFindsEmbedded() {
        for (int round = 0; round < 3; round++) {
            Map<String, Trips> trips = measure();
            trips.forEach((kind, t) -> System.out.printf(Locale.ROOT, "round trips %-22s \"%s\": search %d, count %d%n",
                    kind, queries.get(kind), t.search(), t.count()));
            trips.forEach((kind, t) -> {
                assertThat(t.search()).as("round trips of a search by %s", kind).isLessThanOrEqualTo(AT_MOST.get(kind).search());
                assertThat(t.count()).as("round trips of a count by %s", kind).isLessThanOrEqualTo(AT_MOST.get(kind).count());
            });
        }
    }
}
