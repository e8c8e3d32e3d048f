package org.needlepoint.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import javafx.application.Platform;
import org.needlepoint.app.Services;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.security.UserDraft;
import org.needlepoint.store.Database;

/**
 * The training run behind the installer's AppCDS archive (installer/build.xml): the classes a
 * start-up of the app loads are recorded from this run ({@code -XX:DumpLoadedClassList}) and
 * archived at build time, so the installed app maps them instead of loading them.
 *
 * <p>In an empty data folder it sets up a clinic (an administrator with a random password) and
 * registers {@link #PATIENTS} synthetic patients, then starts the real app through
 * {@link org.needlepoint.Main} on that folder and works it as a person would ({@link AppDriver}):
 * the sign-in window, the store opening behind it, signing in, a patient search. It prints
 * {@code NEEDLEPOINT_TRAINED rows=<n>} and exits 0; any failure exits 1. The build runs it headless
 * (Monocle), so it needs no display.
 */
public final class CdsTraining {
    static final String MARKER = "NEEDLEPOINT_TRAINED";
    /** Held so the logging configuration is not garbage-collected (as in {@link org.needlepoint.Main}). */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
    static final int PATIENTS = 40;
    private static final String ADMIN = "admin";

    private CdsTraining() {
    }

    /** Argument: an empty (or missing) data folder, which is left behind for the caller to delete. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining EMPTY_DATA_FOLDER");
            System.exit(2);
        }
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        int code = 1;
        try {
            code = run(Path.of(args[0]));
        } catch (Exception | Error e) {
            System.err.println("CdsTraining failed: " + e);
            e.printStackTrace();
        }
        System.exit(code);
    }

    private static int run(Path folder) throws Exception {
        String password = password();
        String query = seed(folder, password);
        Thread app = AppDriver.startApp(folder.toString());
        int rows = AppDriver.signInAndSearch(ADMIN, password, query);
        System.out.println(MARKER + " rows=" + rows);
        System.out.flush();
        Platform.exit();
        app.join(60_000);
        return rows > 0 ? 0 : 1;
    }

    /** Sets up the clinic and its patients; returns a search (a last-name prefix) that finds some of them. */
    static String seed(Path folder, String password) {
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher());
            s.clinic().setUp(new Clinic("Training Clinic", "1 Example Way, Demo Town", "(555) 010-0100", 0),
                    new UserDraft(ADMIN, "Training Administrator", Role.ADMIN, null, null),
                    password.toCharArray(), password.toCharArray());
            s.auth().signIn(ADMIN, password.toCharArray());
            Random rnd = new Random(42);
            LocalDate today = s.patients().today();
            String query = null;
            for (int i = 0; i < PATIENTS; i++) {
                PatientDetails d = SeedDemo.patient(rnd, today);
                s.patients().create(d, true);
                if (query == null) {
                    query = d.lastName().substring(0, Math.min(2, d.lastName().length()));
                }
            }
            s.auth().signOut();
            return query;
        }
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
}
