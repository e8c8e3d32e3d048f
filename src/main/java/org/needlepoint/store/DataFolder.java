package org.needlepoint.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a clinic's data lives: --data DIR, else NEEDLEPOINT_DATA, else the OS's per-user folder. */
public final class DataFolder {
    public static final String ENV = "NEEDLEPOINT_DATA";

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

    /** Creates the folder if needed and checks it can be written, with a message a person understands. */
    public static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (Exception e) {
            throw new StoreException("Cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(dir)) {
            throw new StoreException("The data folder " + dir + " is not a folder.");
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("The data folder " + dir + " cannot be written to. Check its permissions or choose another with --data.");
        }
    }
}
