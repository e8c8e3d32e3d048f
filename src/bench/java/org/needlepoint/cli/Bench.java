package org.needlepoint.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.needlepoint.app.JvmOptions;
import org.needlepoint.app.Services;
import org.needlepoint.app.ShownReport;
import org.needlepoint.backup.BackupFile;
import org.needlepoint.backup.BackupProgress;
import org.needlepoint.backup.Restore;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.DiagramGeometry;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Site;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.common.Text;
import org.needlepoint.followup.FollowUpService;
import org.needlepoint.followup.Worklist;
import org.needlepoint.followup.WorklistBenchmark;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.inventory.ReceiptDraft;
import org.needlepoint.inventory.Unit;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientService;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.patient.PatientSummary;
import org.needlepoint.patient.SearchBefore;
import org.needlepoint.patient.SearchPage;
import org.needlepoint.patient.SearchQuery;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.Cancellation;
import org.needlepoint.store.Database;

/**
 * The benchmark (not shipped: it lives in src/bench/java and is compiled with the tests; README,
 * "Performance", gives the command): patient search latency, GUI cold start, resident memory, chart save and reload,
 * site-map redraw, and backup and restore verification, on a synthetic clinic built in a temp
 * folder (deleted afterwards).
 *
 * <p>Search and chart run in this JVM; started without the app's JVM options ({@link JvmOptions}),
 * bench first re-runs itself in a child JVM that has them, so every figure is taken as the app
 * runs ({@code --bench-jvm as-started} measures in this JVM as it was started instead). Child
 * windows run with the app's options too, or with each of the sets given by {@code --jvm-options}
 * to compare them on the same clinic. {@code --only} runs some of the parts.
 *
 * <ol>
 * <li><b>Search.</b> N synthetic patients ({@link SeedDemo#patient}) are registered one by one
 * through {@link PatientService#create}, as the front desk would (duplicate check, search keys and
 * an audit row each), or above 100,000 (or with {@code --seed sql}) by batched SQL through
 * {@link PatientStore#insertAll}; the seeding is timed apart. The store is then closed and reopened,
 * and 12 kinds of front-desk query are timed through {@link PatientService#search} until the list is
 * read (wall and thread CPU time), then, when more than 100 match, the count of all matches that the
 * screen shows after the list: a warm-up round first, then R rounds. Each kind's p95 is marked
 * against the target (10 ms up to 100,000 patients, 20 ms above), beside the load average.</li>
 * <li><b>Cold start.</b> Child JVMs (this JVM's java binary and class path, the app's JVM options unless
 * {@code --jvm-options} says otherwise; the bare window gets the same options)
 * start the real app on the clinic and a {@link BareWindow}, alternately, R times each after one
 * untimed pair; each is timed from just before the process is started to the
 * {@link ShownReport} line it prints once its window is shown.</li>
 * <li><b>Memory.</b> A child JVM runs the real app on the clinic, driven by {@link BenchGui}: sign
 * in on the form, type a last-name prefix into the patient search, wait for the results. Its
 * VmRSS is then read from {@code /proc/<pid>/status}.</li>
 * <li><b>Chart.</b> Through {@link ChartService}: a 60-point draft visit is saved
 * ({@link ChartService#saveDraft}, one amount changed each time so that it really writes) and
 * reloaded ({@link ChartService#openVisit}), a warm-up round and then R rounds. Without search,
 * start or memory, on a fresh clinic with no other patients.</li>
 * <li><b>Redraw.</b> A child JVM with a display ({@link BenchRedraw}) runs
 * {@link org.needlepoint.chart.SiteMapBenchmark} for 300 points: an untimed round, then R rounds.</li>
 * <li><b>Worklist.</b> A clinic of its own with N patients and N/2 open follow-up tasks written in
 * batches ({@link WorklistBenchmark}); after reopening the store, the front desk's worklist is
 * loaded through {@link FollowUpService#frontDeskWorklist} for today and the next four days: a
 * warm-up round, then R rounds of 20 loads.</li>
 * <li><b>Book.</b> A clinic of its own with N patients and 2N appointments of 6 injectors written in
 * batches ({@link BenchBook}): booking through {@link org.needlepoint.schedule.AppointmentService#book}
 * and the week's read through {@link org.needlepoint.schedule.AppointmentService#week}.</li>
 * <li><b>Backup.</b> Through {@link org.needlepoint.backup.BackupService} on the seeded clinic: a
 * backup to a folder, then {@link Restore#verify} of that file; a warm-up round, then R rounds.</li>
 * <li><b>Installed</b> (only with {@code --only installed}, and with a display). Cold start of the
 * installer's app-image ({@link AppImage}: {@code --app-image DIR}, else the one the build leaves in
 * {@code target/installer/Needlepoint}) on the clinic: its launcher as installed (with its AppCDS
 * archive), and its runtime's java with the launcher's class path and JVM options with the archive,
 * without it (the runtime's own CDS archive of JDK classes) and with no CDS at all (what a
 * mismatched archive costs), beside a {@link BareWindow} in the same runtime (bench's own classes
 * appended to the launcher's class path) with and without the archive. One untimed round, then R
 * rounds, each variant once per round in a rotating order.</li>
 * </ol>
 * Child windows need a display: {@code DISPLAY} if set (e.g. under {@code xvfb-run -a}), else
 * headless Monocle when its jar is in the local Maven repository, else those parts are skipped.
 */
public final class Bench {
    static final String USAGE = """
            Usage: Bench [--patients N] [--runs R] [--only PARTS] [--seed service|sql] [--search-before yes|no]
                         [--jvm-options SETS] [--bench-jvm app|as-started] [--app-image DIR]

            Measures patient search, chart save and reload, cold start, memory, site-map redraw,
            the follow-up worklist, the recall list over N patients' 1,000,000 charted points,
            receiving a scanned pack, booking appointments and the appointment book's week over 2N
            appointments, backup, and photos (importing 50 12-megapixel JPEGs in the Photos tab, opening
            Compare, backing up 2,000 photos) on synthetic clinics in a temp folder; prints figures.

              --patients N        patients of the synthetic clinic (default 100000, at most 1000000)
              --seed HOW          service: register each patient through PatientService.create (the default up
                                  to 100000 patients); sql: PatientStore.insertAll in batches, no audit rows
                                  (the default above 100000)
              --search-before W   yes: also time the search as it was before V9 (SearchBefore) on the same
                                  queries, and count the queries whose lists differ
              --runs R            timed rounds of each part (default 5)
              --only PARTS        some of search,chart,start,memory,redraw,worklist,recall,receive,book,backup,
                                  photos (default all), or installed (the installer's app-image with and
                                  without its AppCDS archive beside a bare window; only when named)
              --jvm-options SETS  JVM options for the child JVMs: "app" (default), "none" or options;
                                  several sets separated by ";" are compared
              --bench-jvm W       app (default: re-run in a JVM with the app's options) or as-started
              --app-image DIR     the app-image --only installed measures (default: the one the build
                                  leaves in target/installer/Needlepoint), e.g. /opt/needlepoint
            """;
    static final double SEARCH_P95_TARGET_MS = 10;
    static final double SEARCH_P95_TARGET_LARGE_MS = 20;
    /** Up to this many patients bench registers them through the service, one call each; above, by batched SQL. */
    static final int SERVICE_SEEDING_UP_TO = 100_000;
    static final int SEED_BATCH = 10_000;
    static final double COLD_START_RATIO_TARGET = 1.5;
    static final double RSS_TARGET_MB = 300;
    static final double CHART_P95_TARGET_MS = 20;
    static final double WORKLIST_P95_TARGET_MS = 100;
    static final int WORKLIST_LOADS_PER_ROUND = 20;
    static final double FRAME_TARGET_MS = 16;
    static final int CHART_POINTS = 60;
    static final int CHART_SAVES_PER_ROUND = 100;
    static final int REDRAW_POINTS = 300;
    static final int REDRAW_FRAMES = 120;
    /** Changes of week a round in the week-view part. */
    static final int WEEK_CHANGES = 12;
    static final String ADMIN = "admin";
    private static final String MEMORY_QUERY = "bal";
    private static final int QUERIES_PER_KIND = 20;
    private static final int SAMPLES = 2_000;
    private static final long SEED = 42L;
    private static final long CHILD_TIMEOUT_S = 180;
    private static final String MONOCLE = "org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ENGLISH);
    /** Held so the logging configuration is not garbage-collected (as in {@link org.needlepoint.Main}). */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private final PrintStream out;
    private final PrintStream err;

    Bench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Run with the app's class path and bench's own classes: see README, "Performance". */
    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(new Bench(System.out, System.err).run(List.of(args)));
    }

    /** Parses the command line and runs; returns the exit code (2: a bad option, with a message). */
    int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Config config;
        try {
            config = Config.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return run(config);
    }

    /** The parts of the bench, in the order they run. */
    enum Part {
        SEARCH, CHART, START, MEMORY, REDRAW, WORKLIST, RECALL, RECEIVE, BOOK, BACKUP, PHOTOS, INSTALLED;

        /** "search,start": the parts named, case-insensitively; an unknown name is an error. */
        static Set<Part> parse(String csv) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (String name : csv.split(",")) {
                String n = name.strip().toUpperCase(Locale.ROOT);
                if (n.isEmpty()) {
                    continue;
                }
                try {
                    parts.add(Part.valueOf(n));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--only takes search, chart, start, memory, redraw, worklist, recall,"
                            + " receive, book, backup, photos; not " + name.strip() + ". It also takes installed (the installer's"
                            + " app-image, measured only when named).");
                }
            }
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("--only needs at least one part.");
            }
            return parts;
        }
    }

    /** A set of JVM options for the child JVMs, with the label bench prints for it. */
    record JvmSet(String label, List<String> options) {
        /**
         * "app" (the app's options), "none" (JVM defaults) or options separated by spaces; several
         * sets separated by ";".
         */
        static List<JvmSet> parse(String spec) {
            List<JvmSet> sets = new ArrayList<>();
            for (String part : spec.split(";")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (p.equals("app")) {
                    sets.add(app());
                } else if (p.equals("none")) {
                    sets.add(new JvmSet("JVM defaults", List.of()));
                } else {
                    List<String> opts = Arrays.asList(p.split("\\s+"));
                    if (!opts.stream().allMatch(o -> o.startsWith("-"))) {
                        throw new IllegalArgumentException("--jvm-options takes JVM options (each starting with -), not " + p + ".");
                    }
                    sets.add(new JvmSet(p, opts));
                }
            }
            if (sets.isEmpty()) {
                throw new IllegalArgumentException("--jvm-options needs \"app\", \"none\" or JVM options.");
            }
            return sets;
        }

        static JvmSet app() {
            List<String> opts = JvmOptions.list();
            return new JvmSet("app: " + String.join(" ", opts), opts);
        }
    }

    /**
     * What to run: {@code appImage} is the app-image {@code installed} measures (null: the one beside
     * the build); {@code args} are bench's own arguments, passed on when it re-runs itself.
     */
    record Config(int patients, int runs, Set<Part> parts, List<JvmSet> jvmSets, boolean asStarted, Path appImage,
                  List<String> args, Seeding seeding, boolean searchBefore) {
        static Config parse(List<String> args) {
            Options o = Options.parse(args, "--patients", "--runs", "--only", "--jvm-options", "--bench-jvm",
                    "--app-image", "--seed", "--search-before");
            String benchJvm = o.stringValue("--bench-jvm", "app");
            if (!benchJvm.equals("app") && !benchJvm.equals("as-started")) {
                throw new IllegalArgumentException("--bench-jvm takes app or as-started, not " + benchJvm + ".");
            }
            String image = o.stringValue("--app-image", null);
            int patients = o.intValue("--patients", 100_000, 1000, 1_000_000);
            return new Config(patients, o.intValue("--runs", 5, 1, 50),
                    Part.parse(o.stringValue("--only",
                            "search,chart,start,memory,redraw,worklist,recall,receive,book,backup,photos")),
                    JvmSet.parse(o.stringValue("--jvm-options", "app")), benchJvm.equals("as-started"),
                    image == null ? null : Path.of(image), List.copyOf(args),
                    Seeding.parse(o.stringValue("--seed", null), patients), yesNo(o.stringValue("--search-before", "no")));
        }

        private static boolean yesNo(String s) {
            return switch (s) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException("--search-before takes yes or no, not " + s + ".");
            };
        }
    }

    int run(Config config) {
        if (!config.asStarted() && !runsWithAppOptions()) {
            return rerunWithAppOptions(config.args());
        }
        int patients = config.patients();
        int runs = config.runs();
        Set<Part> parts = config.parts();
        boolean seeded = parts.contains(Part.SEARCH) || parts.contains(Part.START) || parts.contains(Part.MEMORY)
                || parts.contains(Part.INSTALLED) || parts.contains(Part.BACKUP);
        out.println("== Needlepoint bench ==");
        out.println("machine: " + machine() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.runtime.version") + "; " + (seeded ? patients + " patients, " : "")
                + runs + " runs; parts: " + partNames(parts) + loadAverage());
        out.println("this JVM (search, chart): " + jvmArgs() + (config.asStarted() ? " (as started)" : ""));
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
            List<Sample> samples = seed(data, seeded ? patients : 0, password, config.seeding());
            SearchFigures search = parts.contains(Part.SEARCH)
                    ? search(data, password, samples, runs, patients, config.searchBefore()) : null;
            ChartFigures chart = parts.contains(Part.CHART) ? chart(data, password, runs, seeded ? patients : 0) : null;
            WorklistFigures worklist = parts.contains(Part.WORKLIST) ? worklist(dir.resolve("worklist"), patients, runs)
                    : null;
            BenchStock stock = new BenchStock(out);
            if (parts.contains(Part.RECALL)) {
                stock.seed(data, patients);
            }
            BenchStock.RecallFigures recall = parts.contains(Part.RECALL) ? stock.recall(data, ADMIN, password, runs) : null;
            BenchStock.ReceiveFigures receive = parts.contains(Part.RECEIVE) ? stock.receive(data, ADMIN, password, runs)
                    : null;
            BenchBook.BookFigures book = parts.contains(Part.BOOK) ? new BenchBook(out).run(dir.resolve("book"), patients,
                    runs, password) : null;
            WeekFigures week = book != null ? weekView(dir.resolve("book"), password, runs, config.jvmSets().get(0), dir)
                    : null;
            BackupFigures backup = parts.contains(Part.BACKUP) ? backup(data, runs, dir, patients) : null;
            Display display = null;
            Map<JvmSet, StartFigures> start = new LinkedHashMap<>();
            Map<JvmSet, MemoryFigures> memory = new LinkedHashMap<>();
            Map<JvmSet, RedrawFigures> redraw = new LinkedHashMap<>();
            if (parts.contains(Part.START) || parts.contains(Part.MEMORY) || parts.contains(Part.REDRAW)) {
                display = Display.detect();
                out.println();
                out.println("== Child windows: " + display.description + "; JVM options: "
                        + config.jvmSets().stream().map(JvmSet::label).collect(Collectors.joining(" | ")) + " ==");
                if (display.usable()) {
                    if (parts.contains(Part.START)) {
                        start = coldStart(data, runs, display, config.jvmSets(), dir);
                    }
                    if (parts.contains(Part.MEMORY)) {
                        memory = memory(data, password, runs, display, config.jvmSets(), dir);
                    }
                    if (parts.contains(Part.REDRAW)) {
                        redraw = redraw(runs, display, config.jvmSets(), dir);
                    }
                }
            }
            if (parts.contains(Part.PHOTOS)) {
                photos(runs, display != null ? display : Display.detect(), dir);
            }
            InstalledFigures installed = parts.contains(Part.INSTALLED) ? installed(data, runs, dir, config.appImage())
                    : null;
            summary(config, seeded ? patients : 0, search, chart, worklist, recall, receive, book, week, backup, start,
                    memory, redraw, display);
            if (installed != null) {
                installedSummary(installed, runs);
            }
            out.printf(Locale.ROOT, "(bench took %.0f s)%n", seconds(started));
            return 0;
        } catch (BenchException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        } finally {
            deleteTree(dir);
        }
    }

    private static String partNames(Set<Part> parts) {
        return parts.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }

    private static List<String> inputArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static String jvmArgs() {
        List<String> a = inputArguments();
        return a.isEmpty() ? "JVM defaults" : String.join(" ", a);
    }

    private static boolean runsWithAppOptions() {
        List<String> app = JvmOptions.list();
        return Collections.indexOfSubList(inputArguments(), app) >= 0;
    }

    /** Runs this bench again in a child JVM with the app's options; its output is passed on. */
    private int rerunWithAppOptions(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(JvmOptions.list());
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath()));
        cmd.add(Bench.class.getName());
        cmd.addAll(args);
        out.println("bench: re-running in a JVM with the app's options (" + String.join(" ", JvmOptions.list())
                + "); --bench-jvm as-started measures in this one");
        out.flush();
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    out.println(l);
                }
            }
            return p.waitFor();
        } catch (IOException e) {
            err.println("bench: cannot start " + cmd.get(0) + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    // ---------------------------------------------------------------- seeding

    /** A registered patient the queries are built from. */
    private record Sample(PatientDetails details, long chart) {
    }

    /**
     * How bench registers the synthetic patients: one {@link PatientService#create} call each, as the front
     * desk would (duplicate check, search keys, an audit row), or {@link PatientStore#insertAll} in batches of
     * {@link #SEED_BATCH} (the same patient rows and search keys, no duplicate check and no audit rows).
     */
    enum Seeding {
        SERVICE, SQL;

        static Seeding parse(String s, int patients) {
            if (s == null) {
                return patients > SERVICE_SEEDING_UP_TO ? SQL : SERVICE;
            }
            return switch (s) {
                case "service" -> SERVICE;
                case "sql" -> SQL;
                default -> throw new IllegalArgumentException("--seed takes service or sql, not " + s + ".");
            };
        }
    }

    private List<Sample> seed(Path data, int patients, String password, Seeding seeding) {
        out.println();
        out.println(patients == 0 ? "== A fresh clinic, no patients seeded =="
                : seeding == Seeding.SERVICE ? "== Seeding " + patients + " synthetic patients through PatientService.create =="
                : "== Seeding " + patients + " synthetic patients by batched SQL (PatientStore.insertAll, " + SEED_BATCH
                + " a transaction, no audit rows) ==");
        long t0 = System.nanoTime();
        List<Sample> samples = new ArrayList<>();
        int every = Math.max(1, patients / SAMPLES);
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.clinic().setUp(new Clinic("Bench Aesthetics Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                    new UserDraft(ADMIN, "Bench Administrator", Role.ADMIN, null, null),
                    password.toCharArray(), password.toCharArray());
            s.auth().signIn(ADMIN, password.toCharArray());
            db.bulkLoad(true); // seeding only: commits gathered and written every half second, flushed at the end
            t0 = System.nanoTime();
            Random rnd = new Random(SEED);
            LocalDate today = s.patients().today();
            PatientStore store = new PatientStore();
            java.time.Instant now = Clock.systemDefaultZone().instant();
            int step = seeding == Seeding.SQL ? SEED_BATCH : 1;
            List<BenchSeedStore.Index> indexes = seeding == Seeding.SQL && patients > 0 ? db.read(BenchSeedStore::indexes)
                    : List.of();
            List<BenchSeedStore.Index> dropped = indexes.isEmpty() ? List.of() : db.read(BenchSeedStore::dropForLoading);
            for (int done = 0; done < patients; done += step) {
                int n = Math.min(step, patients - done);
                List<PatientDetails> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(SeedDemo.patient(rnd, today));
                }
                List<Long> charts = seeding == Seeding.SQL ? db.tx(c -> store.insertAll(c, batch, now, null))
                        : List.of(s.patients().create(batch.get(0), true).chartNumber());
                for (int i = 0; i < n; i++) {
                    if ((done + i) % every == 0) {
                        samples.add(new Sample(batch.get(i), charts.get(i)));
                    }
                }
                int reached = done + n;
                if (reached % 20_000 < n && reached < patients) {
                    out.printf(Locale.ROOT, "  %d patients, %.0f s%s%n", reached, seconds(t0), loadAverage());
                }
            }
            if (!dropped.isEmpty()) {
                long t1 = System.nanoTime();
                db.read(c -> {
                    BenchSeedStore.rebuild(c, dropped, indexes);
                    return null;
                });
                out.printf(Locale.ROOT, "  %d indexes built again in %.0f s%n", dropped.size(), seconds(t1));
            }
            long t2 = System.nanoTime();
            db.bulkLoad(false);
            out.printf(Locale.ROOT, "  written to the disk and compacted in %.0f s%n", seconds(t2));
            s.auth().signOut();
        }
        if (patients > 0) {
            out.printf(Locale.ROOT, "  %d patients in %.0f s (%.2f ms each)%s; database file %.0f MB%n", patients,
                    seconds(t0), (System.nanoTime() - t0) / 1e6 / patients, loadAverage(), fileMb(data));
        }
        return samples;
    }

    private static double fileMb(Path data) {
        try {
            return Files.size(data.resolve(Database.DB_FILE)) / 1e6;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    // ---------------------------------------------------------------- search

    /** One kind of front-desk query: how to type it for a sample, and whether that sample must be in the first 100. */
    private record Kind(String name, Function<Sample, String> typed, boolean mustFind) {
    }

    /**
     * One kind's figures: wall and thread CPU milliseconds of each query until its list is read (sorted), the
     * rows it showed, and the time of the count of all matches asked afterwards when more than 100 matched.
     */
    /** {@code allocKb}: what a search allocated (median KB), {@code countKb}: what its count allocated (median KB, or -1). */
    record KindFigures(String name, double[] wall, double[] cpu, long rows, double[] count, double allocKb, double countKb) {
        double p95() {
            return percentile(wall, 95);
        }
    }

    private record SearchFigures(List<KindFigures> kinds, double[] all, double[] roundP95, double medianRoundP95,
                                 int missed, double targetMs, String loadBefore, String loadAfter,
                                 List<KindFigures> before, int differ) {
        KindFigures slowest() {
            return kinds.stream().max(Comparator.comparingDouble(KindFigures::p95)).orElseThrow();
        }
    }

    /** The p95 each kind of query must meet: 10 ms up to 100,000 patients, 20 ms at 1,000,000 (issue #16). */
    static double searchTargetMs(int patients) {
        return patients <= 100_000 ? SEARCH_P95_TARGET_MS : SEARCH_P95_TARGET_LARGE_MS;
    }

    private SearchFigures search(Path data, String password, List<Sample> samples, int runs, int patientCount,
                                 boolean timeBefore) {
        out.println();
        out.println("== Patient search (PatientService.search, store reopened, 1 warm-up round + " + runs + " rounds of "
                + QUERIES_PER_KIND + " queries per kind; then the count of all matches when there are more) ==");
        String loadBefore = loadAverage();
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
        Map<String, List<Double>> cpuTimes = new LinkedHashMap<>();
        Map<String, List<Double>> countTimes = new LinkedHashMap<>();
        Map<String, List<Double>> allocs = new LinkedHashMap<>();
        Map<String, List<Double>> countAllocs = new LinkedHashMap<>();
        Map<String, long[]> kindRows = new LinkedHashMap<>();
        Map<String, List<Double>> beforeTimes = new LinkedHashMap<>();
        Map<String, List<Double>> beforeCpu = new LinkedHashMap<>();
        kinds.forEach(k -> {
            times.put(k.name(), new ArrayList<>());
            cpuTimes.put(k.name(), new ArrayList<>());
            countTimes.put(k.name(), new ArrayList<>());
            allocs.put(k.name(), new ArrayList<>());
            countAllocs.put(k.name(), new ArrayList<>());
            kindRows.put(k.name(), new long[1]);
            beforeTimes.put(k.name(), new ArrayList<>());
            beforeCpu.put(k.name(), new ArrayList<>());
        });
        SearchBefore before = new SearchBefore();
        int differ = 0;
        // the garbage a query leaves is what makes the collector pause the next ones (1,000,000 patients, README)
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> all = new ArrayList<>();
        double[] roundP95 = new double[runs];
        int missed = 0;
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
                    long a0 = threads.getCurrentThreadAllocatedBytes();
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    SearchPage page = patients.search(q.text(), new Cancellation());
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                    double kb = (threads.getCurrentThreadAllocatedBytes() - a0) / 1024.0;
                    long t1 = System.nanoTime();
                    long a1 = threads.getCurrentThreadAllocatedBytes();
                    long total = page.more() ? patients.count(q.text(), new Cancellation()) : page.rows().size();
                    double countMs = (System.nanoTime() - t1) / 1e6;
                    double countKb = (threads.getCurrentThreadAllocatedBytes() - a1) / 1024.0;
                    if (timeBefore) {
                        SearchQuery parsed = SearchQuery.parse(q.text());
                        long b0 = threads.getCurrentThreadCpuTime();
                        long t2 = System.nanoTime();
                        List<PatientSummary> old = db.read(c -> before.search(c, parsed, PatientService.SEARCH_LIMIT));
                        if (round >= 0) {
                            beforeTimes.get(q.kind().name()).add((System.nanoTime() - t2) / 1e6);
                            beforeCpu.get(q.kind().name()).add((threads.getCurrentThreadCpuTime() - b0) / 1e6);
                            if (!old.equals(page.rows())) {
                                differ++;
                                err.println("  differs from the search before V9: \"" + q.text() + "\"");
                            }
                        }
                    }
                    if (round < 0) {
                        continue;
                    }
                    List<PatientSummary> found = page.rows();
                    if (total < found.size()) {
                        throw new BenchException("\"" + q.text() + "\" showed " + found.size() + " patients of " + total);
                    }
                    kindRows.get(q.kind().name())[0] += found.size();
                    thisRound.add(ms);
                    times.get(q.kind().name()).add(ms);
                    cpuTimes.get(q.kind().name()).add(cpuMs);
                    allocs.get(q.kind().name()).add(kb);
                    if (page.more()) {
                        countTimes.get(q.kind().name()).add(countMs);
                        countAllocs.get(q.kind().name()).add(countKb);
                    }
                    // the sample is in the list unless more than 100 match (1,000,000 patients share 4 last digits by ~117)
                    if (q.kind().mustFind() && !page.more()
                            && found.stream().noneMatch(p -> p.chartNumber() == q.sample().chart())) {
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
        double target = searchTargetMs(patientCount);
        List<KindFigures> figures = new ArrayList<>();
        for (Kind k : kinds) {
            double[] counted = sorted(countAllocs.get(k.name()));
            figures.add(new KindFigures(k.name(), sorted(times.get(k.name())), sorted(cpuTimes.get(k.name())),
                    kindRows.get(k.name())[0], sorted(countTimes.get(k.name())), percentile(sorted(allocs.get(k.name())), 50),
                    counted.length == 0 ? -1 : percentile(counted, 50)));
        }
        List<KindFigures> beforeFigures = new ArrayList<>();
        if (timeBefore) {
            for (Kind k : kinds) {
                beforeFigures.add(new KindFigures(k.name(), sorted(beforeTimes.get(k.name())),
                        sorted(beforeCpu.get(k.name())), kindRows.get(k.name())[0], new double[0], -1, -1));
            }
        }
        double[] a = sorted(all);
        SearchFigures f = new SearchFigures(figures, a, roundP95, median(roundP95.clone()), missed, target, loadBefore,
                loadAverage(), beforeFigures, differ);
        printSearch(f);
        return f;
    }

    /** The table of kinds: wall p50/p95 (what the desk waits), thread CPU p95 (the work alone), rows, target. */
    private void printSearch(SearchFigures f) {
        out.printf(Locale.ROOT, "  %-24s %8s %8s %8s %8s %6s   %-9s  %-32s %s%n", "query kind", "p50 ms", "p95 ms", "max ms",
                "CPU p95", "rows", "target ms", "count (up to 10,000) p50 / p95 ms", "allocated KB, search / count");
        for (KindFigures k : f.kinds()) {
            double[] t = k.wall();
            String counted = k.count().length == 0 ? "-" : String.format(Locale.ROOT, "%s / %s (%d)",
                    round(percentile(k.count(), 50)), round(percentile(k.count(), 95)), k.count().length);
            out.printf(Locale.ROOT, "  %-24s %8.2f %8.2f %8.2f %8.2f %6.1f   %-9s  %-32s %.0f / %s%n", k.name(),
                    percentile(t, 50), k.p95(), t[t.length - 1], percentile(k.cpu(), 95), k.rows() / (double) t.length,
                    (k.p95() <= f.targetMs() ? "PASS" : "MISS") + " " + Math.round(f.targetMs()), counted, k.allocKb(),
                    k.countKb() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", k.countKb()));
        }
        double[] a = f.all();
        out.printf(Locale.ROOT, "  %-24s %8.2f %8.2f %8.2f%n", "all (" + a.length + " queries)", percentile(a, 50),
                percentile(a, 95), a[a.length - 1]);
        out.printf(Locale.ROOT, "  p95 of each round: %s ms; median %.2f ms%n", fmt(f.roundP95()), f.medianRoundP95());
        out.println("  load average before" + f.loadBefore().replace("; load average", "") + ", after"
                + f.loadAfter().replace("; load average", ""));
        if (f.missed() > 0) {
            out.println("  " + f.missed() + " exact queries did not find their patient (see above)");
        }
        if (!f.before().isEmpty()) {
            out.println("  the same queries through the search before V9 (SearchBefore), each right after the new one:");
            out.printf(Locale.ROOT, "  %-24s %8s %8s %8s %8s%n", "query kind", "p50 ms", "p95 ms", "max ms", "CPU p95");
            for (KindFigures k : f.before()) {
                double[] t = k.wall();
                out.printf(Locale.ROOT, "  %-24s %8.2f %8.2f %8.2f %8.2f%n", k.name(), percentile(t, 50), k.p95(),
                        t[t.length - 1], percentile(k.cpu(), 95));
            }
            out.println("  lists that differ from the search before V9: " + f.differ());
        }
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

    // ---------------------------------------------------------------- chart save and reload

    private record ChartFigures(double[] save, double[] reload, double[] pair, double[] roundSaveP95,
                                double[] roundReloadP95, double[] roundPairP95, int clinicPatients) {
    }

    /**
     * A 60-point draft visit for one patient (40 Botox points of 2 U and 20 filler points of 0.1 mL on
     * the front face, regions from the diagram's geometry, screening answered, consent given), saved
     * and reloaded through {@link ChartService}. Each save changes one point's amount (a different
     * point each time), so it writes the visit, its points and screening and an audit row.
     */
    private ChartFigures chart(Path data, String password, int runs, int clinicPatients) {
        out.println();
        out.println("== Chart save and reload (ChartService.saveDraft of a " + CHART_POINTS + "-point draft, one amount"
                + " changed each time, then openVisit), 1 warm-up round + " + runs + " rounds of " + CHART_SAVES_PER_ROUND
                + ", on " + (clinicPatients > 0 ? "the " + clinicPatients + "-patient clinic" : "a fresh clinic") + " ==");
        List<Double> save = new ArrayList<>();
        List<Double> reload = new ArrayList<>();
        List<Double> pair = new ArrayList<>();
        double[] saveP95 = new double[runs];
        double[] reloadP95 = new double[runs];
        double[] pairP95 = new double[runs];
        try (Database db = Database.open(data)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(ADMIN, password.toCharArray());
            ChartService charts = s.charts();
            LocalDate today = charts.today();
            Patient patient = s.patients().create(SeedDemo.patient(new Random(SEED + 1), today), true);
            Product toxin = product(charts, "Botox Cosmetic 100 U");
            Product filler = product(charts, "HA filler 1 mL (lidocaine)");
            Lot toxinLot = receive(s, toxin, "BENCHBX1", today.plusYears(1), 50);
            Lot fillerLot = receive(s, filler, "BENCHHA1", today.plusYears(1), 50);
            List<InjectionPoint> points = chartPoints(toxin, toxinLot, filler, fillerLot);
            VisitChart chart = charts.startVisit(patient.id());
            List<ScreeningEntry> screening = charts.screening(patient.id(), List.of(toxin.id(), filler.id()),
                    chart.screening()).stream()
                    .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e)
                    .toList();
            ChartDraft draft = new ChartDraft("Full-face toxin and filler (bench).", points, screening, true, false);
            chart = charts.saveDraft(chart.visit(), draft);
            long visitId = chart.visit().id();
            int k = 0;
            for (int round = -1; round < runs; round++) {
                List<Double> rs = new ArrayList<>();
                List<Double> rr = new ArrayList<>();
                List<Double> rp = new ArrayList<>();
                for (int i = 0; i < CHART_SAVES_PER_ROUND; i++, k++) {
                    List<InjectionPoint> changed = new ArrayList<>(points);
                    InjectionPoint p = changed.get(k % CHART_POINTS);
                    changed.set(k % CHART_POINTS, p.withAmount(p.amount().add(p.unit() == Unit.U
                            ? new BigDecimal("0.5") : new BigDecimal("0.05"))));
                    int before = chart.visit().version();
                    long t0 = System.nanoTime();
                    chart = charts.saveDraft(chart.visit(), draft.withPoints(changed));
                    long t1 = System.nanoTime();
                    VisitChart reloaded = charts.openVisit(visitId);
                    long t2 = System.nanoTime();
                    if (chart.visit().version() == before || reloaded.points().size() != CHART_POINTS) {
                        throw new BenchException("a chart save did not write, or the reload lost points ("
                                + reloaded.points().size() + " of " + CHART_POINTS + ")");
                    }
                    if (round >= 0) {
                        rs.add((t1 - t0) / 1e6);
                        rr.add((t2 - t1) / 1e6);
                        rp.add((t2 - t0) / 1e6);
                    }
                }
                if (round >= 0) {
                    save.addAll(rs);
                    reload.addAll(rr);
                    pair.addAll(rp);
                    saveP95[round] = percentile(sorted(rs), 95);
                    reloadP95[round] = percentile(sorted(rr), 95);
                    pairP95[round] = percentile(sorted(rp), 95);
                }
            }
            s.auth().signOut();
        }
        ChartFigures f = new ChartFigures(sorted(save), sorted(reload), sorted(pair), saveP95, reloadP95, pairP95,
                clinicPatients);
        out.printf(Locale.ROOT, "  %-22s %8s %8s %8s   %s%n", "", "p50 ms", "p95 ms", "max ms", "p95 of each round, ms");
        chartLine("save (saveDraft)", f.save(), saveP95);
        chartLine("reload (openVisit)", f.reload(), reloadP95);
        chartLine("save + reload", f.pair(), pairP95);
        return f;
    }

    private void chartLine(String what, double[] t, double[] roundP95) {
        out.printf(Locale.ROOT, "  %-22s %8.2f %8.2f %8.2f   %s; median %.2f%n", what, percentile(t, 50), percentile(t, 95),
                t[t.length - 1], fmt(roundP95), median(roundP95.clone()));
    }

    /** Receives packs of a lot through the receiving service, typed by hand (no barcode). */
    public static Lot receive(Services s, Product p, String lotNumber, LocalDate expiry, int packs) {
        LocalDate today = s.inventory().today();
        return s.inventory().receive(new ReceiptDraft(null, p.id(), lotNumber, expiry, null, null, packs, "Bench supply",
                null, today)).lot();
    }

    public static Product product(ChartService charts, String name) {
        return charts.catalog().products().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new BenchException("the catalogue has no " + name));
    }

    /** 40 toxin points and 20 filler points spread over the front face, each on a region; regions and sides from the diagram. */
    public static List<InjectionPoint> chartPoints(Product toxin, Lot toxinLot, Product filler, Lot fillerLot) {
        DiagramGeometry geometry = DiagramGeometry.standard();
        Random rnd = new Random(SEED);
        List<InjectionPoint> points = new ArrayList<>();
        while (points.size() < CHART_POINTS) {
            boolean tox = points.size() < 40;
            double x = 0.3 + 0.4 * rnd.nextDouble();
            double y = tox ? 0.12 + 0.35 * rnd.nextDouble() : 0.45 + 0.35 * rnd.nextDouble();
            Product product = tox ? toxin : filler;
            Site site = geometry.locate(DiagramView.FACE_FRONT, x, y,
                    product.kind() == ProductKind.TOXIN ? Region.Kind.MUSCLE : Region.Kind.AREA);
            if (site.region() == Region.OTHER) {
                continue; // beside the face: the service refuses a point on no region, as the screen does
            }
            points.add(new InjectionPoint(ChartService.newKey(), DiagramView.FACE_FRONT, x, y, site.region(), site.side(),
                    product.id(), (tox ? toxinLot : fillerLot).id(), new BigDecimal(tox ? "2" : "0.1"), product.unit(),
                    null, null, null, null));
        }
        return points;
    }

    // ---------------------------------------------------------------- backup

    private record BackupFigures(double[] backupMs, double[] verifyMs, long sizeBytes) {
    }

    /**
     * {@link org.needlepoint.backup.BackupService} backs the clinic up to a folder (SCRIPT in a snapshot transaction, the
     * zip written, flushed, read back and checked against its manifest, renamed into place), then
     * {@link Restore#verify} checks that file as a restore would before replacing anything (the zip
     * and checksums, the SQL loaded into a temporary database, migrated, every check of
     * {@code check}, the counts compared with the manifest's). A warm-up round, then R rounds.
     */
    private BackupFigures backup(Path data, int runs, Path dir, int patients) {
        out.println();
        out.println("== Backup and restore verification (BackupService to a folder, then Restore.verify of that file),"
                + " 1 warm-up round + " + runs + " rounds, on the " + patients + "-patient clinic ==");
        Path folder = dir.resolve("backups");
        double[] backupMs = new double[runs];
        double[] verifyMs = new double[runs];
        long size = 0;
        try (Database db = Database.open(data)) {
            long file0 = fileSize(data.resolve(Database.DB_FILE));
            long c0 = System.nanoTime();
            boolean compacted = db.compactIfWasteful();
            out.printf(Locale.ROOT, "  database file %.0f MB%s%n", file0 / 1048576.0, compacted
                    ? String.format(Locale.ROOT, ", compacted first to %.0f MB in %.1f s (more than half of it was old"
                    + " versions of rows)", fileSize(data.resolve(Database.DB_FILE)) / 1048576.0, seconds(c0)) : "");
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            for (int r = -1; r < runs; r++) {
                long t0 = System.nanoTime();
                BackupFile f = s.backups().backUpFromCommandLine(folder, BackupProgress.NONE);
                double ms = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                long restored;
                long backedUp;
                try (Restore.Verified v = Restore.verify(f.path(), dir.resolve("verify"), d -> s.checks(),
                        BackupProgress.NONE)) {
                    restored = v.integrity().counts().getOrDefault("patients", -1L);
                    backedUp = v.manifest().count("patients");
                }
                double vms = (System.nanoTime() - t1) / 1e6;
                if (restored != backedUp || restored < patients) {
                    throw new BenchException("the backup of " + backedUp + " patients restored " + restored);
                }
                size = f.size();
                if (r >= 0) {
                    backupMs[r] = ms;
                    verifyMs[r] = vms;
                }
                Files.delete(f.path());
            }
        } catch (IOException e) {
            throw new BenchException("backup run failed: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "  backup, ms:              %s; median %s  (%.1f MB zip)%n", fmt(backupMs),
                round(median(backupMs.clone())), size / 1048576.0);
        out.println("  restore verification, ms: " + fmt(verifyMs) + "; median " + round(median(verifyMs.clone())));
        return new BackupFigures(backupMs, verifyMs, size);
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- photos

    /**
     * Photos ({@link BenchPhotos}, {@link BenchPhotosFx}): R + 1 imports of 50 synthetic 12 MP JPEGs (a folder each,
     * as a drop) into the real Photos tab in a child JVM with a display, timed to the last thumbnail shown, with
     * the FX thread's longest frame meanwhile; Compare opened R + 1 times on two 12 MP photos; then a clinic of
     * 2,000 such photos backed up R times (time and size). The first import and the first Compare are untimed.
     */
    private void photos(int runs, Display display, Path dir) {
        out.println();
        out.println("== Photos: importing " + BenchPhotos.IMPORTED + " JPEGs of 12 MP in the Photos tab, opening Compare on"
                + " two, backing up " + BenchPhotos.BACKED_UP + " photos; 1 untimed + " + runs + " rounds" + loadAverage()
                + " ==");
        if (!display.usable()) {
            out.println("  skipped: " + display.description());
            return;
        }
        String password = password();
        long t0 = System.nanoTime();
        List<byte[]> drawings = BenchPhotos.drawings(BenchPhotos.DRAWINGS, SEED);
        long avg = drawings.stream().mapToLong(b -> b.length).sum() / drawings.size();
        out.printf(Locale.ROOT, "  %d synthetic 12 MP drawings (%d x %d, with grain) in %.1f s, %.1f MB a file%n",
                drawings.size(), BenchPhotos.WIDTH_12MP, BenchPhotos.WIDTH_12MP * 5 / 4, seconds(t0), avg / 1048576.0);
        Path data = dir.resolve("photos-clinic");
        BenchPhotos.PhotoClinic clinic = BenchPhotos.setUp(data, password);
        List<String> args = new ArrayList<>(List.of(data.toString(), clinic.username(), Long.toString(clinic.patientId()),
                Integer.toString(runs)));
        for (int r = -1; r < runs; r++) {
            Path folder = dir.resolve("photos-import-" + (r + 1));
            BenchPhotos.writeFiles(folder, drawings, (r + 1) * BenchPhotos.IMPORTED, BenchPhotos.IMPORTED);
            args.add(folder.toString());
        }
        double[] importMs = new double[runs];
        double[] longest = new double[runs];
        int over = 0;
        double[] compareMs = new double[runs];
        List<String> cmd = command(display, JvmSet.app(), List.of(), BenchPhotosFx.class.getName(),
                args.toArray(String[]::new));
        try (Child c = new Child(cmd, dir.resolve("child-photos.log"))) {
            OutputStream stdin = c.process.getOutputStream();
            stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            String idle = c.await(BenchPhotosFx.IDLE).text();
            out.println("  FX frames with nothing to do (3 s, before the imports): longest " + round(field(idle, "longest"))
                    + " ms, " + (int) field(idle, "over") + " of " + (int) field(idle, "frames") + " over "
                    + round(BenchPhotos.FRAME_TARGET_MS) + " ms");
            for (int r = -1; r < runs; r++) {
                String l = c.await(BenchPhotosFx.IMPORT).text();
                if ((int) field(l, "photos") != BenchPhotos.IMPORTED) {
                    throw new BenchException("the import saw " + l);
                }
                if (r >= 0) {
                    importMs[r] = field(l, "total");
                    longest[r] = field(l, "longest");
                    over += (int) field(l, "over");
                }
            }
            for (int r = -1; r < runs; r++) {
                String l = c.await(BenchPhotosFx.COMPARE).text();
                if (r >= 0) {
                    compareMs[r] = field(l, "ms");
                }
            }
            c.await(BenchPhotosFx.DONE);
            c.awaitExit();
        } catch (IOException e) {
            throw new BenchException("the photos probe failed: " + e.getMessage());
        }
        out.println("  import of " + BenchPhotos.IMPORTED + " photos to the last thumbnail, ms: " + fmt(importMs) + "; median "
                + round(median(importMs.clone())));
        out.println("  longest FX frame during the import, ms: " + fmt(longest) + "; median " + round(median(longest.clone()))
                + (over == 0 ? "; no frame over " : "; " + over + " frame(s) over ") + round(BenchPhotos.FRAME_TARGET_MS)
                + " ms (target: none)");
        out.println("  Compare opened on two 12 MP photos, ms: " + fmt(compareMs) + "; median " + round(median(compareMs.clone()))
                + " (target <= " + round(BenchPhotos.COMPARE_TARGET_MS) + ")");

        Path big = dir.resolve("photos-backup-clinic");
        BenchPhotos.PhotoClinic many = BenchPhotos.setUp(big, password);
        long t1 = System.nanoTime();
        long bytes = BenchPhotos.fill(big, many, drawings, BenchPhotos.BACKED_UP);
        out.printf(Locale.ROOT, "  %d photos (%.0f MB of originals) imported through the service in %.0f s%s%n",
                BenchPhotos.BACKED_UP, bytes / 1048576.0, seconds(t1), loadAverage());
        double[] backupMs = new double[runs];
        long size = 0;
        try (Database db = Database.open(big)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            for (int r = 0; r < runs; r++) {
                long b0 = System.nanoTime();
                BackupFile f = s.backups().backUpFromCommandLine(dir.resolve("photos-backups"), BackupProgress.NONE);
                backupMs[r] = (System.nanoTime() - b0) / 1e6;
                size = f.size();
                Files.delete(f.path());
            }
        } catch (IOException e) {
            throw new BenchException("the photos backup failed: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "  backup of the %d-photo clinic, ms: %s; median %s  (%.0f MB zip, %.0f MB/s)%n",
                BenchPhotos.BACKED_UP, fmt(backupMs), round(median(backupMs.clone())), size / 1048576.0,
                size / 1048576.0 / (median(backupMs.clone()) / 1000));
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> classPath() {
        List<String> cp = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                cp.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return cp;
    }

    private static List<String> command(Display display, JvmSet jvm, List<String> props, String mainClass,
                                        String... args) {
        List<String> cp = classPath();
        if (display.extraClassPath() != null) {
            cp.add(display.extraClassPath());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvm.options());
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
            this(cmd, Map.of(), log);
        }

        /** With {@code env} added to this process's environment. */
        Child(List<String> cmd, Map<String, String> env, Path log) {
            this.log = log;
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
            pb.environment().putAll(env);
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

    /** For each JVM set: the app and the bare window alternately, with that set's options both. */
    private Map<JvmSet, StartFigures> coldStart(Path data, int runs, Display display, List<JvmSet> jvmSets, Path dir) {
        out.println();
        out.println("== Cold start to a shown window (process start -> " + ShownReport.MARKER + "), 1 untimed pair + "
                + runs + " alternating runs each" + (jvmSets.size() > 1 ? ", the JVM sets in turn" : "") + " ==");
        List<String> props = List.of("-Dneedlepoint.reportShown=true", "-Dneedlepoint.exitWhenShown=true");
        Map<JvmSet, double[]> appMs = new LinkedHashMap<>();
        Map<JvmSet, double[]> bareMs = new LinkedHashMap<>();
        for (JvmSet jvm : jvmSets) {
            appMs.put(jvm, new double[runs]);
            bareMs.put(jvm, new double[runs]);
            startOnce(command(display, jvm, props, "org.needlepoint.Main", "--data", data.toString()), dir, "sign in");
            startOnce(command(display, jvm, props, BareWindow.class.getName()), dir, null);
        }
        for (int r = 0; r < runs; r++) {
            for (JvmSet jvm : jvmSets) {
                List<String> app = command(display, jvm, props, "org.needlepoint.Main", "--data", data.toString());
                List<String> bare = command(display, jvm, props, BareWindow.class.getName());
                if (r % 2 == 0) {
                    appMs.get(jvm)[r] = startOnce(app, dir, "sign in");
                    bareMs.get(jvm)[r] = startOnce(bare, dir, null);
                } else {
                    bareMs.get(jvm)[r] = startOnce(bare, dir, null);
                    appMs.get(jvm)[r] = startOnce(app, dir, "sign in");
                }
            }
        }
        Map<JvmSet, StartFigures> figures = new LinkedHashMap<>();
        for (JvmSet jvm : jvmSets) {
            double am = median(appMs.get(jvm).clone());
            double bm = median(bareMs.get(jvm).clone());
            if (jvmSets.size() > 1) {
                out.println("  [" + jvm.label() + "]");
            }
            out.println("  app to sign-in window, ms: " + fmt(appMs.get(jvm)) + "; median " + round(am));
            out.println("  bare JavaFX window, ms:    " + fmt(bareMs.get(jvm)) + "; median " + round(bm));
            out.printf(Locale.ROOT, "  ratio of medians: %.2fx%n", am / bm);
            figures.put(jvm, new StartFigures(appMs.get(jvm), bareMs.get(jvm), am, bm, am / bm));
        }
        return figures;
    }

    private double startOnce(List<String> cmd, Path dir, String titleMustContain) {
        return startOnce(cmd, Map.of(), dir, titleMustContain);
    }

    /** Wall milliseconds to the window shown, and the CPU milliseconds the process had used by then (Linux). */
    private double[] startTimed(List<String> cmd, Map<String, String> env, Path dir, String titleMustContain) {
        try (Child c = new Child(cmd, env, dir.resolve("child-start.log"))) {
            Child.Line shown = c.await(ShownReport.MARKER);
            double cpu = cpuMillis(c.process.pid());
            double ms = c.millis(shown);
            if (titleMustContain != null && !shown.text().contains(titleMustContain)) {
                throw new BenchException("the app showed \"" + shown.text() + "\", not the sign-in window");
            }
            c.awaitExit();
            return new double[] {ms, cpu};
        }
    }

    /** User + system CPU time of a live process from /proc/PID/stat (in USER_HZ = 100 ticks a second); NaN elsewhere. */
    static double cpuMillis(long pid) {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** From a /proc/PID/stat line: fields 14 and 15 (utime, stime), counted after the command name's closing parenthesis. */
    static double cpuMillis(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    }

    private double startOnce(List<String> cmd, Map<String, String> env, Path dir, String titleMustContain) {
        try (Child c = new Child(cmd, env, dir.resolve("child-start.log"))) {
            Child.Line shown = c.await(ShownReport.MARKER);
            double ms = c.millis(shown);
            if (titleMustContain != null && !shown.text().contains(titleMustContain)) {
                throw new BenchException("the app showed \"" + shown.text() + "\", not the sign-in window");
            }
            c.awaitExit();
            return ms;
        }
    }

    // ---------------------------------------------------------------- installed app-image

    /** One way of starting a window from the app-image. */
    private record Variant(String label, List<String> cmd, Map<String, String> env, boolean app) {
    }

    private record InstalledFigures(AppImage image, List<Variant> variants, Map<Variant, double[]> ms,
                                    Map<Variant, Double> median, Map<Variant, double[]> cpuMs,
                                    Map<Variant, Double> cpuMedian, long imageBytes, long archiveBytes) {
        double median(int variant) {
            return median.get(variants.get(variant));
        }

        double cpuMedian(int variant) {
            return cpuMedian.get(variants.get(variant));
        }
    }

    private static final int INSTALLED_LAUNCHER = 0;
    private static final int INSTALLED_APP_CDS = 1;
    private static final int INSTALLED_APP_NO_APPCDS = 2;
    private static final int INSTALLED_APP_NO_CDS = 3;
    private static final int INSTALLED_BARE_CDS = 4;
    private static final int INSTALLED_BARE_NO_APPCDS = 5;

    /** Cold start of the installer's app-image, with and without its AppCDS archive, beside a bare window. */
    private InstalledFigures installed(Path data, int runs, Path dir, Path imageRoot) {
        out.println();
        AppImage image;
        try {
            image = imageRoot != null ? AppImage.read(imageRoot) : AppImage.find(codeSource()).orElseThrow(
                    () -> new BenchException("no app-image to measure: build one with mvn package (it leaves"
                            + " target/installer/Needlepoint), or name one with --app-image DIR"));
        } catch (IllegalArgumentException e) {
            throw new BenchException(e.getMessage());
        }
        out.println("== Installed app-image " + image.root() + ": cold start to a shown window (process start -> "
                + ShownReport.MARKER + "), 1 untimed round + " + runs + " rounds, each variant once per round ==");
        String x = System.getenv("DISPLAY");
        if (x == null || x.isBlank()) {
            out.println("  skipped: the app-image's launcher needs a display (run bench under xvfb-run -a)");
            return null;
        }
        Path archive = image.archive().orElseThrow(() -> new BenchException(image.appDir().resolve(AppImage.CFG)
                + " names no AppCDS archive (-XX:SharedArchiveFile)"));
        if (!Files.isRegularFile(archive)) {
            throw new BenchException("the launcher's AppCDS archive " + archive + " is missing");
        }
        List<String> props = List.of("-Dneedlepoint.reportShown=true", "-Dneedlepoint.exitWhenShown=true");
        List<String> withArchive = image.javaOptions();
        List<String> withoutArchive = image.javaOptionsWithoutArchive();
        List<String> noCds = new ArrayList<>(withoutArchive);
        noCds.add("-Xshare:off");
        String tool = System.getenv("JAVA_TOOL_OPTIONS");
        Map<String, String> reportEnv = Map.of("JAVA_TOOL_OPTIONS",
                (tool == null || tool.isBlank() ? "" : tool + " ") + String.join(" ", props));
        String[] app = {image.mainClass(), "--data", data.toString()};
        // the bare window is bench's, not the app's: its classes are appended to the launcher's class
        // path, which keeps the archive usable (a class path may grow after the one it was dumped with)
        List<String> bareCp = new ArrayList<>(image.classPath());
        bareCp.add(codeSource().toString());
        List<Variant> variants = List.of(
                new Variant("app, the launcher as installed (AppCDS)",
                        List.of(image.launcher().toString(), "--data", data.toString()), reportEnv, true),
                new Variant("app, runtime's java + launcher's options (AppCDS)",
                        imageCommand(image, image.classPath(), withArchive, props, app), Map.of(), true),
                new Variant("app, without the AppCDS archive (JDK's CDS)",
                        imageCommand(image, image.classPath(), withoutArchive, props, app), Map.of(), true),
                new Variant("app, no CDS at all (-Xshare:off)",
                        imageCommand(image, image.classPath(), noCds, props, app), Map.of(), true),
                new Variant("bare JavaFX window (AppCDS)",
                        imageCommand(image, bareCp, withArchive, props, BareWindow.class.getName()), Map.of(), false),
                new Variant("bare JavaFX window, without AppCDS (JDK's CDS)",
                        imageCommand(image, bareCp, withoutArchive, props, BareWindow.class.getName()), Map.of(), false));
        Map<Variant, double[]> ms = new LinkedHashMap<>();
        Map<Variant, double[]> cpuMs = new LinkedHashMap<>();
        variants.forEach(v -> {
            ms.put(v, new double[runs]);
            cpuMs.put(v, new double[runs]);
        });
        int n = variants.size();
        for (int r = -1; r < runs; r++) {
            for (int i = 0; i < n; i++) {
                Variant v = variants.get(Math.floorMod(r + i, n));
                double[] t = startTimed(v.cmd(), v.env(), dir, v.app() ? "sign in" : null);
                if (r >= 0) {
                    ms.get(v)[r] = t[0];
                    cpuMs.get(v)[r] = t[1];
                }
            }
        }
        Map<Variant, Double> median = new LinkedHashMap<>();
        Map<Variant, Double> cpuMedian = new LinkedHashMap<>();
        out.println("  wall time from process start to the window shown:");
        for (Variant v : variants) {
            median.put(v, median(ms.get(v).clone()));
            out.printf(Locale.ROOT, "  %-52s %s; median %s%n", v.label() + ", ms:", fmt(ms.get(v)), round(median.get(v)));
        }
        out.println("  CPU time the process had used by then (user + system, all its threads; less skewed by a busy machine):");
        for (Variant v : variants) {
            cpuMedian.put(v, median(cpuMs.get(v).clone()));
            out.printf(Locale.ROOT, "  %-52s %s; median %s%n", v.label() + ", ms:", fmt(cpuMs.get(v)),
                    round(cpuMedian.get(v)));
        }
        InstalledFigures f = new InstalledFigures(image, variants, ms, median, cpuMs, cpuMedian, treeBytes(image.root()),
                fileBytes(archive));
        out.printf(Locale.ROOT, "  app-image %.0f MB, of which the AppCDS archive %.0f MB%n", f.imageBytes() / 1e6,
                f.archiveBytes() / 1e6);
        return f;
    }

    private void installedSummary(InstalledFigures f, int runs) {
        out.println();
        out.println("== Summary, installed app-image (" + f.image().root() + "), medians of " + runs + " runs"
                + loadAverage() + " ==");
        double launcher = f.median(INSTALLED_LAUNCHER);
        double appCds = f.median(INSTALLED_APP_CDS);
        double noAppCds = f.median(INSTALLED_APP_NO_APPCDS);
        double bareCds = f.median(INSTALLED_BARE_CDS);
        double bareNoAppCds = f.median(INSTALLED_BARE_NO_APPCDS);
        out.printf(Locale.ROOT, "  %-48s %12s   %-12s %s%n", "wall time to the window", "measured", "target", "");
        line("app as installed / bare window without AppCDS", ratio(launcher, bareNoAppCds), "<= 1.5x",
                launcher / bareNoAppCds <= COLD_START_RATIO_TARGET);
        info("  ms", round(launcher) + " / " + round(bareNoAppCds));
        line("app / bare window, both with AppCDS", ratio(appCds, bareCds), "<= 1.5x",
                appCds / bareCds <= COLD_START_RATIO_TARGET);
        info("  ms", round(appCds) + " / " + round(bareCds));
        line("app / bare window, both without AppCDS", ratio(noAppCds, bareNoAppCds), "<= 1.5x",
                noAppCds / bareNoAppCds <= COLD_START_RATIO_TARGET);
        info("app without / with AppCDS", ratio(noAppCds, appCds));
        info("app with no CDS at all / with AppCDS", ratio(f.median(INSTALLED_APP_NO_CDS), appCds));
        info("launcher / java with the launcher's options", ratio(launcher, appCds));
        out.printf(Locale.ROOT, "  %-48s %12s%n", "CPU time to the window", "");
        info("app as installed / bare window without AppCDS", ratio(f.cpuMedian(INSTALLED_LAUNCHER),
                f.cpuMedian(INSTALLED_BARE_NO_APPCDS)));
        info("  ms", round(f.cpuMedian(INSTALLED_LAUNCHER)) + " / " + round(f.cpuMedian(INSTALLED_BARE_NO_APPCDS)));
        info("app without / with AppCDS", ratio(f.cpuMedian(INSTALLED_APP_NO_APPCDS), f.cpuMedian(INSTALLED_APP_CDS)));
        info("  ms", round(f.cpuMedian(INSTALLED_APP_NO_APPCDS)) + " / " + round(f.cpuMedian(INSTALLED_APP_CDS)));
        info("bare window without / with AppCDS", ratio(f.cpuMedian(INSTALLED_BARE_NO_APPCDS),
                f.cpuMedian(INSTALLED_BARE_CDS)));
    }

    private static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2fx", a / b);
    }

    /** The app-image's runtime java with the given JVM options and class path, then a main class and its arguments. */
    private static List<String> imageCommand(AppImage image, List<String> classPath, List<String> options,
                                             List<String> props, String... main) {
        List<String> cmd = new ArrayList<>();
        cmd.add(image.java().toString());
        cmd.addAll(options);
        cmd.addAll(props);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath));
        cmd.addAll(Arrays.asList(main));
        return cmd;
    }

    private static Path codeSource() {
        try {
            return Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new BenchException("cannot tell where bench runs from: " + e.getMessage());
        }
    }

    private static long treeBytes(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(Bench::fileBytes).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long fileBytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- memory

    private record MemoryFigures(double[] rssMb, double medianMb, double[] peakMb, int rows) {
    }

    private Map<JvmSet, MemoryFigures> memory(Path data, String password, int runs, Display display,
                                              List<JvmSet> jvmSets, Path dir) {
        out.println();
        out.println("== Resident memory: the real app on this clinic, signed in, after searching \"" + MEMORY_QUERY
                + "\", " + runs + " runs" + (jvmSets.size() > 1 ? ", the JVM sets in turn" : "") + " ==");
        Map<JvmSet, double[]> rss = new LinkedHashMap<>();
        Map<JvmSet, double[]> peak = new LinkedHashMap<>();
        jvmSets.forEach(j -> {
            rss.put(j, new double[runs]);
            peak.put(j, new double[runs]);
        });
        int rows = 0;
        for (int r = 0; r < runs; r++) {
            for (JvmSet jvm : jvmSets) {
                List<String> cmd = command(display, jvm, List.of(), BenchGui.class.getName(), data.toString(), ADMIN,
                        MEMORY_QUERY);
                try (Child c = new Child(cmd, dir.resolve("child-memory.log"))) {
                    OutputStream stdin = c.process.getOutputStream();
                    stdin.write((password + "\n").getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                    Child.Line done = c.await(BenchGui.MARKER);
                    rows = Integer.parseInt(done.text().replaceAll(".*rows=(\\d+).*", "$1"));
                    Map<String, Long> status = procStatus(c.process.pid());
                    rss.get(jvm)[r] = status.getOrDefault("VmRSS", -1L) / 1024.0;
                    peak.get(jvm)[r] = status.getOrDefault("VmHWM", -1L) / 1024.0;
                    stdin.close();
                    c.awaitExit();
                } catch (IOException e) {
                    throw new BenchException("memory run failed: " + e.getMessage());
                }
            }
        }
        Map<JvmSet, MemoryFigures> figures = new LinkedHashMap<>();
        for (JvmSet jvm : jvmSets) {
            double m = median(rss.get(jvm).clone());
            if (jvmSets.size() > 1) {
                out.println("  [" + jvm.label() + "]");
            }
            out.println("  VmRSS after the search, MB: " + fmt(rss.get(jvm)) + "; median " + round(m) + "  (" + rows
                    + " rows shown)");
            out.println("  VmHWM (peak RSS), MB:       " + fmt(peak.get(jvm)) + "; median "
                    + round(median(peak.get(jvm).clone())));
            figures.put(jvm, new MemoryFigures(rss.get(jvm), m, peak.get(jvm), rows));
        }
        return figures;
    }

    // ---------------------------------------------------------------- week view

    private record WeekFigures(double[] p50, double[] p95, double[] layout50, double[] render50, int blocks,
                               String pipeline) {
    }

    /**
     * The appointment book's week view on the book part's clinic, in a child JVM with a display ({@link BenchWeek}):
     * a warm-up round, then {@code runs} rounds of {@link #WEEK_CHANGES} changes of week; null without a display.
     */
    private WeekFigures weekView(Path folder, String password, int runs, JvmSet jvm, Path dir) {
        Display display = Display.detect();
        out.println();
        out.println("== Week view (BenchWeek: the book's view, week of every injector, " + WEEK_CHANGES + " changes of week"
                + " a round, each timed from the click to laid out and rendered) in a child JVM: " + display.description()
                + "; 1 warm-up round + " + runs + " rounds ==");
        if (!display.usable()) {
            out.println("  skipped: no display");
            return null;
        }
        double[] p50 = new double[runs];
        double[] p95 = new double[runs];
        double[] layout = new double[runs];
        double[] render = new double[runs];
        int blocks = 0;
        String pipeline;
        List<String> cmd = command(display, jvm, List.of(), BenchWeek.class.getName(), folder.toAbsolutePath().toString(),
                password, Integer.toString(WEEK_CHANGES), Integer.toString(runs + 1));
        try (Child c = new Child(cmd, dir.resolve("child-week.log"))) {
            for (int r = -1; r < runs; r++) {
                String l = c.await(BenchWeek.MARKER).text();
                out.println("  " + l.substring(BenchWeek.MARKER.length()) + (r < 0 ? " (warm-up)" : ""));
                if (r >= 0) {
                    p50[r] = field(l, "p50");
                    p95[r] = field(l, "p95");
                    layout[r] = field(l, "layout50");
                    render[r] = field(l, "render50");
                    blocks = (int) field(l, "blocks");
                }
            }
            pipeline = c.await(BenchWeek.DONE).text().replaceAll(".*pipeline=(\\S+).*", "$1");
            c.awaitExit();
        }
        out.println("  p95 of each round, ms: " + fmt(p95) + "; median " + round(median(p95.clone())));
        return new WeekFigures(p50, p95, layout, render, blocks, pipeline);
    }

    // ---------------------------------------------------------------- site-map redraw

    private record RedrawFigures(double[] median, double[] p95, double[] worst, double medianOfMedians,
                                 double medianOfP95, String pipeline) {
    }

    /** For each JVM set, one child JVM: {@link BenchRedraw}, an untimed round, then {@code runs} rounds. */
    private Map<JvmSet, RedrawFigures> redraw(int runs, Display display, List<JvmSet> jvmSets, Path dir) {
        out.println();
        out.println("== Site-map redraw (SiteMapBenchmark, " + REDRAW_POINTS + " points moved every frame, CSS + layout +"
                + " a scene snapshot per frame) in a child JVM: 1 untimed round + " + runs + " rounds of " + REDRAW_FRAMES
                + " frames ==");
        Map<JvmSet, RedrawFigures> figures = new LinkedHashMap<>();
        for (JvmSet jvm : jvmSets) {
            double[] med = new double[runs];
            double[] p95 = new double[runs];
            double[] worst = new double[runs];
            String pipeline;
            List<String> cmd = command(display, jvm, List.of(), BenchRedraw.class.getName(),
                    Integer.toString(REDRAW_POINTS), Integer.toString(REDRAW_FRAMES), Integer.toString(runs + 1));
            try (Child c = new Child(cmd, dir.resolve("child-redraw.log"))) {
                for (int r = -1; r < runs; r++) {
                    String l = c.await(BenchRedraw.MARKER).text();
                    int shown = (int) field(l, "shown");
                    if (shown != REDRAW_POINTS) {
                        throw new BenchException("the site map showed " + shown + " of " + REDRAW_POINTS + " markers");
                    }
                    if (r >= 0) {
                        med[r] = field(l, "median");
                        p95[r] = field(l, "p95");
                        worst[r] = field(l, "worst");
                    }
                }
                pipeline = c.await(BenchRedraw.DONE).text().replaceAll(".*pipeline=(\\S+).*", "$1");
                c.awaitExit();
            }
            RedrawFigures f = new RedrawFigures(med, p95, worst, median(med.clone()), median(p95.clone()), pipeline);
            if (jvmSets.size() > 1) {
                out.println("  [" + jvm.label() + "]");
            }
            out.println("  Prism pipeline: " + pipeline);
            out.println("  median frame, ms: " + fmt(med) + "; median " + round(f.medianOfMedians()));
            out.println("  p95 frame, ms:    " + fmt(p95) + "; median " + round(f.medianOfP95()));
            out.println("  worst frame, ms:  " + fmt(worst));
            figures.put(jvm, f);
        }
        return figures;
    }

    /** The number after {@code name=} in a probe's line. */
    private static double field(String line, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "=([0-9.]+)").matcher(line);
        if (!m.find()) {
            throw new BenchException("no " + name + " in \"" + line + "\"");
        }
        return Double.parseDouble(m.group(1));
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

    // ---------------------------------------------------------------- worklist

    private record WorklistFigures(double[] all, double[] roundP95, int patients, int tasks, String rows) {
    }

    /**
     * A clinic of its own in {@code folder}: {@code patients} synthetic patients and half as many
     * open follow-up tasks written in batches ({@link WorklistBenchmark}); the store is reopened,
     * then the front desk's worklist ({@link org.needlepoint.followup.FollowUpService#frontDeskWorklist})
     * is loaded for today and the next days, a warm-up round and then R rounds of
     * {@link #WORKLIST_LOADS_PER_ROUND}.
     */
    private WorklistFigures worklist(Path folder, int patients, int runs) {
        int tasks = patients / 2;
        out.println();
        out.println("== Front-desk worklist (FollowUpService.frontDeskWorklist), " + patients + " patients, " + tasks
                + " open tasks; 1 warm-up round + " + runs + " rounds of " + WORKLIST_LOADS_PER_ROUND + " loads ==");
        String password = password();
        long t0 = System.nanoTime();
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.clinic().setUp(new Clinic("Bench Aesthetics Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                    new UserDraft(ADMIN, "Bench Administrator", Role.ADMIN, null, null),
                    password.toCharArray(), password.toCharArray());
            long admin = s.auth().signIn(ADMIN, password.toCharArray()).id();
            Random rnd = new Random(SEED);
            LocalDate today = LocalDate.now(s.clock());
            WorklistBenchmark.Seeded seeded = WorklistBenchmark.seed(db, () -> SeedDemo.patient(rnd, today), patients, tasks,
                    rnd, s.clock(), admin);
            s.auth().signOut();
            out.printf(Locale.ROOT, "  seeded in %.0f s (%d snoozed)%n", seconds(t0), seeded.snoozed());
        }
        List<Double> all = new ArrayList<>();
        double[] roundP95 = new double[runs];
        String rows;
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.auth().signIn(ADMIN, password.toCharArray());
            FollowUpService followUps = s.followUps();
            LocalDate today = followUps.today();
            int[] sizes = new int[3];
            for (int round = -1; round < runs; round++) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < WORKLIST_LOADS_PER_ROUND; i++) {
                    LocalDate day = today.plusDays(i % 5);
                    long t = System.nanoTime();
                    Worklist w = followUps.frontDeskWorklist(day);
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (i == 0) {
                        sizes = new int[] {w.overdue().size(), w.dueToday().size(), w.upcoming().size()};
                    }
                    times.add(ms);
                }
                if (round >= 0) {
                    all.addAll(times);
                    roundP95[round] = percentile(sorted(times), 95);
                }
            }
            rows = sizes[0] + " overdue + " + sizes[1] + " today + " + sizes[2] + " upcoming";
            s.auth().signOut();
        }
        double[] a = sorted(all);
        out.printf(Locale.ROOT, "  loads: p50 %.2f ms, p95 %.2f ms, max %.2f ms; today's list: %s rows%n",
                percentile(a, 50), percentile(a, 95), a[a.length - 1], rows);
        out.printf(Locale.ROOT, "  p95 of each round: %s ms; median %.2f ms%n", fmt(roundP95), median(roundP95.clone()));
        return new WorklistFigures(a, roundP95, patients, tasks, rows);
    }

    // ---------------------------------------------------------------- summary

    private void summary(Config config, int patients, SearchFigures search, ChartFigures chart, WorklistFigures worklist,
                         BenchStock.RecallFigures recall, BenchStock.ReceiveFigures receive, BenchBook.BookFigures book,
                         WeekFigures week, BackupFigures backup,
                         Map<JvmSet, StartFigures> start, Map<JvmSet, MemoryFigures> memory,
                         Map<JvmSet, RedrawFigures> redraw, Display display) {
        int runs = config.runs();
        out.println();
        out.println("== Summary: " + (patients > 0 ? patients + " patients, " : "") + machine() + ", " + runs + " runs"
                + (display != null ? "; child windows: " + display.description() : "") + loadAverage() + " ==");
        out.println("  this JVM: " + jvmArgs());
        out.printf(Locale.ROOT, "  %-48s %12s   %-12s %s%n", "measure", "measured", "target", "");
        if (search != null) {
            KindFigures slowest = search.slowest();
            long misses = search.kinds().stream().filter(k -> k.p95() > search.targetMs()).count();
            line("search p95, slowest kind (" + slowest.name() + ")", round(slowest.p95()) + " ms",
                    "<= " + round(search.targetMs()) + " ms", misses == 0 && search.missed() == 0);
            info("  kinds over the target", misses + " of " + search.kinds().size());
            info("  all queries p95 (median of " + runs + " rounds' p95)", round(search.medianRoundP95()) + " ms");
        }
        if (chart != null) {
            double pair = median(chart.roundPairP95().clone());
            line("chart save + reload p95 (median of rounds')", round(pair) + " ms", "<= 20 ms",
                    pair <= CHART_P95_TARGET_MS);
            info("  save p95 / reload p95", round(median(chart.roundSaveP95().clone())) + " / "
                    + round(median(chart.roundReloadP95().clone())) + " ms");
            info("  save + reload p50", round(percentile(chart.pair(), 50)) + " ms");
        }
        if (worklist != null) {
            double p95 = median(worklist.roundP95().clone());
            line("worklist load p95 (median of rounds')", round(p95) + " ms", "<= 100 ms", p95 <= WORKLIST_P95_TARGET_MS);
            info("  p50 / max; rows per load", round(percentile(worklist.all(), 50)) + " / "
                    + round(worklist.all()[worklist.all().length - 1]) + " ms; " + worklist.rows());
            info("  on", worklist.patients() + " patients, " + worklist.tasks() + " open tasks");
        }
        if (recall != null) {
            line("recall list p95 (median of " + runs + " rounds' p95)", round(recall.medianRoundP95()) + " ms",
                    "<= 50 ms", recall.medianRoundP95() <= BenchStock.RECALL_P95_TARGET_MS);
            info(String.format(Locale.ROOT, "  on %d patients, %d points, %d lots; p50", recall.patients(),
                    recall.points(), recall.lots()), round(percentile(recall.all(), 50)) + " ms");
            info("  thread CPU per list p50 / p95", round(percentile(recall.cpu(), 50)) + " / "
                    + round(percentile(recall.cpu(), 95)) + " ms");
        }
        if (receive != null) {
            line("receive a scanned pack p95 (median of rounds')", round(receive.medianRoundP95()) + " ms", "<= 50 ms",
                    receive.medianRoundP95() <= BenchStock.RECEIVE_P95_TARGET_MS);
            info("  receive p50", round(percentile(receive.all(), 50)) + " ms");
        }
        if (book != null) {
            double p95 = median(book.roundBookP95().clone());
            line("booking (conflict check + save) p95 (median of rounds')", round(p95) + " ms", "<= 20 ms",
                    p95 <= BenchBook.BOOK_P95_TARGET_MS);
            info("  booking p50; refused as taken", round(percentile(book.book(), 50)) + " ms; " + book.refused() + " of "
                    + book.book().length);
            double read = median(book.roundWeekP95().clone());
            info("week read, " + book.weekRows() + " appointments, p95 (median of rounds')", round(read) + " ms");
            info("  on", book.patients() + " patients, " + book.appointments() + " appointments, 6 injectors");
        }
        if (week != null) {
            double p95 = median(week.p95().clone());
            line("week view, change of week to rendered, p95 (median of rounds')", round(p95) + " ms", "<= 100 ms",
                    p95 <= BenchBook.WEEK_TARGET_MS);
            info("  p50; laid out p50 + rendered p50", round(median(week.p50().clone())) + " ms; "
                    + round(median(week.layout50().clone())) + " + " + round(median(week.render50().clone())) + " ms");
            info("  blocks; pipeline", week.blocks() + "; " + week.pipeline());
        }
        if (backup != null) {
            info("backup (median of " + runs + ")", round(median(backup.backupMs().clone())) + " ms");
            info("  backup file size", String.format(Locale.ROOT, "%.1f MB", backup.sizeBytes() / 1048576.0));
            info("restore verification (median of " + runs + ")", round(median(backup.verifyMs().clone())) + " ms");
        }
        for (JvmSet jvm : config.jvmSets()) {
            boolean childParts = config.parts().contains(Part.START) || config.parts().contains(Part.MEMORY)
                    || config.parts().contains(Part.REDRAW);
            if (!childParts) {
                break;
            }
            out.println("  child JVMs: " + jvm.label());
            if (!config.parts().contains(Part.START)) {
                // not asked for
            } else if (start.containsKey(jvm)) {
                StartFigures f = start.get(jvm);
                line("cold start, app / bare window (medians)", String.format(Locale.ROOT, "%.2fx", f.ratio()), "<= 1.5x",
                        f.ratio() <= COLD_START_RATIO_TARGET);
                info("  app to sign-in window / bare window", round(f.appMedian()) + " / " + round(f.bareMedian()) + " ms");
            } else {
                info("cold start", "skipped");
            }
            if (!config.parts().contains(Part.MEMORY)) {
                // not asked for
            } else if (memory.containsKey(jvm)) {
                MemoryFigures f = memory.get(jvm);
                line("resident memory after a search (median)", round(f.medianMb()) + " MB", "<= 300 MB",
                        f.medianMb() <= RSS_TARGET_MB);
            } else {
                info("resident memory", "skipped");
            }
            if (!config.parts().contains(Part.REDRAW)) {
                // not asked for
            } else if (redraw.containsKey(jvm)) {
                RedrawFigures f = redraw.get(jvm);
                line("300-point redraw, median frame (median of rounds)", round(f.medianOfMedians()) + " ms", "< 16 ms",
                        f.medianOfMedians() < FRAME_TARGET_MS);
                line("300-point redraw, p95 frame (median of rounds)", round(f.medianOfP95()) + " ms", "< 16 ms",
                        f.medianOfP95() < FRAME_TARGET_MS);
            } else {
                info("site-map redraw", "skipped");
            }
        }
    }

    private void info(String what, String measured) {
        out.printf(Locale.ROOT, "  %-48s %12s%n", what, measured);
    }

    private void line(String what, String measured, String target, boolean pass) {
        out.printf(Locale.ROOT, "  %-48s %12s   %-12s %s%n", what, measured, target, pass ? "PASS" : "MISS");
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

    static String fmt(double[] values) {
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
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "; load average " + f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static double seconds(long t0) {
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
