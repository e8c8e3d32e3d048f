package org.needlepoint.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.needlepoint.app.Services;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.schedule.AppointmentDraft;
import org.needlepoint.schedule.AppointmentKind;
import org.needlepoint.schedule.AppointmentService;
import org.needlepoint.schedule.BookingConflictException;
import org.needlepoint.schedule.Room;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.Database;

/**
 * bench's <b>book</b> part: a clinic of its own with N patients (by batched SQL, as the search part
 * seeds them) and 2N appointments of 6 injectors, each in a room of their own, written by batched SQL
 * week after week back from next week: every week full (Monday to Friday 17 half-hour slots from
 * 09:00, Saturday 15: 100 a week per injector, 600 in all), the past ones completed (one in 20
 * cancelled, one in 25 a no-show), the future ones booked. Then, on the store reopened:
 * <ul>
 * <li><b>booking</b>: {@link AppointmentService#book} as the front desk (the injector's and room's
 * rows locked, the conflict check, the insert with its status log and audit row, the commit flushed as
 * the app's are) of random half-hour slots on the free days after the seeded weeks, 100 a round, a
 * warm-up round and R rounds; a slot already taken by an earlier booking is refused, and timed too;</li>
 * <li><b>week read</b>: {@link AppointmentService#week} (600 appointments with the patients', injectors'
 * and rooms' names and their planned products) of a random seeded week, 20 a round, a warm-up round and
 * R rounds: the data part of the week view after a change of week.</li>
 * </ul>
 */
final class BenchBook {
    static final double BOOK_P95_TARGET_MS = 20;
    static final double WEEK_TARGET_MS = 100;
    static final int INJECTORS = 6;
    static final int BOOKINGS_PER_ROUND = 100;
    static final int WEEKS_PER_ROUND = 20;
    private static final int PATIENTS_PER_TX = 10_000;
    private static final int APPOINTMENTS_PER_TX = 10_000;
    private static final long SEED = 1313L;
    private static final String DESK = "desk";

    record BookFigures(double[] book, double[] roundBookP95, int refused, double[] week, double[] roundWeekP95,
                       int weekRows, int patients, long appointments, String loadBefore, String loadAfter) {
    }

    private final PrintStream out;

    BenchBook(PrintStream out) {
        this.out = out;
    }

    BookFigures run(Path folder, int patients, int runs, String password) {
        long appointments = 2L * patients;
        out.println();
        out.println("== Appointment book: " + patients + " patients, " + appointments + " appointments of " + INJECTORS
                + " injectors by batched SQL; booking (" + BOOKINGS_PER_ROUND + " a round) and week reads ("
                + WEEKS_PER_ROUND + " a round), 1 warm-up round + " + runs + " rounds ==");
        long t0 = System.nanoTime();
        ZoneId zone = Clock.systemDefaultZone().getZone();
        LocalDate nextMonday = LocalDate.now(zone).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY));
        int weeks = (int) ((appointments + 599) / 600);
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.clinic().setUp(new Clinic("Bench Aesthetics Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                    new UserDraft(Bench.ADMIN, "Bench Administrator", Role.ADMIN, null, null),
                    password.toCharArray(), password.toCharArray());
            s.auth().signIn(Bench.ADMIN, password.toCharArray());
            long[] injectors = new long[INJECTORS];
            long[] rooms = new long[INJECTORS];
            for (int i = 0; i < INJECTORS; i++) {
                injectors[i] = s.users().create(new UserDraft("injector" + (i + 1), "Bench Injector " + (i + 1), Role.INJECTOR,
                        "NP", "BENCH-" + (i + 1)), password.toCharArray(), password.toCharArray()).id();
                rooms[i] = s.appointments().saveRoom(new Room(0, "Room " + (i + 1), true, 0)).id();
            }
            s.users().create(new UserDraft(DESK, "Bench Front Desk", Role.FRONT_DESK, null, null), password.toCharArray(),
                    password.toCharArray());
            long admin = s.session().require().id();
            s.auth().signOut();
            db.bulkLoad(true);
            Random rnd = new Random(SEED);
            LocalDate today = LocalDate.now(zone);
            PatientStore store = new PatientStore();
            Instant now = Instant.now();
            List<Long> ids = new ArrayList<>(patients);
            for (int done = 0; done < patients; done += PATIENTS_PER_TX) {
                int n = Math.min(PATIENTS_PER_TX, patients - done);
                List<PatientDetails> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(SeedDemo.patient(rnd, today));
                }
                db.tx(c -> {
                    store.insertAll(c, batch, now, null);
                    return null;
                });
            }
            db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id FROM patient ORDER BY id")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return null;
            });
            out.printf(Locale.ROOT, "  %d patients in %.0f s%n", ids.size(), Bench.seconds(t0));
            long written = 0;
            List<Object[]> rows = new ArrayList<>(APPOINTMENTS_PER_TX);
            for (int w = 0; w < weeks && written < appointments; w++) {
                LocalDate monday = nextMonday.minusWeeks(w);
                for (int d = 0; d < 6 && written < appointments; d++) {
                    LocalDate day = monday.plusDays(d);
                    int slots = d == 5 ? 15 : 17;
                    for (int inj = 0; inj < INJECTORS && written < appointments; inj++) {
                        for (int k = 0; k < slots && written < appointments; k++) {
                            LocalDateTime start = day.atTime(9, 0).plusMinutes(30L * k);
                            boolean past = start.atZone(zone).toInstant().isBefore(now);
                            int fate = rnd.nextInt(100);
                            String status = !past ? "BOOKED" : fate < 5 ? "CANCELLED" : fate < 9 ? "NO_SHOW" : "COMPLETED";
                            rows.add(new Object[] {ids.get(rnd.nextInt(ids.size())), injectors[inj], rooms[inj],
                                start.atZone(zone).toInstant(), start.plusMinutes(30).atZone(zone).toInstant(),
                                AppointmentKind.values()[rnd.nextInt(4)].name(), status});
                            written++;
                            if (rows.size() == APPOINTMENTS_PER_TX) {
                                insert(db, rows, now, admin);
                            }
                        }
                    }
                }
            }
            insert(db, rows, now, admin);
            db.bulkLoad(false);
            out.printf(Locale.ROOT, "  %d appointments (%d full weeks back from the week of %s) in %.0f s%s%n", written,
                    weeks, nextMonday, Bench.seconds(t0), Bench.loadAverage());
        }
        String loadBefore = Bench.loadAverage();
        List<Double> book = new ArrayList<>();
        double[] roundBook = new double[runs];
        List<Double> week = new ArrayList<>();
        double[] roundWeek = new double[runs];
        int refused = 0;
        int weekRows = 0;
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
            s.auth().signIn(DESK, password.toCharArray());
            AppointmentService service = s.appointments();
            List<Long> injectorIds = service.injectors().stream().map(i -> i.id()).toList();
            List<Room> rooms = service.rooms();
            long firstPatient = db.read(c -> org.needlepoint.store.Sql.count(c, "SELECT MIN(id) FROM patient"));
            long lastPatient = db.read(c -> org.needlepoint.store.Sql.count(c, "SELECT MAX(id) FROM patient"));
            Random rnd = new Random(SEED + 1);
            LocalDate free = nextMonday.plusWeeks(1);
            for (int round = -1; round < runs; round++) {
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < BOOKINGS_PER_ROUND; i++) {
                    int inj = rnd.nextInt(injectorIds.size());
                    LocalDateTime start = free.plusDays(rnd.nextInt(60)).atTime(9, 0).plusMinutes(30L * rnd.nextInt(17));
                    long patient = firstPatient + (long) rnd.nextInt((int) (lastPatient - firstPatient + 1));
                    AppointmentDraft draft = new AppointmentDraft(patient, injectorIds.get(inj), rooms.get(inj).id(), start,
                            null, AppointmentKind.TREATMENT, "Bench booking", List.of(), null);
                    long t = System.nanoTime();
                    try {
                        service.book(draft, true);
                    } catch (BookingConflictException taken) {
                        if (round >= 0) {
                            refused++;
                        }
                    }
                    times.add((System.nanoTime() - t) / 1e6);
                }
                if (round >= 0) {
                    book.addAll(times);
                    roundBook[round] = Bench.percentile(Bench.sorted(times), 95);
                }
                times = new ArrayList<>();
                for (int i = 0; i < WEEKS_PER_ROUND; i++) {
                    LocalDate any = nextMonday.minusWeeks(rnd.nextInt(Math.max(1, weeks - 1))).plusDays(rnd.nextInt(7));
                    long t = System.nanoTime();
                    int n = service.week(any).size();
                    times.add((System.nanoTime() - t) / 1e6);
                    weekRows = Math.max(weekRows, n);
                }
                if (round >= 0) {
                    week.addAll(times);
                    roundWeek[round] = Bench.percentile(Bench.sorted(times), 95);
                }
            }
            s.auth().signOut();
        }
        String loadAfter = Bench.loadAverage();
        double[] b = Bench.sorted(book);
        double[] w = Bench.sorted(week);
        out.printf(Locale.ROOT, "  booking: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d of %d refused as taken)%n",
                Bench.percentile(b, 50), Bench.percentile(b, 95), b[b.length - 1], refused, b.length);
        out.printf(Locale.ROOT, "  week read (%d appointments): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", weekRows,
                Bench.percentile(w, 50), Bench.percentile(w, 95), w[w.length - 1]);
        out.println("  load average before" + loadBefore.replace("; load average", "") + ", after"
                + loadAfter.replace("; load average", ""));
        return new BookFigures(b, roundBook, refused, w, roundWeek, weekRows, patients, appointments, loadBefore, loadAfter);
    }

    /** Writes {@code rows} (patient, injector, room, start, end, kind, status) in one transaction of JDBC batches, and clears them. */
    private static void insert(Database db, List<Object[]> rows, Instant now, long by) {
        if (rows.isEmpty()) {
            return;
        }
        db.tx(c -> {
            insertBatch(c, rows, now, by);
            return null;
        });
        rows.clear();
    }

    private static void insertBatch(Connection c, List<Object[]> rows, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO appointment (patient_id, injector_id, room_id, starts_at,"
                + " ends_at, kind, status, cancel_reason, cancelled_at, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp at = Timestamp.from(now);
            int n = 0;
            for (Object[] r : rows) {
                boolean cancelled = "CANCELLED".equals(r[6]);
                ps.setLong(1, (Long) r[0]);
                ps.setLong(2, (Long) r[1]);
                ps.setLong(3, (Long) r[2]);
                ps.setTimestamp(4, Timestamp.from((Instant) r[3]));
                ps.setTimestamp(5, Timestamp.from((Instant) r[4]));
                ps.setString(6, (String) r[5]);
                ps.setString(7, (String) r[6]);
                ps.setString(8, cancelled ? "Bench cancellation" : null);
                ps.setTimestamp(9, cancelled ? Timestamp.from((Instant) r[3]) : null);
                ps.setTimestamp(10, at);
                ps.setLong(11, by);
                ps.setTimestamp(12, at);
                ps.setLong(13, by);
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
