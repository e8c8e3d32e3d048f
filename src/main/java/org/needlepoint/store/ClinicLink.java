package org.needlepoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a joined PC's data folder holds instead of records: the clinic server's address, this PC's
 * own database account on it, and the server certificate's SHA-256 fingerprint pinned at joining
 * ({@code clinic-server.link}, readable by the PC's user only). A folder with a link is opened with
 * {@link Database#connect}; one without is the embedded records, as before.
 */
public record ClinicLink(String clinic, String host, int port, String user, String password, String fingerprint,
                         String pcName, Instant joinedAt) {
    public static final String FILE = "clinic-server.link";
    /** Beside served records: the server PC's own link, so the app on that PC works through the server too. */
    public static final String SERVER_PC = "server-pc.link";

    public ClinicLink {
        if (host == null || host.isBlank() || port < 1 || port > 65535 || user == null || password == null
                || fingerprint == null || fingerprint.isBlank()) {
            throw new IllegalArgumentException("incomplete clinic server link");
        }
    }

    /** "host:port", as a person types it. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The JDBC address of the clinic's records on the server, over TLS. */
    public String url() {
        return "jdbc:h2:ssl://" + address() + "/" + Database.DB_NAME + ";LOCK_TIMEOUT=5000";
    }

    /** The link in {@code folder}, if the folder is a joined PC's. */
    public static Optional<ClinicLink> read(Path folder) {
        return readFile(folder, FILE);
    }

    /** The server PC's own link beside the records it serves, if it ever served them. */
    public static Optional<ClinicLink> readServerPc(Path folder) {
        return readFile(folder, SERVER_PC);
    }

    private static Optional<ClinicLink> readFile(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new ClinicLink(p.getProperty("clinic", ""), p.getProperty("host"),
                    Integer.parseInt(p.getProperty("port", "0")), p.getProperty("user"), p.getProperty("password"),
                    p.getProperty("fingerprint"), p.getProperty("pc", ""),
                    Instant.parse(p.getProperty("joined", Instant.EPOCH.toString()))));
        } catch (IOException | RuntimeException e) {
            throw new StoreException("The link to the clinic server in " + folder + " cannot be read (" + FILE
                    + "): join this PC to the clinic server again.", e);
        }
    }

    /** True when {@code folder} is a joined PC's (it holds a link, not records). */
    public static boolean isJoined(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /** Writes the link into {@code folder} (whole or not at all), readable by this user only where the OS allows. */
    public void write(Path folder) {
        writeFile(folder, FILE);
    }

    /** Writes the server PC's own link beside the records. */
    public void writeServerPc(Path folder) {
        writeFile(folder, SERVER_PC);
    }

    private void writeFile(Path folder, String name) {
        Properties p = new Properties();
        p.setProperty("clinic", clinic);
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("pc", pcName);
        p.setProperty("joined", joinedAt.toString());
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(name + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            ownerOnly(tmp);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Needlepoint: this PC's link to the clinic server. Keep it private.");
            }
            try {
                Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot write the link to the clinic server in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code file} readable and writable by its owner only (POSIX); elsewhere the per-user folder's rights apply. */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: %APPDATA% is the user's own
        }
    }

    @Override
    public String toString() {
        return "ClinicLink[" + clinic + " at " + address() + " as " + user + "]"; // never the password
    }
}
