package org.needlepoint.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.tools.Server;
import org.needlepoint.backup.BackupProgress;
import org.needlepoint.backup.BackupService;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.store.StoreException;

/**
 * The clinic server: H2's own TCP server over the data folder's records, with TLS on (the clinic's
 * own key, {@link ServerKeys}), only for databases that exist, plus the join port
 * ({@link JoinListener}). The records stay open in this process as the owner, who alone migrates,
 * backs up and compacts; joined PCs connect as users of their own ({@link PcStore}). While it runs
 * the folder is locked, so the app or a second server on the same folder is refused. Runs until
 * {@link #close()}: backs up on stop.
 */
public final class ClinicServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 9478;
    /** The daily backup, unless told otherwise (after a clinic's usual hours). */
    public static final LocalTime DEFAULT_BACKUP_AT = LocalTime.of(21, 0);
    private static final Logger LOG = Logger.getLogger(ClinicServer.class.getName());

    /** How to serve: the database port (the join port is the next), the address to listen on (null: all), the daily backup's time. */
    public record Settings(int port, String bind, LocalTime backupAt) {
    }

    private final Database db;
    private final BackupService backups;
    private final Clock clock;
    private final PcStore store = new PcStore();
    private final ServerKeys keys;
    private final JoinService joins;
    private final Server tcp;
    private final JoinListener listener;
    private final ScheduledExecutorService duties;
    private final Settings settings;
    private volatile LocalDate lastDailyBackup;
    private final ClinicLink localLink;
    private boolean closed;

    private ClinicServer(Database db, String clinic, BackupService backups, Clock clock, Settings settings)
            throws SQLException, IOException {
        this.db = db;
        this.backups = backups;
        this.clock = clock;
        this.settings = settings;
        db.secureOwner();
        this.keys = ServerKeys.ensure(db.folder(), clinic);
        keys.useForH2();
        db.adminWork(c -> {
            store.grantRights(c);
            return null;
        });
        db.startServing(keys.fingerprint(), clock.instant());
        this.joins = new JoinService(db, store, clinic, clock);
        List<String> args = new ArrayList<>(List.of("-tcpPort", Integer.toString(settings.port()), "-tcpSSL",
                "-ifExists", "-baseDir", db.folder().toAbsolutePath().toString(), "-tcpPassword", randomSecret()));
        if (!isLoopback(settings.bind())) {
            args.add("-tcpAllowOthers");
        }
        this.tcp = Server.createTcpServer(args.toArray(String[]::new)).start();
        JoinListener l;
        try {
            l = new JoinListener(keys, bindAddress(settings.bind()), JoinProtocol.joinPort(settings.port()), joins);
        } catch (IOException e) {
            tcp.stop();
            throw e;
        }
        this.listener = l;
        this.localLink = ensureLocalPc(clinic);
        this.duties = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "server-duties");
            t.setDaemon(true);
            return t;
        });
        duties.scheduleWithFixedDelay(this::dropRevoked, 1, 1, TimeUnit.SECONDS);
        duties.scheduleWithFixedDelay(this::touchConnected, 5, 30, TimeUnit.SECONDS);
        duties.scheduleWithFixedDelay(this::dailyBackup, 60, 60, TimeUnit.SECONDS);
        duties.scheduleWithFixedDelay(this::requestedBackups, 1, 1, TimeUnit.SECONDS);
        duties.execute(this::firstBackupOfTheDay);
    }

    /**
     * Serves the records of {@code db} (opened by the caller as the owner, on this PC). The caller
     * must have set {@code h2.bindAddress} before H2 was first used in the process, when binding.
     */
    public static ClinicServer start(Database db, String clinic, BackupService backups, Clock clock, Settings settings) {
        try {
            return new ClinicServer(db, clinic, backups, clock, settings);
        } catch (SQLException | IOException | RuntimeException e) {
            db.stopServing();
            if (e instanceof StoreException s) {
                throw s;
            }
            String why = e.getMessage() == null ? e.toString() : Database.firstLine(e.getMessage());
            throw new StoreException("The clinic server could not start on port " + settings.port() + ": " + why
                    + (why.contains("in use") || why.contains("90061") ? " (another program uses the port; try --port)" : ""), e);
        }
    }

    /** The certificate's fingerprint, for the screen and for joining PCs to compare. */
    public String fingerprint() {
        return keys.fingerprint();
    }

    public int port() {
        return tcp.getPort();
    }

    public int joinPort() {
        return listener.port();
    }

    /** A new one-time join code, valid 15 minutes. */
    public String makeJoinCode() {
        return joins.makeCode(null);
    }

    /** The addresses PCs can reach this server at, for the screen. */
    public List<String> addresses() {
        List<String> out = new ArrayList<>();
        if (settings.bind() != null && !settings.bind().equals("0.0.0.0")) {
            out.add(settings.bind() + ":" + port());
            return out;
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            out.add(local.getHostName() + ":" + port());
            if (!local.isLoopbackAddress()) {
                out.add(local.getHostAddress() + ":" + port());
            }
        } catch (UnknownHostException e) {
            out.add("this PC's address:" + port());
        }
        return out;
    }

    /**
     * The server's own PC is a joined PC too: the app opened on the served folder connects through
     * the server like any other PC ({@link Database#openFolder}), with an account made here and a
     * link kept beside the records ({@link ClinicLink#SERVER_PC}, to this port on loopback).
     */
    private ClinicLink ensureLocalPc(String clinic) {
        Path folder = db.folder();
        ClinicLink found = null;
        try {
            found = ClinicLink.readServerPc(folder).orElse(null);
        } catch (StoreException unreadable) {
            // made again below
        }
        ClinicLink old = found;
        String user;
        String password;
        if (old != null && db.read(c -> store.isActive(c, old.user()))) {
            user = old.user();
            password = old.password();
        } else {
            password = JoinService.secret();
            String name = "This server (" + hostName() + ")";
            user = db.adminWork(c -> {
                String u = store.nextUser(c);
                store.createUser(c, u, password);
                return u;
            });
            db.tx(c -> {
                store.insertPc(c, name, user, org.needlepoint.store.AppVersion.current(), clock.instant(), null);
                return null;
            });
        }
        ClinicLink link = new ClinicLink(clinic, "127.0.0.1", port(), user, password, keys.fingerprint(),
                "This server", clock.instant());
        link.writeServerPc(folder);
        return link;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "server PC";
        }
    }

    private void dropRevoked() {
        try {
            db.adminWork(c -> {
                for (String user : store.revokedUsersStillThere(c)) {
                    store.dropUser(c, user);
                    LOG.info("A revoked PC's account was removed: " + user);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Revoked PCs could not be removed now: " + e.getMessage(), e);
        }
    }

    private void touchConnected() {
        try {
            db.tx(c -> {
                store.touchConnected(c, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "last seen", e);
        }
    }

    /** "Back up now" from a joined PC (see BackupService.runRequested). */
    private void requestedBackups() {
        try {
            backups.runRequested();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A backup a PC asked for failed: " + e.getMessage(), e);
        }
    }

    private void firstBackupOfTheDay() {
        try {
            backups.backUpIfDueToday();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The start-of-day backup failed: " + e.getMessage(), e);
        }
    }

    private void dailyBackup() {
        LocalDate today = LocalDate.now(clock);
        if (today.equals(lastDailyBackup) || LocalTime.now(clock).isBefore(settings.backupAt())) {
            return;
        }
        lastDailyBackup = today;
        try {
            backups.backUpDaily();
            // the file grows with every save (see Database); compacting closes every PC's connection for a
            // moment (they reconnect by themselves), so only here, after the evening backup, and on stop
            backups.compactAfterDailyBackup();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The daily backup failed: " + e.getMessage(), e);
        }
    }

    /** Stops taking PCs, backs up (as on closing the app) and lets the records go. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.close();
        // never interrupted: an interrupt closes H2's file under a running backup; a running duty finishes first
        duties.shutdown();
        try {
            if (!duties.awaitTermination(10, TimeUnit.MINUTES)) {
                LOG.warning("A server duty (a backup?) is still running after 10 minutes; stopping anyway.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tcp.stop();
        db.stopServing();
        try {
            backups.backUpOnExit(BackupProgress.NONE);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The backup on stopping failed: " + e.getMessage(), e);
        }
    }


    private static boolean isLoopback(String bind) {
        if (bind == null) {
            return false;
        }
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static InetAddress bindAddress(String bind) throws UnknownHostException {
        return bind == null ? null : InetAddress.getByName(bind);
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
