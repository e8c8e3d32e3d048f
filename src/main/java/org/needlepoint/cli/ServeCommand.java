package org.needlepoint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.server.ClinicServer;
import org.needlepoint.server.JoinCodes;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.store.FolderLock;
import org.needlepoint.store.StoreException;

/**
 * {@code serve [--port P] [--bind ADDR] [--backup-at HH:MM]}: serves the data folder's records to
 * the clinic's joined PCs until stopped (SIGTERM, Ctrl+C): then it stops taking PCs, backs up,
 * closes the records and exits 0.
 */
final class ServeCommand {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    /** What a server of new, empty records calls its clinic until someone sets it up. */
    static final String NOT_SET_UP = "a new clinic (not set up yet: set it up from a joined PC)";
    private final PrintStream out;
    private final Clock clock;
    private final PasswordHasher hasher;

    ServeCommand(PrintStream out, Clock clock, PasswordHasher hasher) {
        this.out = out;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Settings H2 reads once, when it is first used in the process: set before anything opens a database. */
    static void prepareProcess(String bind) {
        System.setProperty("h2.enableAnonymousTLS", "false");
        if (bind != null) {
            System.setProperty("h2.bindAddress", bind);
        }
    }

    int run(Path folder, ClinicServer.Settings settings, CountDownLatch stop) {
        ClinicLink.read(folder).ifPresent(l -> {
            throw new StoreException("The data folder " + folder + " is joined to the clinic server at " + l.address()
                    + ": serve on the PC that holds the records.");
        });
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, clock, hasher);
            // a new folder is served too: the clinic is then set up (or seed-demo'd) from any joined PC
            String clinic = s.clinic().clinic().map(c -> c.name()).orElse(NOT_SET_UP);
            // before the server takes PCs: their searches and chart saves call these functions
            s.patients().serveSearches();
            s.charts().serveSaves();
            ClinicServer server = ClinicServer.start(db, clinic, s.backups(), clock, settings);
            Path marker = FolderLock.markServed(folder, server.port());
            try {
                String code = server.makeJoinCode();
                LocalTime until = LocalTime.now(clock.withZone(ZoneId.systemDefault())).plus(JoinCodes.VALID_FOR);
                out.println("Needlepoint clinic server: " + clinic);
                out.println("Records:     " + folder.toAbsolutePath());
                server.addresses().forEach(a -> out.println("Address:     " + a + " (joining PCs also use port "
                        + server.joinPort() + ")"));
                out.println("Fingerprint: " + server.fingerprint());
                out.println("Join code:   " + code + " (one PC, valid until " + HHMM.format(until) + ")");
                out.println("Backups:     at the day's first start, daily at " + HHMM.format(settings.backupAt())
                        + " and on stopping; Ctrl+C or SIGTERM stops the server.");
                out.flush();
                stop.await();
                out.println("Stopping: backing up and closing the records...");
                out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                server.close();
                try {
                    Files.deleteIfExists(marker);
                } catch (IOException ignored) {
                    // the lock is what counts
                }
            }
        }
        out.println("The clinic server stopped.");
        return 0;
    }

    /** Counts down {@code stop} on SIGTERM and Ctrl+C (SIGINT), instead of the JVM's default exit (143/130). */
    @SuppressWarnings("restriction")
    static void stopOnSignals(CountDownLatch stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> stop.countDown());
            } catch (IllegalArgumentException unsupported) {
                // not on this OS: the default applies
            }
        }
    }
}
