package org.needlepoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.needlepoint.store.Database;
import org.needlepoint.store.Seal;

/**
 * A freshly migrated, empty database made once per test JVM and copied into each new test folder. Migrating
 * a new file (every migration, then the compaction at its first close, since the migrations leave most of
 * the file dead) costs a test about half a second of its time; copying the result costs a millisecond, and
 * the copy opens as the app opens an existing folder: Flyway finds the schema up to date and the seal
 * matches. Tests that try the migrations themselves open their folders with {@link Database} directly.
 */
final class EmptyClinic {
    private static final String DATABASE = "needlepoint.mv.db";
    private static Path template;

    private EmptyClinic() {
    }

    /** Copies the empty database into {@code folder} when it holds no database yet; a folder with one is left as it is. */
    static void copyInto(Path folder) {
        if (Files.exists(folder.resolve(DATABASE))) {
            return;
        }
        Path from = template();
        try {
            Files.createDirectories(folder);
            Files.copy(from.resolve(DATABASE), folder.resolve(DATABASE), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(from.resolve(Seal.FILE), folder.resolve(Seal.FILE), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("needlepoint-empty-clinic");
                Database.open(dir, Database.Durability.WRITTEN).closeCompact();
                dir.toFile().deleteOnExit();
                dir.resolve(DATABASE).toFile().deleteOnExit();
                dir.resolve(Seal.FILE).toFile().deleteOnExit();
                dir.resolve("needlepoint.lock").toFile().deleteOnExit();
                template = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }
}
