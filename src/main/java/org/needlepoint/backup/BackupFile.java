package org.needlepoint.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.needlepoint.store.DiskErrors;

/**
 * A complete backup in a backup folder: {@code needlepoint-20261121-090000.zip}, named after the
 * clinic's local time it was made (a second backup in the same second gets {@code -2}). Files
 * being written are named {@code .needlepoint-....zip.partial} and are never listed.
 */
public record BackupFile(Path path, LocalDateTime createdAt, long size) {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("needlepoint-(\\d{8}-\\d{6})(?:-(\\d{1,4}))?\\.zip");
    static final String PARTIAL_PREFIX = ".needlepoint-";
    static final String PARTIAL_SUFFIX = ".zip.partial";

    public String name() {
        return path.getFileName().toString();
    }

    /** The backup that {@code p} is, when its name is one of ours; {@code size} is read from the disk. */
    static Optional<BackupFile> of(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = LocalDateTime.parse(m.group(1), STAMP);
            return Files.isRegularFile(p) ? Optional.of(new BackupFile(p, at, Files.size(p))) : Optional.empty();
        } catch (DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    static String fileName(LocalDateTime at, int n) {
        return "needlepoint-" + STAMP.format(at) + (n > 1 ? "-" + n : "") + ".zip";
    }

    static boolean isPartial(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith(PARTIAL_PREFIX) && n.endsWith(PARTIAL_SUFFIX);
    }

    /** The complete backups in {@code dir}, newest first; an absent folder has none. */
    public static List<BackupFile> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> of(p).ifPresent(found::add));
        } catch (IOException | UncheckedIOException e) {
            throw new BackupException("Cannot read the backup folder " + dir + " because " + DiskErrors.reason(e) + ".", e);
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    static final Comparator<BackupFile> NEWEST_FIRST = Comparator.comparing(BackupFile::createdAt)
            .thenComparing(BackupFile::name, Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
            .reversed();
}
