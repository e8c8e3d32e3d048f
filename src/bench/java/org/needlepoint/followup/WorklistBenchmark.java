package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.security.Role;
import org.needlepoint.store.Database;
import org.needlepoint.store.Sql;

/**
 * The synthetic clinic of {@code bench --only worklist}: many patients and open follow-up tasks,
 * written straight through the stores in large transactions and JDBC batches (no audit rows, no
 * duplicate checks: this is load, not a clinic's history). The tasks' due dates spread from 30
 * days ago to 335 days ahead (a year of re-treatment reminders and checks, the last month's still
 * open), one in ten snoozed for a few days, 85% for the front desk and the rest for the injectors.
 */
public final class WorklistBenchmark {
    private static final String[] REASONS = {
        "Toxin review 2 weeks after treatment \u2013 Dysport 300 U on ",
        "Toxin re-treatment reminder \u2013 Dysport 300 U on ",
        "Next Sculptra session of the course \u2013 Sculptra session 1 of 3 on ",
        "Sculptra nodule check 6 months after the course \u2013 last Sculptra session 3 of 3 on ",
        "Side-effect check call (grade 1) \u2013 Bruising, reported ",
    };
    private static final int PATIENTS_PER_TX = 5_000;
    private static final int TASKS_PER_TX = 10_000;

    private WorklistBenchmark() {
    }

    /** What was written: patients, open tasks, and how many of those are snoozed. */
    public record Seeded(int patients, int tasks, int snoozed) {
    }

    /**
     * Writes {@code patients} patients made by {@code patient} and {@code tasks} open tasks spread
     * over them; {@code by} is the account recorded as creator.
     */
    public static Seeded seed(Database db, Supplier<PatientDetails> patient, int patients, int tasks, Random rnd,
                              Clock clock, long by) {
        PatientStore patientStore = new PatientStore();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = new ArrayList<>(patients);
        for (int done = 0; done < patients; done += PATIENTS_PER_TX) {
            int n = Math.min(PATIENTS_PER_TX, patients - done);
            List<PatientDetails> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(patient.get());
            }
            db.tx(c -> {
                for (PatientDetails d : batch) {
                    ids.add(patientStore.insert(c, d, now, by).id());
                }
                return null;
            });
        }
        int snoozed = 0;
        for (int done = 0; done < tasks; done += TASKS_PER_TX) {
            int n = Math.min(TASKS_PER_TX, tasks - done);
            List<FollowUpStore.TaskRow> rows = new ArrayList<>(n);
            List<LocalDate> snooze = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = done + i;
                LocalDate due = today.plusDays(-30 + rnd.nextInt(366));
                int r = rnd.nextInt(REASONS.length);
                TaskKind kind = r == 1 || r == 4 ? TaskKind.CALL : r == 2 ? TaskKind.VISIT : TaskKind.REVIEW;
                rows.add(new FollowUpStore.TaskRow(ids.get(rnd.nextInt(ids.size())), kind, due,
                        r == 1 ? due.minusDays(2) : null, rnd.nextInt(100) < 85 ? Role.FRONT_DESK : Role.INJECTOR, null,
                        REASONS[r] + FollowUpPlanner.DAY.format(due.minusDays(14)), r != 1 && r != 2, TaskSource.MANUAL,
                        "bench:" + k, null, null, null, null));
                boolean sleep = rnd.nextInt(10) == 0;
                snooze.add(sleep ? today.plusDays(1 + rnd.nextInt(10)) : null);
                snoozed += sleep ? 1 : 0;
            }
            db.tx(c -> {
                insertBatch(c, rows, snooze, now, by);
                return null;
            });
        }
        return new Seeded(patients, tasks, snoozed);
    }

    /**
     * Inserts open tasks in JDBC batches with the store's own statement, each snoozed until the
     * date at its index in {@code snoozedUntil} (null: not snoozed). Source keys must be new.
     */
    private static void insertBatch(Connection c, List<FollowUpStore.TaskRow> rows, List<LocalDate> snoozedUntil,
                                    Instant now, Long by) throws SQLException {
        String insert = FollowUpStore.INSERT_TASK.substring(0, FollowUpStore.INSERT_TASK.length() - 1) + ", snoozed_until)";
        try (PreparedStatement ps = c.prepareStatement(insert + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (FollowUpStore.TaskRow t : rows) {
                int i = FollowUpStore.setTask(ps, t, now, by);
                Sql.setDate(ps, i, snoozedUntil.get(n));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
