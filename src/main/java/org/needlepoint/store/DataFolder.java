package org.needlepoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        String unsafe = unsafePlace(dir.toAbsolutePath().toString(), fileSystemType(dir.toAbsolutePath()), defaultFolder());
        if (unsafe != null) {
            throw new StoreException(unsafe);
        }
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

    // ----------------------------------------------------------------------------- unsafe places

    /** File systems of network shares (Linux, macOS): H2 documents a database file on one as unsafe. */
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "afpfs",
            "webdav", "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs", "afs", "ncpfs", "ceph", "glusterfs", "fuse.glusterfs");
    /** File systems that are a cloud drive mounted as a folder. */
    private static final Set<String> CLOUD_MOUNTS = Set.of("fuse.rclone", "fuse.onedriver", "fuse.google-drive-ocamlfuse",
            "fuse.gcsfuse", "fuse.s3fs");

    /**
     * Why the database must not live at {@code path}, as the message a person reads, or null when
     * it may: a folder that a cloud sync tool manages (OneDrive, Dropbox, Google Drive, iCloud Drive),
     * whose tools replace files that are open and upload or roll back half-written ones, which is
     * exactly how a database comes back cut short or older; or a network share, where a dropped
     * connection or a second PC damages it. Backups may go to both (they are written whole and
     * checked). {@code fsType} is the file system of the path's nearest existing folder, or null.
     */
    static String unsafePlace(String path, String fsType, Path instead) {
        String where = syncedBy(path);
        String advice = " Choose a folder on this PC's own disk, outside any synced folder: the usual one is " + instead
                + " (used when neither --data nor " + ENV + " is set). Backups may still go to a synced folder or a"
                + " network share (Admin → Backups).";
        if (where == null && fsType != null && CLOUD_MOUNTS.contains(fsType.toLowerCase(Locale.ROOT))) {
            where = "a cloud drive (" + fsType + ")";
        }
        if (where != null) {
            return "The data folder " + path + " is inside " + where + ", which keeps it in sync with other computers."
                    + " Sync tools replace files while they are open and copy or roll back files half-written, which"
                    + " leaves the clinic's records cut short or older than they were, so Needlepoint does not keep its"
                    + " database there." + advice;
        }
        boolean unc = path.startsWith("\\\\") || path.startsWith("//");
        if (unc || fsType != null && NETWORK.contains(fsType.toLowerCase(Locale.ROOT))) {
            return "The data folder " + path + " is on a network share" + (unc ? "" : " (" + fsType + ")") + ". A database"
                    + " file on a network share is damaged when the connection drops or another PC writes to it, so"
                    + " Needlepoint does not keep its database there. To share the records between PCs, one PC will"
                    + " serve them to the others." + advice;
        }
        return null;
    }

    /** The sync tool that manages a folder named along {@code path}, or null. */
    private static String syncedBy(String path) {
        for (String part : path.split("[\\\\/]+")) {
            String p = part.toLowerCase(Locale.ROOT);
            if (p.equals("onedrive") || p.startsWith("onedrive - ") || p.startsWith("onedrive-")) {
                return "a OneDrive folder (" + part + ")";
            }
            if (p.equals("dropbox") || p.startsWith("dropbox (")) {
                return "a Dropbox folder (" + part + ")";
            }
            if (p.equals("google drive") || p.equals("googledrive") || p.equals("my drive") || p.equals("shared drives")) {
                return "a Google Drive folder (" + part + ")";
            }
            if (p.equals("icloud drive") || p.equals("iclouddrive") || p.equals("com~apple~clouddocs")
                    || p.equals("mobile documents")) {
                return "iCloud Drive (" + part + ")";
            }
            if (p.equals("cloudstorage")) {
                return "a cloud storage folder (" + part + ": OneDrive, Dropbox, Google Drive or another)";
            }
            if (p.equals("box sync")) {
                return "a Box folder (" + part + ")";
            }
        }
        return null;
    }

    /** The file system type of {@code dir}'s nearest existing folder ("ext4", "cifs", "NTFS"), or null. */
    static String fileSystemType(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).type();
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The per-user folder, as if neither --data nor NEEDLEPOINT_DATA were set. */
    static Path defaultFolder() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove(ENV);
        return resolve(null, env, System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
