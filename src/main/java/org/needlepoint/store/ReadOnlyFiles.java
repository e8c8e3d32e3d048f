package org.needlepoint.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * How records that may be damaged are read: read-only, without a trace file, through this H2 file
 * system ("npreadonly:") that remembers the files it opened. When H2 fails to open a damaged file
 * (H2 2.5, a file cut short: "The database is read only") it leaves the file open and locked, and
 * every later open in this process is then refused as "already in use", including the one after a
 * restore or after the admin accepted the records; {@link #release} closes what was left open.
 */
public final class ReadOnlyFiles extends FilePathWrapper {
    static final String SCHEME = "npreadonly";
    private static final Map<String, List<FileChannel>> OPEN = new ConcurrentHashMap<>();

    static {
        FilePath.register(new ReadOnlyFiles());
    }

    /** The URL that reads the database in {@code folder} (through {@code fileSystem}, "file:" or a test's) as it is. */
    static String url(Path folder, String fileSystem) {
        return "jdbc:h2:" + SCHEME + ":" + fileSystem + folder.resolve(Database.DB_NAME).toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
    }

    /** Closes every file of the database in {@code folder} that a failed read left open. */
    static void release(Path folder) {
        String prefix = folder.resolve(Database.DB_NAME).toAbsolutePath().toString();
        OPEN.forEach((name, channels) -> {
            if (name.contains(prefix)) {
                synchronized (channels) {
                    for (FileChannel ch : channels) {
                        try {
                            ch.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                    channels.clear();
                }
            }
        });
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel ch = super.open(mode);
        List<FileChannel> channels = OPEN.computeIfAbsent(name, n -> new ArrayList<>());
        synchronized (channels) {
            channels.removeIf(c -> !c.isOpen());
            channels.add(ch);
        }
        return ch;
    }
}
