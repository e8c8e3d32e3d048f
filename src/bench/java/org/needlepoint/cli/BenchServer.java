package org.needlepoint.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.needlepoint.app.Services;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.server.JoinClient;
import org.needlepoint.store.Database;
import org.needlepoint.store.StaleRecordException;

/**
 * The clinic server against embedded, in one run (issue 12): a clinic of N patients (seeded in SQL
 * batches), patient search p95 and 60-point chart save p95 embedded, then through {@code serve}
 * (a child JVM) on loopback with TLS as a joined PC; then C clients saving charts at once for S
 * seconds (saves per second, p95, and a count proving no update was lost: every client's chart
 * holds exactly its saves, and a patient all of them update holds exactly the updates that
 * succeeded); and how soon another PC's change feed hears a save.
 *
 * <pre>
 * mvn -q package -DskipTests -DskipAppImage
 * java -cp target/needlepoint.jar:target/lib/*:target/test-classes org.needlepoint.cli.BenchServer \
 *      [--patients 100000] [--clients 8] [--seconds 60] [--bench-jvm as-started]
 * </pre>
 */
public final class BenchServer {
    private static final String ADMIN = "benchadmin";
    private static final int SEARCHES = 400;
    /** Searches before the timed ones, on each side. */
    private static final int WARM_UP = 2_000;
    /** Chart saves a round: {@link #SAVE_WARM_UP} saves not timed, then {@link #SAVE_ROUNDS} rounds. */
    private static final int SAVES = 100;
    /**
     * Chart saves before the timed ones, on each side: the save's code runs in the server's JVM when a PC joined, and
     * a JVM compiles it fully after several hundred saves (measured: the server's part of a save took 6.2, 4.2, 3.0
     * and 2.0 ms at the median in its first four hundreds). A clinic's server and PCs have run all day.
     */
    private static final int SAVE_WARM_UP = 1_500;
    private static final int SAVE_ROUNDS = 3;
    private final PrintStream out;

    private BenchServer(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        org.needlepoint.store.H2Settings.apply(); // as Main: the PCs' side here
        List<String> app = org.needlepoint.app.JvmOptions.list();
        if (!List.of(args).contains("--bench-jvm") && Collections.indexOfSubList(
                ManagementFactory.getRuntimeMXBean().getInputArguments(), app) < 0) {
            // the PCs run the app with its JVM options as the server does: the embedded side too (with a larger heap,
            // H2 keeps a larger page cache, and the embedded figures were a PC's that no clinic has)
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(app);
            for (String key : System.getProperties().stringPropertyNames()) { // bench.serverJfr and the like
                if (key.startsWith("bench.")) {
                    cmd.add("-D" + key + "=" + System.getProperty(key));
                }
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName()));
            cmd.addAll(List.of(args));
            System.out.println("bench: re-running in a JVM with the app's options (" + String.join(" ", app)
                    + "); --bench-jvm as-started measures in this one");
            System.exit(new ProcessBuilder(cmd).inheritIO().start().waitFor());
        }
        int patients = 100_000;
        int clients = 8;
        int seconds = 60;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--patients" -> patients = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--bench-jvm" -> {
                    if (!args[++i].equals("as-started")) {
                        throw new IllegalArgumentException("--bench-jvm takes as-started");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new BenchServer(System.out).run(patients, clients, seconds);
        System.exit(0);
    }

    private void run(int patients, int clients, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("np-bench-server");
        Path records = dir.resolve("records");
        String password = "bench-" + Long.toHexString(new Random().nextLong());
        out.println("== Clinic server against embedded: " + patients + " patients, " + clients + " clients for " + seconds
                + " s; load average " + loadAverage() + " ==");
        List<String> names = seed(records, patients, password);
        Figures embedded;
        try (Database db = Database.open(records)) {
            embedded = measure("embedded", db, password, names);
        }
        int port = freePortPair();
        Process server = serve(records, port, dir);
        try {
            String code = readCode(server);
            Path pc = dir.resolve("pc");
            new JoinClient(Clock.systemUTC()).join(pc, JoinClient.Address.parse("127.0.0.1:" + port), code, "Bench PC", null);
            Figures remote;
            try (Database db = Database.openFolder(pc)) {
                awaitStartBackup(db, password);
                remote = measure("server (TLS, loopback)", db, password, names);
            }
            out.printf(Locale.ROOT, "  ratio server/embedded: search p95 %.2f×, chart save p95 %.2f× (target: at most 2×)%n",
                    remote.searchP95 / embedded.searchP95, remote.saveP95 / embedded.saveP95);
            if (seconds > 0) { // --seconds 0: the single-PC figures only
                concurrent(pc, password, clients, seconds);
                changeLatency(pc, password);
            }
        } finally {
            server.toHandle().destroy();
            server.waitFor(10, TimeUnit.MINUTES);
        }
        out.println("  load average at the end " + loadAverage());
    }

    private record Figures(double searchP50, double searchP95, double saveP50, double saveP95) {
    }

    private List<String> seed(Path records, int patients, String password) {
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>();
        try (Database db = Database.open(records)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.clinic().setUp(new Clinic("Bench Aesthetics Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                    new UserDraft(ADMIN, "Bench Administrator", Role.ADMIN, null, null), password.toCharArray(),
                    password.toCharArray());
            db.bulkLoad(true);
            PatientStore store = new PatientStore();
            Random rnd = new Random(7);
            LocalDate today = LocalDate.now();
            // as bench seeds: the ordered indexes dropped during the load and built again after it, then checked
            List<BenchSeedStore.Index> indexes = db.read(BenchSeedStore::indexes);
            List<BenchSeedStore.Index> dropped = db.read(BenchSeedStore::dropForLoading);
            for (int done = 0; done < patients; ) {
                List<PatientDetails> batch = new ArrayList<>();
                for (int i = 0; i < 5_000 && done + i < patients; i++) {
                    PatientDetails d = SeedDemo.patient(rnd, today);
                    batch.add(d);
                    if (names.size() < 200 && rnd.nextInt(50) == 0) {
                        names.add(d.lastName());
                    }
                }
                db.tx(c -> store.insertAll(c, batch, Instant.now(), null));
                done += batch.size();
            }
            db.read(c -> {
                BenchSeedStore.rebuild(c, dropped, indexes);
                return null;
            });
            db.bulkLoad(false);
        }
        out.printf(Locale.ROOT, "  seeded %d patients in SQL batches in %.0f s%n", patients, (System.nanoTime() - t0) / 1e9);
        return names;
    }

    /**
     * Waits for the server's backup at its day's first start: it reads the whole database (minutes at a million
     * patients) and would be measured as the server's search time. A clinic's server made it hours before.
     */
    private void awaitStartBackup(Database db, String password) throws InterruptedException {
        Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
        s.auth().signIn(ADMIN, password.toCharArray());
        long t0 = System.nanoTime();
        while (s.backups().status().lastSuccess() == null) {
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(30)) {
                throw new IllegalStateException("the server's start-of-day backup did not finish within 30 minutes");
            }
            Thread.sleep(200);
        }
        out.printf(Locale.ROOT, "  the server's start-of-day backup took %.0f s (waited for: not measured)%n",
                (System.nanoTime() - t0) / 1e9);
        s.auth().signOut();
    }

    /** Search p50/p95 over a mix of typed prefixes and names, then 60-point chart saves, on {@code db}. */
    private Figures measure(String what, Database db, String password, List<String> names) {
        Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
        s.auth().signIn(ADMIN, password.toCharArray());
        List<String> queries = new ArrayList<>();
        Random rnd = new Random(11);
        for (int i = 0; i < SEARCHES; i++) {
            String name = names.get(rnd.nextInt(names.size()));
            queries.add(switch (i % 4) {
                case 0 -> name.substring(0, 1);
                case 1 -> name.substring(0, Math.min(3, name.length()));
                case 2 -> name;
                default -> "555" + (100 + rnd.nextInt(900));
            });
        }
        for (int i = 0; i < WARM_UP; i++) { // both sides alike: a clinic's server has run all day, its JIT warm
            s.patients().search(queries.get(i % queries.size()));
        }
        List<Double> search = new ArrayList<>();
        List<List<Double>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            s.patients().search(queries.get(i));
            double ms = (System.nanoTime() - t0) / 1e6;
            search.add(ms);
            byKind.get(i % 4).add(ms);
        }
        ChartRun chart = ChartRun.start(s);
        // the p95 of each round of saves and their median, as bench's chart part: a p95 of one short run is its
        // few slowest saves, and one collection of the heap on either side moves it
        double[] roundP50 = new double[SAVE_ROUNDS];
        double[] roundP95 = new double[SAVE_ROUNDS];
        for (int i = 0; i < SAVE_WARM_UP; i++) {
            chart.save();
        }
        for (int round = 0; round < SAVE_ROUNDS; round++) {
            List<Double> save = new ArrayList<>();
            for (int i = 0; i < SAVES; i++) {
                long t0 = System.nanoTime();
                chart.save();
                save.add((System.nanoTime() - t0) / 1e6);
            }
            double[] sa = Bench.sorted(save);
            roundP50[round] = Bench.percentile(sa, 50);
            roundP95[round] = Bench.percentile(sa, 95);
        }
        double[] se = Bench.sorted(search);
        Figures f = new Figures(Bench.percentile(se, 50), Bench.percentile(se, 95), Bench.median(roundP50.clone()),
                Bench.median(roundP95.clone()));
        out.printf(Locale.ROOT, "  %-24s search p50 %6.2f ms p95 %6.2f ms | 60-point chart save p50 %6.2f ms p95 %6.2f ms"
                + " (median of %d rounds of %d; p95 of each: %s)%n", what, f.searchP50, f.searchP95, f.saveP50, f.saveP95,
                SAVE_ROUNDS, SAVES, Bench.fmt(roundP95));
        String[] kinds = {"last name, 1 letter", "last name, 3 letters", "last name in full", "phone, first 6 digits"};
        for (int k = 0; k < kinds.length; k++) {
            double[] t = Bench.sorted(byKind.get(k));
            out.printf(Locale.ROOT, "    %-24s p50 %6.2f ms p95 %6.2f ms%n", kinds[k], Bench.percentile(t, 50),
                    Bench.percentile(t, 95));
        }
        s.auth().signOut();
        return f;
    }

    /** One patient's 60-point draft, saved again and again with one amount raised by 0.5 U each time. */
    private static final class ChartRun {
        private final ChartService charts;
        private final ChartDraft draft;
        private final List<InjectionPoint> points;
        private VisitChart chart;
        private int saves;

        private ChartRun(ChartService charts, ChartDraft draft, VisitChart chart) {
            this.charts = charts;
            this.draft = draft;
            this.points = new ArrayList<>(draft.points());
            this.chart = chart;
        }

        static ChartRun start(Services s) {
            ChartService charts = s.charts();
            LocalDate today = charts.today();
            Patient patient = s.patients().create(SeedDemo.patient(new Random(System.nanoTime()), today), true);
            Product toxin = Bench.product(charts, "Botox Cosmetic 100 U");
            Product filler = Bench.product(charts, "HA filler 1 mL (lidocaine)");
            String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
            Lot toxinLot = Bench.receive(s, toxin, "BX" + tag, today.plusYears(1), 500);
            Lot fillerLot = Bench.receive(s, filler, "HA" + tag, today.plusYears(1), 500);
            List<InjectionPoint> points = Bench.chartPoints(toxin, toxinLot, filler, fillerLot);
            VisitChart chart = charts.startVisit(patient.id());
            List<ScreeningEntry> screening = charts.screening(patient.id(), List.of(toxin.id(), filler.id()),
                    chart.screening()).stream()
                    .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
            ChartDraft draft = new ChartDraft("Bench chart.", points, screening, true, false);
            chart = charts.saveDraft(chart.visit(), draft);
            return new ChartRun(charts, draft, chart);
        }

        void save() {
            InjectionPoint p = points.get(0);
            points.set(0, p.withAmount(p.amount().add(new BigDecimal("0.5"))));
            chart = charts.saveDraft(chart.visit(), draft.withPoints(points));
            saves++;
        }

        /** The first point's amount as saved, and as it should be after {@link #saves} saves. */
        boolean holdsEverySave(BigDecimal start) {
            BigDecimal stored = charts.openVisit(chart.visit().id()).points().stream()
                    .filter(x -> x.key().equals(points.get(0).key())).findFirst().orElseThrow().amount();
            return stored.compareTo(start.add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(saves)))) == 0;
        }
    }

    private void concurrent(Path pc, String password, int clients, int seconds) throws Exception {
        // one patient every client updates (optimistic versions: a stale edit is refused, then retried)
        long shared;
        int firstVersion;
        try (Database db = Database.openFolder(pc)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.auth().signIn(ADMIN, password.toCharArray());
            Patient p = s.patients().create(SeedDemo.patient(new Random(3), LocalDate.now()), true);
            shared = p.id();
            firstVersion = p.version();
        }
        AtomicLong sharedUpdates = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> results = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Boolean> intact = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < clients; k++) {
            results.add(pool.submit(() -> {
                List<Double> times = new ArrayList<>();
                try (Database db = Database.openFolder(pc)) {
                    Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
                    s.auth().signIn(ADMIN, password.toCharArray());
                    ChartRun run = ChartRun.start(s);
                    BigDecimal start = run.points.get(0).amount();
                    int i = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        run.save();
                        times.add((System.nanoTime() - t0) / 1e6);
                        if (++i % 10 == 0) {
                            for (int attempt = 0; attempt < 20; attempt++) {
                                Patient p = s.patients().open(shared);
                                try {
                                    s.patients().update(p, p.details());
                                    sharedUpdates.incrementAndGet();
                                    break;
                                } catch (StaleRecordException stale) {
                                    conflicts.incrementAndGet();
                                }
                            }
                        }
                    }
                    intact.add(run.holdsEverySave(start));
                }
                return times;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        int sharedVersion;
        try (Database db = Database.openFolder(pc)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.auth().signIn(ADMIN, password.toCharArray());
            sharedVersion = s.patients().open(shared).version();
        }
        double[] t = Bench.sorted(all);
        out.printf(Locale.ROOT, "  %d clients saving 60-point charts for %d s: %d saves, %.1f saves/s, p50 %.1f ms, p95 %.1f ms%n",
                clients, seconds, all.size(), all.size() / (double) seconds, Bench.percentile(t, 50), Bench.percentile(t, 95));
        out.printf(Locale.ROOT, "  no lost update: %d of %d charts hold exactly their saves; the shared patient's version %d"
                        + " = %d + %d updates that succeeded (%d stale edits refused and retried): %s%n",
                intact.stream().filter(b -> b).count(), clients, sharedVersion, firstVersion, sharedUpdates.get(),
                conflicts.get(), !intact.contains(false) && sharedVersion == firstVersion + sharedUpdates.get() ? "yes" : "NO");
    }

    /**
     * From a save returning on one PC to another PC's change feed calling its screens (the feed's default
     * look every 0.5 s; the screen's own reload comes after): p50/p95 of 40 registrations.
     */
    private void changeLatency(Path pc, String password) throws Exception {
        try (Database a = Database.openFolder(pc); Database b = Database.openFolder(pc)) {
            Services sa = new Services(a, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            Services sb = new Services(b, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            sa.auth().signIn(ADMIN, password.toCharArray());
            java.util.concurrent.BlockingQueue<Long> heard = new java.util.concurrent.LinkedBlockingQueue<>();
            sb.changes().subscribe(java.util.Set.of(org.needlepoint.store.ChangeFeed.PATIENT),
                    () -> heard.add(System.nanoTime()));
            sb.changes().start();
            Thread.sleep(1500); // the feed's first look
            heard.clear();
            List<Double> latency = new ArrayList<>();
            Random rnd = new Random(5);
            for (int i = 0; i < 40; i++) {
                sa.patients().create(SeedDemo.patient(rnd, LocalDate.now()), true);
                long saved = System.nanoTime();
                Long at = heard.poll(10, TimeUnit.SECONDS);
                if (at == null) {
                    throw new IllegalStateException("the other PC's feed did not hear a change within 10 s");
                }
                latency.add((at - saved) / 1e6);
                Thread.sleep(100 + rnd.nextInt(400)); // saves at random moments against the feed's looks
                heard.clear();
            }
            sb.changes().close();
            double[] t = Bench.sorted(latency);
            out.printf(Locale.ROOT, "  change on one PC to another PC's screens: p50 %.0f ms, p95 %.0f ms (target: at most"
                    + " 3,000 ms)%n", Bench.percentile(t, 50), Bench.percentile(t, 95));
        }
    }

    private Process serve(Path records, int port, Path dir) throws IOException {
        // the installed server (the .deb's unit, Admin -> Clinic server) runs the server's launcher: the app's JVM
        // options, then a server's heap
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(org.needlepoint.app.JvmOptions.list());
        cmd.addAll(org.needlepoint.app.JvmOptions.server());
        // a flight recording of the server, to see where its time goes (bench.serverJfrSettings: a .jfc, else "profile")
        String jfr = System.getProperty("bench.serverJfr");
        if (jfr != null) {
            cmd.add("-XX:StartFlightRecording=filename=" + jfr + ",settings="
                    + System.getProperty("bench.serverJfrSettings", "profile"));
        }
        // more options for the server's JVM only, to try them (bench.serverJvmOptions: space-separated)
        String extra = System.getProperty("bench.serverJvmOptions", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.needlepoint.Main", "--data", records.toString(),
                "serve", "--bind", "127.0.0.1", "--port", Integer.toString(port)));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("server.err").toFile()).start();
    }

    private static String readCode(Process server) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String code = null;
        for (String l; (l = r.readLine()) != null; ) {
            if (l.startsWith("Join code:")) {
                code = l.substring("Join code:".length()).strip().split(" ")[0];
            } else if (l.startsWith("Backups:")) {
                return code;
            }
        }
        throw new IllegalStateException("the server did not start");
    }

    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(p + 1, 1, InetAddress.getLoopbackAddress())) {
                return p;
            } catch (IOException taken) {
                // another
            }
        }
        throw new IOException("no free ports");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
