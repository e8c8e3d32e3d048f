package org.needlepoint.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock that keeps a second copy of the app (or a second PC on a shared folder, or a
 * {@code restore} from the command line) out of a data folder while one copy uses it.
 * The operating system releases it when the process ends, however it ends.
 */
public final class FolderLock implements AutoCloseable {
    static final String FILE = "needlepoint.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the data folder's lock, or refuses with {@link AlreadyOpenException} when another copy holds it. */
    public static FolderLock acquire(Path folder) {
        FileChannel channel = null;
        FileLock lock;
        try {
            channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw alreadyOpen(folder, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot use the data folder " + folder + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw alreadyOpen(folder, null);
        }
        return new FolderLock(folder, channel, lock);
    }

    /** Written beside the lock while the clinic server serves the folder, so whoever is refused is told why. */
    static final String SERVED = "clinic-server.pid";

    /** Notes that the folder is served on {@code port} (the lock is what keeps others out; this only words the refusal). */
    public static Path markServed(Path folder, int port) {
        Path marker = folder.resolve(SERVED);
        try {
            java.nio.file.Files.writeString(marker, ProcessHandle.current().pid() + " " + port + "\n");
        } catch (IOException e) {
            // only a courtesy
        }
        return marker;
    }

    /** True when the folder is locked by a clinic server serving it (its marker is there). */
    static boolean isServed(Path folder) {
        return java.nio.file.Files.isRegularFile(folder.resolve(SERVED));
    }

    static AlreadyOpenException alreadyOpen(Path folder, Throwable cause) {
        Path marker = folder.resolve(SERVED);
        if (java.nio.file.Files.isRegularFile(marker)) {
            String port = "";
            try {
                String[] f = java.nio.file.Files.readString(marker).strip().split(" ");
                port = f.length > 1 ? " on port " + f[1] : "";
            } catch (IOException | RuntimeException ignored) {
                // worded without the port
            }
            return new AlreadyOpenException("The clinic server is running on the data folder " + folder + port
                    + ". Use Needlepoint as a PC joined to it, or stop the server first.", cause);
        }
        return new AlreadyOpenException("Needlepoint is already open on the data folder " + folder
                + ". Switch to the window that is already open, or close it and try again.", cause);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
