package org.needlepoint.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.StoreException;

/**
 * The data folder of a PC that may join a clinic server: a first run's folder, with nothing in it
 * yet (the same rule as {@link JoinClient}: hidden files and the folder's lock do not count). The
 * window asks before it opens any records there, because opening creates them.
 */
public final class JoinFolder {
    private JoinFolder() {
    }

    /** True when {@code folder} does not exist yet or holds nothing: a PC there may set up a new clinic or join one. */
    public static boolean isNew(Path folder) {
        if (!Files.isDirectory(folder)) {
            return !Files.exists(folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).allMatch(n -> n.startsWith(".") || n.equals("needlepoint.lock"));
        } catch (IOException e) {
            return false; // a folder that cannot be read is not offered for joining; opening it says why
        }
    }

    /**
     * Undoes a join whose certificate the person did not recognise (its fingerprint differs from the
     * server's screen): the link goes, so the folder is new again and nothing connects through it.
     */
    public static void leave(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(ClinicLink.FILE));
        } catch (IOException e) {
            throw new StoreException("The link to that server could not be removed from " + folder + " (" + e.getMessage()
                    + "). Delete the file " + ClinicLink.FILE + " in that folder before using Needlepoint.", e);
        }
    }
}
