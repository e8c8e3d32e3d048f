package org.needlepoint.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.backup.BackupArchive;
import org.needlepoint.backup.BackupFile;
import org.needlepoint.backup.BackupProgress;
import org.needlepoint.backup.BackupWriter;
import org.needlepoint.backup.Restore;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.MutableClock;
import org.needlepoint.testing.TestClinic;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Crash safety, with real process deaths: {@link CrashChild} runs the store in a child JVM and is
 * killed with SIGKILL ({@link ProcessHandle#destroyForcibly()}) at seeded random moments. After each
 * kill the same data folder is opened again: every save the child reported (it reports only once a
 * save has returned) must be there, and {@code check} must pass. The same for backups killed half
 * way: every backup that is listed is complete and verifies, and restore accepts the newest.
 */
class CrashSafetyTest {
    /** Seeded so a failure can be replayed; -Dcrash.seed=N tries other moments. */
    private static final long SEED = Long.getLong("crash.seed", 20261121L);
    private static final int SAVE_KILLS = 20;
    private static final int BACKUP_KILLS = 8;

    /**
     * The kills run in lanes side by side, each on a data folder of its own with its own seeded moments: a round
     * is mostly a child JVM starting and its saves waiting for the disk, so two lanes take little more than one.
     */
    private static final int LANES = 2;

    @TempDir
    Path dir;

    @Test
    void killingTheAppWhileItSavesLosesNoSaveItReported() throws Exception {
        List<Callable<SaveLane>> lanes = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int l = lane;
            lanes.add(() -> new SaveLane(dir.resolve("lane-" + l), new Random(SEED + 7919L * l), l * SAVE_KILLS / LANES,
                    (l + 1) * SAVE_KILLS / LANES).run());
        }
        int reported = 0;
        int signed = 0;
        for (SaveLane lane : inParallel(lanes)) {
            reported += lane.reported;
            signed += lane.signed.size();
        }
        assertThat(reported).as("saves reported over " + SAVE_KILLS + " kills").isGreaterThan(3 * SAVE_KILLS);
        assertThat(signed).isPositive();
    }

    /** Runs {@code work} at once, each on a thread of its own; returns their results in order, or the first failure. */
    private static <T> List<T> inParallel(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> w : work) {
                running.add(pool.submit(w));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : running) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw (Exception) e.getCause();
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Kill rounds {@code from} (inclusive) to {@code to} on one data folder, and what the children reported as saved. */
    private static final class SaveLane {
        private final Path dir;
        private final Path data;
        private final Random rnd;
        private final int from;
        private final int to;
        private final Map<Long, String> patients = new LinkedHashMap<>();
        private final Map<Long, int[]> charts = new LinkedHashMap<>();
        private final Map<Long, Integer> signed = new LinkedHashMap<>();
        private int reported;

        SaveLane(Path dir, Random rnd, int from, int to) {
            this.dir = dir;
            this.data = dir.resolve("data");
            this.rnd = rnd;
            this.from = from;
            this.to = to;
        }

        SaveLane run() throws Exception {
            Files.createDirectories(dir);
            try (TestClinic clinic = new TestClinic(data, Database.Durability.FLUSHED)) {
                clinic.withStaff();
            }
            for (int round = from; round < to; round++) {
                try (Child child = Child.start(dir, "saves", data.toString(), Integer.toString(round))) {
                    child.awaitReady();
                    int killAfter = 1 + rnd.nextInt(24);
                    for (int i = 0; i < killAfter; i++) {
                        String line = child.next();
                        if (line == null) {
                            throw new AssertionError("the child stopped by itself: " + child.errors());
                        }
                        reported += record(line);
                    }
                    spin(rnd.nextInt(4_000_000)); // somewhere inside the next save
                    for (String line : child.kill()) {
                        reported += record(line); // printed before it died: committed too
                    }
                }
                verifySaves(round);
            }
            return this;
        }

        /** Notes one reported save; returns 1 for a save, 0 for anything else (READY, a line cut by the kill). */
        private int record(String line) {
            String[] f = line.split(" ");
            if (!line.endsWith(" .")) {
                return 0;
            }
            switch (f[0]) {
                case "PATIENT" -> patients.put(Long.parseLong(f[1]), f[2]);
                case "CHART" -> charts.put(Long.parseLong(f[1]), new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                case "SIGNED" -> signed.put(Long.parseLong(f[1]), Integer.parseInt(f[2]));
                default -> {
                    return 0;
                }
            }
            return 1;
        }

        private void verifySaves(int round) throws Exception {
            try (Database db = Database.open(data)) {
                Integrity found = Integrity.of(db, checks(db));
                assertThat(found.problems()).as("check after kill " + (round + 1)).isEmpty();
                db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT last_name FROM patient WHERE chart_number = ?")) {
                        for (Map.Entry<Long, String> p : patients.entrySet()) {
                            ps.setLong(1, p.getKey());
                            try (ResultSet rs = ps.executeQuery()) {
                                assertThat(rs.next()).as("patient " + p.getKey() + " after kill " + (round + 1)).isTrue();
                                assertThat(rs.getString(1)).isEqualTo(p.getValue());
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("SELECT v.version, v.status, (SELECT COUNT(*) FROM"
                            + " injection_point ip WHERE ip.visit_id = v.id) FROM visit v WHERE v.id = ?")) {
                        for (Map.Entry<Long, int[]> v : charts.entrySet()) {
                            ps.setLong(1, v.getKey());
                            try (ResultSet rs = ps.executeQuery()) {
                                assertThat(rs.next()).as("visit " + v.getKey() + " after kill " + (round + 1)).isTrue();
                                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(v.getValue()[0]);
                                assertThat(rs.getInt(3)).as("points of visit " + v.getKey()).isEqualTo(v.getValue()[1]);
                                if (signed.containsKey(v.getKey())) {
                                    assertThat(rs.getString(2)).isEqualTo("SIGNED");
                                    assertThat(rs.getInt(1)).isEqualTo(signed.get(v.getKey()));
                                }
                            }
                        }
                    }
                    return null;
                });
            }
        }
    }

    @Test
    void aBackupKilledHalfWayLeavesNoPartialFileTakenForAGoodOneAndThePreviousBackupStaysGood() throws Exception {
        Path data = dir.resolve("data");
        Path usb = dir.resolve("usb");
        BackupFile first;
        try (TestClinic clinic = new TestClinic(data, Database.Durability.FLUSHED)) {
            clinic.withStaff();
            clinic.signIn("desk");
            for (int i = 0; i < 150; i++) {
                clinic.services.patients().create(TestClinic.patient("Kim", "Backup" + (char) ('a' + i % 26)
                        + (char) ('a' + i / 26), "1984-05-06", String.format("(555) 300-%04d", i)), true);
            }
            first = clinic.services.backups().backUpFromCommandLine(usb, BackupProgress.NONE);
        }
        Random rnd = new Random(SEED + 1);
        List<Path> done = new ArrayList<>();
        int cutShort = 0;
        for (int round = 0; round < BACKUP_KILLS; round++) {
            try (Child child = Child.start(dir, "backup", data.toString(), usb.toString())) {
                child.awaitReady();
                int killAfter = 1 + rnd.nextInt(14); // steps of about two backups
                String last = null;
                for (int i = 0; i < killAfter; i++) {
                    last = child.next();
                    if (last == null) {
                        throw new AssertionError("the child stopped by itself: " + child.errors());
                    }
                    if (last.startsWith("DONE ")) {
                        done.add(Path.of(last.substring(5)));
                    }
                }
                if (last != null && !last.startsWith("DONE ") && !last.equals("STEP done")) {
                    cutShort++;
                }
                spin(rnd.nextInt(2_000_000));
                for (String line : child.kill()) {
                    if (line.startsWith("DONE ")) {
                        done.add(Path.of(line.substring(5)));
                    }
                }
            }
            List<BackupFile> listed = BackupFile.list(usb);
            assertThat(listed).extracting(BackupFile::path).contains(first.path()).containsAll(done);
            for (BackupFile f : listed) {
                assertThat(BackupArchive.read(f.path(), null).count("patients")).as(f.name()).isEqualTo(150);
            }
            Restore.Verified v = Restore.verify(listed.get(0).path(), dir.resolve("check-" + round).resolve("data"),
                    CrashSafetyTest::checks, BackupProgress.NONE);
            v.close();
            assertThat(v.integrity().ok()).isTrue();
        }
        assertThat(cutShort).as("kills that landed inside a backup").isGreaterThanOrEqualTo(BACKUP_KILLS / 2);

        // The next backup clears what the killed ones left behind.
        try (TestClinic clinic = new TestClinic(data, Database.Durability.FLUSHED)) {
            clinic.services.backups().backUpFromCommandLine(usb, BackupProgress.NONE);
            assertThat(data.resolve(BackupWriter.WORK)).doesNotExist();
        }
        try (Stream<Path> files = Files.list(usb)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    private static List<RecordCheck> checks(Database db) {
        return new Services(db, MutableClock.morning(), new PasswordHasher(1_000)).checks();
    }

    /** Busy-waits {@code nanos}: the kill lands somewhere inside the child's next step, not on a line boundary. */
    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** A {@link CrashChild} JVM: its output lines, read as they come, and its stderr in a file. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Path errors;

        private Child(Process process, Path errors) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.errors = errors;
        }

        static Child start(Path dir, String... args) throws IOException {
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", cp, CrashChild.class.getName()));
            cmd.addAll(List.of(args));
            Path errors = Files.createTempFile(dir, "child", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
            p.getOutputStream().close();
            return new Child(p, errors);
        }

        void awaitReady() throws IOException {
            for (String l; (l = out.readLine()) != null; ) {
                if (l.equals("READY")) {
                    return;
                }
            }
            throw new AssertionError("the child did not start: " + errors());
        }

        String next() throws IOException {
            return out.readLine();
        }

        /**
         * SIGKILL; returns the lines it printed before it died that were not read yet. Through the
         * process handle: {@code Process.destroyForcibly()} sends the same signal but also closes
         * our end of the pipe, losing what the child wrote just before.
         */
        List<String> kill() throws Exception {
            process.toHandle().destroyForcibly();
            process.waitFor();
            List<String> rest = new ArrayList<>();
            for (String l; (l = out.readLine()) != null; ) {
                rest.add(l);
            }
            return rest;
        }

        String errors() {
            try {
                return Files.readString(errors);
            } catch (IOException e) {
                return "(no error output)";
            }
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor();
            }
            out.close();
        }
    }
}
