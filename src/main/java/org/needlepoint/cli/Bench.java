package org.needlepoint.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.needlepoint.app.Services;
import org.needlepoint.app.ShownReport;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.common.Text;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.Database;

/**
 * {@code bench}: patient search latency, GUI cold start and resident memory, on a synthetic clinic
 * built in a temp folder (deleted afterwards).
 *
 * <ol>
 * <li><b>Search.</b> N synthetic patients ({@link SeedDemo#patient}) are registered one by one
 * through {@link PatientService#create}, as the front desk would (duplicate check, search keys and
 * an audit row each). The store is then closed and reopened, and a mix of front-desk queries is
 * timed through {@link PatientService#search}: a warm-up round first, then R rounds.</li>
 * <li><b>Cold start.</b> Child JVMs (this JVM's java binary and class path, default JVM settings)
 * start the real app on the clinic and a {@link BareWindow}, alternately, R times each after one
 * untimed pair; each is timed from just before the process is started to the
 * {@link ShownReport} line it prints once its window is shown.</li>
 * <li><b>Memory.</b> A child JVM runs the real app on the clinic, driven by {@link BenchGui}: sign
 * in on the form, type a last-name prefix into the patient search, wait for the results. Its
 * VmRSS is then read from {@code /proc/<pid>/status}.</li>
 * </ol>
 * Child windows need a display: {@code DISPLAY} if set (e.g. under {@code xvfb-run -a}), else
 * headless Monocle when its jar is in the local Maven repository, else those parts are skipped.
 */
final class Bench {
    static final double SEARCH_P95_TARGET_MS = 20;
    static final double COLD_START_RATIO_TARGET = 1.5;
    static final double RSS_TARGET_MB = 300;
    private static final String ADMIN = "admin";
    private static final String MEMORY_QUERY = "bal";
    private static final int QUERIES_PER_KIND = 20;
    private static final int SAMPLES = 2_000;
    private static final long SEED = 42L;
    private static final long CHILD_TIMEOUT_S = 180;
    private static final String MONOCLE = "org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);

    private final PrintStream out;
    private final PrintStream err;

    Bench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(int patients, int runs) {
        out.println("== Needlepoint bench ==");
        out.println("machine: " + machine() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.runtime.version") + "; " + patients + " patients, " + runs + " runs"
                + loadAverage());
        long started = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("needlepoint-bench-");
        } catch (IOException e) {
            err.println("bench: cannot create a temp folder: " + e.getMessage());
            return 1;
        }
        try {
            Path data = dir.resolve("clinic");
            String password = password();
            List<Sample> samples = seed(data, patients, password);
            SearchFigures search = search(data, password, samples, runs);
            Display display = Display.detect();
            out.println();
            out.println("== Child windows: " + display.description + " ==");
            StartFigures start = display.usable ? coldStart(data, runs, display, dir) : null;
            MemoryFigures memory = display.usable ? memory(data, password, runs, display, dir) : null;
            summary(patients, runs, search, start, memory, display);
            out.printf(Locale.ROOT, "(bench took %.0f s)%n", seconds(started));
            return 0;
        } catch (BenchException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        } finally {
            deleteTree(dir);
        }
    }

    // ---------------------------------------------------------------- seeding

    /** A registered patient the queries are built from. */
    private record Sample(PatientDetails details, long chart) {
    }

    private List<Sample> seed(Path data, int patients, String password) {
        out.println();
        out.println("== Seeding " + patients + " synthetic patients through PatientService.create ==");
        long t0 = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        int every = Math.max(1, patients / SAMPLES);
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.clinic().setUp(new Clinic("Bench Aesthetics Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                    new UserDraft(ADMIN, "Bench Administrator", Role.ADMIN, null, null),
                    password.toCharArray(), password.toCharArray());
            s.auth().signIn(ADMIN, password.toCharArray());
            t0 = System.nanoTime();
            Random rnd = new Random(SEED);
            LocalDate today = s.patients().today();
            for (int i = 0; i < patients; i++) {
                PatientDetails d = SeedDemo.patient(rnd, today);
                Patient p = s.patients().create(d, true);
                if (i % every == 0) {
                    samples.add(new Sample(d, p.chartNumber()));
                }
                if ((i + 1) % 20_000 == 0 && i + 1 < patients) {
                    out.printf(Locale.ROOT, "  %d patients, %.0f s%n", i + 1, seconds(t0));
                }
            }
            s.auth().signOut();
        }
        out.printf(Locale.ROOT, "  %d patients in %.0f s (%.2f ms each)%n", patients, seconds(t0),
                (System.nanoTime() - t0) / 1e6 / patients);
        return samples;
    }

    // ---------------------------------------------------------------- search

    /** One kind of front-desk query: how to type it for a sample, and whether that sample must be in the first 100. */
    private record Kind(String name, Function<Sample, String> typed, boolean mustFind) {
    }

    private record SearchFigures(Map<String, double[]> byKind, double[] all, double[] roundP95, double medianRoundP95,
                                 int missed) {
    }

    private SearchFigures search(Path data, String password, List<Sample> samples, int runs) {
        out.println();
        out.println("== Patient search (PatientService.search, store reopened, 1 warm-up round + " + runs + " rounds of "
                + QUERIES_PER_KIND + " queries per kind) ==");
        Random rnd = new Random(7);
        List<Sample> accented = samples.stream().filter(x -> hasAccent(x.details())).toList();
        List<Kind> kinds = List.of(
                new Kind("last name, 1 letter", x -> caseOf(rnd, x.details().lastName().substring(0, 1)), false),
                new Kind("last name, 2 letters", x -> caseOf(rnd, x.details().lastName().substring(0, 2)), false),
                new Kind("last name, 3 letters", x -> caseOf(rnd, x.details().lastName().substring(0, 3)), false),
                new Kind("last name, 4 letters", x -> caseOf(rnd, x.details().lastName().substring(0, 4)), false),
                new Kind("last, first", x -> x.details().lastName() + ", " + x.details().firstName(), false),
                new Kind("first last", x -> x.details().firstName() + " " + x.details().lastName(), false),
                new Kind("phone, full", x -> phoneAsTyped(rnd, Text.phoneDigits(x.details().mobilePhone())), true),
                new Kind("phone, last 4", x -> last4(x.details().mobilePhone()), true),
                new Kind("phone, first 3-6 typed", x -> phoneStart(rnd, Text.phoneDigits(x.details().mobilePhone())), false),
                new Kind("birth date", x -> rnd.nextBoolean() ? US_DATE.format(x.details().birthDate())
                        : x.details().birthDate().toString(), true),
                new Kind("chart number", x -> Long.toString(x.chart()), true),
                new Kind("accented name", x -> accentedQuery(rnd, x.details()), false));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, long[]> kindRows = new LinkedHashMap<>();
        kinds.forEach(k -> {
            times.put(k.name(), new ArrayList<>());
            kindRows.put(k.name(), new long[1]);
        });
        List<Double> all = new ArrayList<>();
        double[] roundP95 = new double[runs];
        int missed = 0;
        long rows = 0;
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(ADMIN, password.toCharArray());
            PatientService patients = s.patients();
            for (int round = -1; round < runs; round++) {
                record Q(Kind kind, String text, Sample sample) {
                }
                List<Q> queries = new ArrayList<>();
                for (Kind k : kinds) {
                    for (int i = 0; i < QUERIES_PER_KIND; i++) {
                        List<Sample> from = k.name().equals("accented name") && !accented.isEmpty() ? accented : samples;
                        Sample x = from.get(rnd.nextInt(from.size()));
                        queries.add(new Q(k, k.typed().apply(x), x));
                    }
                }
                Collections.shuffle(queries, rnd);
                List<Double> thisRound = new ArrayList<>();
                for (Q q : queries) {
                    long t0 = System.nanoTime();
                    List<PatientSummary> found = patients.search(q.text());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (round < 0) {
                        continue;
                    }
                    rows += found.size();
                    kindRows.get(q.kind().name())[0] += found.size();
                    thisRound.add(ms);
                    times.get(q.kind().name()).add(ms);
                    if (q.kind().mustFind() && found.stream().noneMatch(p -> p.chartNumber() == q.sample().chart())) {
                        missed++;
                        err.println("  not found: \"" + q.text() + "\" (chart " + q.sample().chart() + ")");
                    }
                }
                if (round >= 0) {
                    all.addAll(thisRound);
                    roundP95[round] = percentile(sorted(thisRound), 95);
                }
            }
            s.auth().signOut();
        }
        Map<String, double[]> byKind = new LinkedHashMap<>();
        out.printf(Locale.ROOT, "  %-22s %8s %8s %8s %9s%n", "query kind", "p50 ms", "p95 ms", "max ms", "avg rows");
        for (var e : times.entrySet()) {
            double[] t = sorted(e.getValue());
            byKind.put(e.getKey(), t);
            out.printf(Locale.ROOT, "  %-22s %8.2f %8.2f %8.2f %9.1f%n", e.getKey(), percentile(t, 50), percentile(t, 95),
                    t[t.length - 1], kindRows.get(e.getKey())[0] / (double) t.length);
        }
        double[] a = sorted(all);
        out.printf(Locale.ROOT, "  %-22s %8.2f %8.2f %8.2f %9.1f%n", "all (" + a.length + " queries)", percentile(a, 50),
                percentile(a, 95), a[a.length - 1], rows / (double) a.length);
        double median = median(roundP95.clone());
        out.printf(Locale.ROOT, "  p95 of each round: %s ms; median %.2f ms%n", fmt(roundP95), median);
        if (missed > 0) {
            out.println("  " + missed + " exact queries did not find their patient (see above)");
        }
        return new SearchFigures(byKind, a, roundP95, median, missed);
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }

    private static boolean hasAccent(PatientDetails d) {
        return !isAscii(d.firstName()) || !isAscii(d.lastName());
    }

    /** An accented first or last name, typed with its accents or without them (as most keyboards do). */
    private static String accentedQuery(Random rnd, PatientDetails d) {
        String name = isAscii(d.firstName()) ? d.lastName() : d.firstName();
        return rnd.nextBoolean() ? name : Text.fold(name);
    }

    private static String caseOf(Random rnd, String s) {
        return rnd.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static String last4(String phone) {
        String d = Text.phoneDigits(phone);
        return d.substring(d.length() - 4);
    }

    /** The first 3 to 6 digits of a phone, as typed so far (search runs on every keystroke). */
    private static String phoneStart(Random rnd, String d) {
        String part = d.substring(0, 3 + rnd.nextInt(4));
        String area = part.substring(0, 3);
        String rest = part.substring(3);
        return switch (rnd.nextInt(3)) {
            case 0 -> part;
            case 1 -> "(" + area + (rest.isEmpty() ? "" : ") " + rest);
            default -> area + (rest.isEmpty() ? "" : "-" + rest);
        };
    }

    private static String phoneAsTyped(Random rnd, String d) {
        String a = d.substring(0, 3);
        String b = d.substring(3, 6);
        String c = d.substring(6);
        return switch (rnd.nextInt(5)) {
            case 0 -> "(" + a + ") " + b + "-" + c;
            case 1 -> a + "-" + b + "-" + c;
            case 2 -> d;
            case 3 -> "+1 " + a + " " + b + " " + c;
            default -> a + "." + b + "." + c;
        };
    }

    // ---------------------------------------------------------------- child JVMs

    /** How child windows get a screen. */
    private record Display(boolean usable, String description, List<String> jvmArgs, String extraClassPath) {
        static Display detect() {
            String x = System.getenv("DISPLAY");
            if (x != null && !x.isBlank()) {
                return new Display(true, "X display " + x + " (real GTK windows)", List.of(), null);
            }
            Path monocle = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(MONOCLE);
            if (Files.isRegularFile(monocle)) {
                return new Display(true, "no DISPLAY: headless Monocle, software rendering (for real windows run"
                        + " under xvfb-run -a)", List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32"), monocle.toString());
            }
            return new Display(false, "no display and no Monocle jar: cold start and memory skipped (run under"
                    + " xvfb-run -a)", List.of(), null);
        }
    }

    private static List<String> command(Display display, List<String> props, String mainClass, String... args) {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                cp.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        if (display.extraClassPath() != null) {
            cp.add(display.extraClassPath());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(display.jvmArgs());
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** A child JVM whose standard output lines are collected, with the time each arrived. */
    private static final class Child implements AutoCloseable {
        private record Line(String text, long nanos) {
        }

        final long started;
        final Process process;
        final Path log;
        private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

        Child(List<String> cmd, Path log) {
            this.log = log;
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
            try {
                started = System.nanoTime();
                process = pb.start();
            } catch (IOException e) {
                throw new BenchException("cannot start " + cmd.get(0) + ": " + e.getMessage());
            }
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(new Line(l, System.nanoTime()));
                    }
                } catch (IOException ignored) {
                    // the child went away
                }
            }, "bench-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for a line starting with {@code marker}; returns it with the milliseconds since the start. */
        Line await(String marker) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_S);
            try {
                while (System.nanoTime() < end) {
                    Line l = lines.poll(200, TimeUnit.MILLISECONDS);
                    if (l != null && l.text().startsWith(marker)) {
                        return l;
                    }
                    if (l == null && !process.isAlive() && lines.isEmpty()) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new BenchException("the child JVM did not print " + marker + "; its error output:\n" + tail(log));
        }

        double millis(Line l) {
            return (l.nanos() - started) / 1e6;
        }

        void awaitExit() {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    // ---------------------------------------------------------------- cold start

    private record StartFigures(double[] app, double[] bare, double appMedian, double bareMedian, double ratio) {
    }

    private StartFigures coldStart(Path data, int runs, Display display, Path dir) {
        out.println();
        out.println("== Cold start to a shown window (process start -> " + ShownReport.MARKER + "), 1 untimed pair + "
                + runs + " alternating runs each ==");
        List<String> props = List.of("-Dneedlepoint.reportShown=true", "-Dneedlepoint.exitWhenShown=true");
        List<String> app = command(display, props, "org.needlepoint.Main", "--data", data.toString());
        List<String> bare = command(display, props, BareWindow.class.getName());
        double[] appMs = new double[runs];
        double[] bareMs = new double[runs];
        startOnce(app, dir, "sign in");
        startOnce(bare, dir, null);
        for (int r = 0; r < runs; r++) {
            if (r % 2 == 0) {
                appMs[r] = startOnce(app, dir, "sign in");
                bareMs[r] = startOnce(bare, dir, null);
            } else {
                bareMs[r] = startOnce(bare, dir, null);
                appMs[r] = startOnce(app, dir, "sign in");
            }
        }
        double am = median(appMs.clone());
        double bm = median(bareMs.clone());
        out.println("  app to sign-in window, ms: " + fmt(appMs) + "; median " + round(am));
        out.println("  bare JavaFX window, ms:    " + fmt(bareMs) + "; median " + round(bm));
        out.printf(Locale.ROOT, "  ratio of medians: %.2fx%n", am / bm);
        return new StartFigures(appMs, bareMs, am, bm, am / bm);
    }

    private double startOnce(List<String> cmd, Path dir, String titleMustContain) {
        try (Child c = new Child(cmd, dir.resolve("child-start.log"))) {
            Child.Line shown = c.await(ShownReport.MARKER);
            double ms = c.millis(shown);
            if (titleMustContain != null && !shown.text().contains(titleMustContain)) {
                throw new BenchException("the app showed \"" + shown.text() + "\", not the sign-in window");
            }
            c.awaitExit();
            return ms;
        }
    }

    // ---------------------------------------------------------------- memory

    private record MemoryFigures(double[] rssMb, double medianMb, double[] peakMb, int rows) {
    }

    private MemoryFigures memory(Path data, String password, int runs, Display display, Path dir) {
        out.println();
        out.println("== Resident memory: the real app on this clinic, signed in, after searching \"" + MEMORY_QUERY
                + "\" (default JVM settings), " + runs + " runs ==");
        double[] rss = new double[runs];
        double[] peak = new double[runs];
        int rows = 0;
        for (int r = 0; r < runs; r++) {
            List<String> cmd = command(display, List.of(), BenchGui.class.getName(), data.toString(), ADMIN, MEMORY_QUERY);
            try (Child c = new Child(cmd, dir.resolve("child-memory.log"))) {
                OutputStream stdin = c.process.getOutputStream();
                stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                Child.Line done = c.await(BenchGui.MARKER);
                rows = Integer.parseInt(done.text().replaceAll(".*rows=(\\d+).*", "$1"));
                Map<String, Long> status = procStatus(c.process.pid());
                rss[r] = status.getOrDefault("VmRSS", -1L) / 1024.0;
                peak[r] = status.getOrDefault("VmHWM", -1L) / 1024.0;
                stdin.close();
                c.awaitExit();
            } catch (IOException e) {
                throw new BenchException("memory run failed: " + e.getMessage());
            }
        }
        double m = median(rss.clone());
        out.println("  VmRSS after the search, MB: " + fmt(rss) + "; median " + round(m) + "  (" + rows + " rows shown)");
        out.println("  VmHWM (peak RSS), MB:       " + fmt(peak) + "; median " + round(median(peak.clone())));
        return new MemoryFigures(rss, m, peak, rows);
    }

    private static Map<String, Long> procStatus(long pid) {
        Map<String, Long> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                String[] parts = line.split(":\\s*");
                if (parts.length == 2 && parts[1].endsWith(" kB")) {
                    m.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new BenchException("cannot read /proc/" + pid + "/status (memory is measured on Linux only): " + e.getMessage());
        }
        return m;
    }

    // ---------------------------------------------------------------- summary

    private void summary(int patients, int runs, SearchFigures search, StartFigures start, MemoryFigures memory,
                         Display display) {
        out.println();
        out.println("== Summary: " + patients + " patients, " + machine() + ", " + runs + " runs; child windows: "
                + display.description() + loadAverage() + " ==");
        out.printf(Locale.ROOT, "  %-44s %12s   %-12s %s%n", "measure", "measured", "target", "");
        line("search p95 (median of " + runs + " rounds' p95)", round(search.medianRoundP95()) + " ms", "<= 20 ms",
                search.medianRoundP95() <= SEARCH_P95_TARGET_MS && search.missed() == 0);
        if (start != null) {
            line("cold start, app / bare window (medians)", String.format(Locale.ROOT, "%.2fx", start.ratio()), "<= 1.5x",
                    start.ratio() <= COLD_START_RATIO_TARGET);
            out.printf(Locale.ROOT, "  %-44s %12s%n", "  app to sign-in window (median)", round(start.appMedian()) + " ms");
            out.printf(Locale.ROOT, "  %-44s %12s%n", "  bare JavaFX window (median)", round(start.bareMedian()) + " ms");
        } else {
            out.printf(Locale.ROOT, "  %-44s %12s%n", "cold start", "skipped");
        }
        if (memory != null) {
            line("resident memory after a search (median)", round(memory.medianMb()) + " MB", "<= 300 MB",
                    memory.medianMb() <= RSS_TARGET_MB);
        } else {
            out.printf(Locale.ROOT, "  %-44s %12s%n", "resident memory", "skipped");
        }
    }

    private void line(String what, String measured, String target, boolean pass) {
        out.printf(Locale.ROOT, "  %-44s %12s   %-12s %s%n", what, measured, target, pass ? "PASS" : "MISS");
    }

    // ---------------------------------------------------------------- helpers

    static double[] sorted(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Nearest-rank percentile of a sorted array. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String fmt(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(round(v));
        }
        return b.toString();
    }

    private static String round(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** "2 cores, 24 GB RAM": what the figures depend on (default JVM heap sizing follows the RAM). */
    private static String machine() {
        String cores = Runtime.getRuntime().availableProcessors() + " cores";
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return cores + String.format(Locale.ROOT, ", %.0f GiB RAM", os.getTotalMemorySize() / (double) (1L << 30));
        }
        return cores;
    }

    /** "; load average 0.42, 1.10, 0.95" where the OS tells (Linux): other work on a shared machine skews every figure. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "; load average " + f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String password() {
        SecureRandom r = new SecureRandom();
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no error output)";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp folder; the OS cleans up what is left
        }
    }

    /** A bench step that could not be measured. */
    static final class BenchException extends RuntimeException {
        BenchException(String message) {
            super(message);
        }
    }
}
