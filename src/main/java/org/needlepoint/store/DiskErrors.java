package org.needlepoint.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Recognises what went wrong with a disk from the exceptions Java and H2 throw, on Linux, Windows and macOS. */
public final class DiskErrors {
    private DiskErrors() {
    }

    /** True when {@code e} or one of its causes says the disk is full (or the user's quota is used up). */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            String s = m.toLowerCase(Locale.ROOT);
            if (s.contains("no space left on device") // Linux, macOS (ENOSPC)
                    || s.contains("not enough space on the disk") // Windows ERROR_DISK_FULL
                    || s.contains("disk quota exceeded") // EDQUOT
                    || s.contains("disk full")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code e} or a cause is a refusal to write (permissions, a read-only disk). */
    public static boolean isDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("read-only file system") || m.contains("permission denied") || m.contains("access is denied")
                    || m.contains("operation not permitted") || m.contains("write-protected")) {
                return true;
            }
        }
        return false;
    }

    /** A short reason for a file-system failure, fit to follow "because": "the disk is full", "access is denied", ... */
    public static String reason(Throwable e) {
        if (isDiskFull(e)) {
            return "the disk is full";
        }
        if (isDenied(e)) {
            return "writing there is not allowed (permissions, or a read-only disk)";
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotDirectoryException || t instanceof FileSystemException f
                    && f.getReason() != null && f.getReason().toLowerCase(Locale.ROOT).contains("not a directory")) {
                return "part of the path is a file, not a folder";
            }
            if (t instanceof NoSuchFileException) {
                return "part of the path does not exist (is the disk or network share connected?)";
            }
        }
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
