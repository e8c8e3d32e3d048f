package org.needlepoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/** Where a clinic's data lives: --data DIR, else NEEDLEPOINT_DATA, else the OS's per-user folder. */
public final class DataFolder {
    public static final String ENV = "NEEDLEPOINT_DATA";
    private static final String PROBE = ".needlepoint-write-check";

    private DataFolder() {
    }

    public static Path resolve(String cliOverride, Map<String, String> env, String osName, String userHome) {
        if (cliOverride != null && !cliOverride.isBlank()) {
            return Path.of(cliOverride).toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Needlepoint");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Needlepoint");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("needlepoint");
    }

    public static Path resolveDefault(String cliOverride) {
        return resolve(cliOverride, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /**
     * Creates the folder if needed and proves it can be written (a small file is written, flushed
     * and deleted), with a message a person understands. Nothing else is written to a folder that
     * fails this.
     */
    public static void prepare(Path dir) {
        if (!Files.exists(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException | RuntimeException e) {
                throw new StoreException("The data folder " + dir + " does not exist and cannot be created because "
                        + DiskErrors.reason(e) + ". If it is on another disk or a network share, check that it is"
                        + " connected; or choose another folder with --data.", e);
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new StoreException("The data folder " + dir + " is not a folder (a file has that name)."
                    + " Choose another folder with --data.");
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("The data folder " + dir + " cannot be written to. Check its permissions or choose"
                    + " another with --data.");
        }
        probe(dir, "The data folder " + dir, " Check its permissions and free space, or choose another with --data.");
    }

    /** Writes, flushes and deletes a small file in {@code dir}; a failure is a {@link StoreException} starting with {@code what}. */
    public static void probe(Path dir, String what, String advice) {
        Path probe = dir.resolve(PROBE);
        try {
            Files.write(probe, new byte[4096], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // reported below
            }
            if (DiskErrors.isDiskFull(e)) {
                throw new StoreException(what + " is on a disk that is full. Free some space on that disk, then try"
                        + " again.", e);
            }
            throw new StoreException(what + " cannot be written to because " + DiskErrors.reason(e) + "." + advice, e);
        }
    }

    /** The database file, when it exists, must be writable too: H2 would otherwise open it read-only. */
    static void checkDatabaseFile(Path dir) {
        Path file = dir.resolve(Database.DB_FILE);
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StoreException("The clinic's database file " + file + " cannot be written to. Check its"
                    + " permissions (it must not be read-only).");
        }
    }
}
