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

    static AlreadyOpenException alreadyOpen(Path folder, Throwable cause) {
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
