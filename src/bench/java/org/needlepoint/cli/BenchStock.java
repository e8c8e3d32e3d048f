package org.needlepoint.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.needlepoint.app.Services;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.InventoryService;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ReceiptDraft;
import org.needlepoint.inventory.ReceiveResult;
import org.needlepoint.inventory.RecallList;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.Database;
import org.needlepoint.store.Sql;

/**
 * bench's stock parts. <b>recall</b>: a clinic of N patients with 10 charted points each (1,000,000 at
 * the default 100,000) in visits of 5 points over two years, each visit from the lot of its product
 * in use at the time (1,000 lots in all, about 1,000 points and 200 patients each), is built by
 * batched SQL ({@link BenchRecallStore}); then {@link InventoryService#recallList} (one read of every point,
 * visit and patient of the lot, and its audit row) is timed for 100 different lots per round, a
 * warm-up round and R rounds. <b>receive</b>: {@link InventoryService#receive} of a scanned pack (a
 * {@link Gs1Code} with GTIN, lot, expiry and serial) to a saved lot, a receipt, a ledger entry and an
 * audit row, 100 per round, a warm-up round and R rounds, on the same clinic when recall ran.
 */
final class BenchStock {
    static final double RECALL_P95_TARGET_MS = 50;
    static final double RECEIVE_P95_TARGET_MS = 50;
    static final int LOTS = 1_000;
    static final int POINTS_PER_PATIENT = 10;
    static final int POINTS_PER_VISIT = 5;
    static final int LISTS_PER_ROUND = 100;
    static final int RECEIPTS_PER_ROUND = 100;
    private static final long SEED = 4242L;

    /** {@code cpu}: the thread CPU time of each list, sorted: the work itself, whatever else the machine runs. */
    record RecallFigures(double[] all, double[] roundP95, double medianRoundP95, double avgPatients, double avgPoints,
                         int patients, int points, int lots, double[] cpu) {
    }

    record ReceiveFigures(double[] all, double[] roundP95, double medianRoundP95) {
    }

    private final PrintStream out;

    BenchStock(PrintStream out) {
        this.out = out;
    }

    /** Builds the recall clinic in {@code data} (set up, with its administrator); returns the points made. */
    int seed(Path data, int patients) {
        out.println();
        out.println("== Recall clinic: " + patients + " patients, " + (long) patients * POINTS_PER_PATIENT
                + " charted points in visits of " + POINTS_PER_VISIT + " from " + LOTS + " lots, by batched SQL ==");
        long t0 = System.nanoTime();
        BenchRecallStore store = new BenchRecallStore();
        Random rnd = new Random(SEED);
        try (Database db = Database.open(data)) {
            Instant now = Instant.now();
            LocalDate today = LocalDate.now();
            int[] made = db.tx(c -> {
                long admin = Sql.count(c, "SELECT MIN(id) FROM app_user");
                List<Long> ids = store.patients(c, patients, rnd, today, now);
                out.printf(Locale.ROOT, "  %d patients (%.0f s)%n", ids.size(), Bench.seconds(t0));
                List<long[]> lots = store.lots(c, LOTS, store.products(c), today, now, admin);
                int visits = store.visits(c, ids, lots, patients * POINTS_PER_PATIENT, POINTS_PER_VISIT, rnd, now, admin);
                return new int[] {visits, ids.size()};
            });
            long points = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM injection_point"));
            out.printf(Locale.ROOT, "  %d visits, %d points, %d lots in %.0f s%n", made[0], points, LOTS,
                    Bench.seconds(t0));
            String plan = db.read(c -> store.recallPlan(c, Sql.count(c, "SELECT MIN(id) FROM lot")));
            out.println("  recall query plan: " + plan.replaceAll("\\s+", " "));
            return (int) points;
        }
    }

    RecallFigures recall(Path data, String admin, String password, int runs) {
        out.println();
        out.println("== Recall list (InventoryService.recallList of " + LISTS_PER_ROUND + " different lots per round,"
                + " store reopened, 1 warm-up round + " + runs + " rounds) ==");
        List<Double> all = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] roundP95 = new double[runs];
        long patientsListed = 0;
        long pointsListed = 0;
        int lists = 0;
        int patients;
        int points;
        List<Long> lotIds = new ArrayList<>();
        try (Database db = Database.open(data)) {
            patients = db.read(c -> (int) Sql.count(c, "SELECT COUNT(*) FROM patient"));
            points = db.read(c -> (int) Sql.count(c, "SELECT COUNT(*) FROM injection_point"));
            db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id FROM lot ORDER BY id")) {
                    while (rs.next()) {
                        lotIds.add(rs.getLong(1));
                    }
                }
                return null;
            });
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(admin, password.toCharArray());
            InventoryService inventory = s.inventory();
            Random rnd = new Random(SEED + 1);
            for (int round = -1; round < runs; round++) {
                List<Long> chosen = new ArrayList<>(lotIds);
                Collections.shuffle(chosen, rnd);
                List<Double> times = new ArrayList<>();
                for (Long lotId : chosen.subList(0, Math.min(LISTS_PER_ROUND, chosen.size()))) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    RecallList list = inventory.recallList(lotId);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                    if (round >= 0) {
                        times.add(ms);
                        cpu.add(cpuMs);
                        patientsListed += list.patients().size();
                        pointsListed += list.points();
                        lists++;
                    }
                }
                if (round >= 0) {
                    all.addAll(times);
                    double[] t = Bench.sorted(times);
                    roundP95[round] = Bench.percentile(t, 95);
                    out.printf(Locale.ROOT, "  round %d: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", round + 1,
                            Bench.percentile(t, 50), roundP95[round], t[t.length - 1]);
                }
            }
            s.auth().signOut();
        }
        if (pointsListed == 0) {
            throw new Bench.BenchException("the recall lists found no points: the clinic was not charted");
        }
        double[] a = Bench.sorted(all);
        double[] cpuSorted = Bench.sorted(cpu);
        RecallFigures f = new RecallFigures(a, roundP95, Bench.median(roundP95.clone()), patientsListed / (double) lists,
                pointsListed / (double) lists, patients, points, lotIds.size(), cpuSorted);
        out.printf(Locale.ROOT, "  all %d lists: p50 %.2f ms, p95 %.2f ms, max %.2f ms; %.0f patients and %.0f points"
                        + " per list on average%n", a.length, Bench.percentile(a, 50), Bench.percentile(a, 95),
                a[a.length - 1], f.avgPatients(), f.avgPoints());
        out.printf(Locale.ROOT, "  CPU time of this thread per list: p50 %.2f ms, p95 %.2f ms (wall time above this is"
                + " waiting: other processes, GC, I/O)%n", Bench.percentile(cpuSorted, 50), Bench.percentile(cpuSorted, 95));
        return f;
    }

    ReceiveFigures receive(Path data, String admin, String password, int runs) {
        out.println();
        out.println("== Receive a scanned pack (InventoryService.receive of a Gs1Code: a new lot, its receipt, ledger entry"
                + " and audit row), 1 warm-up round + " + runs + " rounds of " + RECEIPTS_PER_ROUND + " ==");
        List<Double> all = new ArrayList<>();
        double[] roundP95 = new double[runs];
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(admin, password.toCharArray());
            InventoryService inventory = s.inventory();
            List<Product> products = inventory.products();
            LocalDate today = inventory.today();
            Random rnd = new Random(SEED + 2);
            int n = 0;
            for (int round = -1; round < runs; round++) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < RECEIPTS_PER_ROUND; i++, n++) {
                    Product p = products.get(rnd.nextInt(products.size()));
                    Gs1Code code = new Gs1Code(p.gtins().get(0), today.plusDays(200 + rnd.nextInt(500)),
                            String.format("RB%06d", n), String.format("SN%08d", n), today.minusMonths(3));
                    int packs = 1 + rnd.nextInt(10);
                    long t0 = System.nanoTime();
                    ReceiveResult r = inventory.receive(ReceiptDraft.of(code, today).withQuantity(packs)
                            .withDelivery("Bench supply", "INV-" + n, today));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (r.lot().onHand() != packs || !r.newLot()) {
                        throw new Bench.BenchException("a received pack did not make a lot with its packs on hand");
                    }
                    if (round >= 0) {
                        times.add(ms);
                    }
                }
                if (round >= 0) {
                    all.addAll(times);
                    double[] t = Bench.sorted(times);
                    roundP95[round] = Bench.percentile(t, 95);
                    out.printf(Locale.ROOT, "  round %d: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", round + 1,
                            Bench.percentile(t, 50), roundP95[round], t[t.length - 1]);
                }
            }
            s.auth().signOut();
        }
        double[] a = Bench.sorted(all);
        out.printf(Locale.ROOT, "  all %d receipts: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", a.length,
                Bench.percentile(a, 50), Bench.percentile(a, 95), a[a.length - 1]);
        return new ReceiveFigures(a, roundP95, Bench.median(roundP95.clone()));
    }
}
