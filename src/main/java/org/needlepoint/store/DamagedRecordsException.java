package org.needlepoint.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The records in a data folder are not used because they are not whole: the database went back
 * behind its seal (cut short, replaced by an older copy), does not match it, is missing, or cannot
 * be read. Thrown by {@link Database#open} before anything was written: the file is left exactly
 * as it was found. The message is for the person at the screen; {@link #details()} says what
 * differs, for {@code check} and whoever looks into it.
 */
public class DamagedRecordsException extends StoreException {
    /** What was found. */
    public enum Kind {
        /** Fewer transactions than the seal, or the same number with other counts. */
        WENT_BACK,
        /** The seal says there were records, but the database file is not there. */
        MISSING,
        /** The database file cannot be opened at all. */
        UNREADABLE,
        /** The seal beside the records cannot be read, so nobody can tell whether they are whole. */
        SEAL_UNREADABLE
    }

    private static final String NOTHING_CHANGED = " Nothing has been changed. Restore the latest backup, or call for help.";

    private final Kind kind;
    private final Path folder;
    private final transient Seal seal;
    private final transient Seal found;
    private final List<String> details;

    private DamagedRecordsException(Kind kind, Path folder, Seal seal, Seal found, List<String> details, String message,
                                    Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.folder = folder;
        this.seal = seal;
        this.found = found;
        this.details = List.copyOf(details);
    }

    /** The database is behind its seal or does not match it. */
    static DamagedRecordsException wentBack(Path folder, Seal seal, Seal found) {
        return new DamagedRecordsException(Kind.WENT_BACK, folder, seal, found, seal.differences(found),
                "The clinic's records on this PC are older than they were at " + when(seal.at(), Clock.systemDefaultZone())
                        + ": the file may be damaged or was replaced." + NOTHING_CHANGED, null);
    }

    static DamagedRecordsException missing(Path folder, Seal seal) {
        return new DamagedRecordsException(Kind.MISSING, folder, seal, null,
                List.of("the database file " + folder.resolve(Database.DB_FILE) + " is missing; the seal counts "
                        + String.format(Locale.ENGLISH, "%,d", seal.counter()) + " transactions"),
                "The clinic's records are missing from this PC's data folder (" + folder + "): they were there at "
                        + when(seal.at(), Clock.systemDefaultZone()) + ". The file may have been moved, deleted or not"
                        + " copied." + NOTHING_CHANGED, null);
    }

    static DamagedRecordsException unreadable(Path folder, Seal seal, String reason, Throwable cause) {
        String since = seal == null ? "" : " (they were whole at " + when(seal.at(), Clock.systemDefaultZone()) + ")";
        return new DamagedRecordsException(Kind.UNREADABLE, folder, seal, null,
                List.of("the database file cannot be read: " + reason),
                "The clinic's records on this PC cannot be read" + since + ": the file is damaged." + NOTHING_CHANGED, cause);
    }

    static DamagedRecordsException sealUnreadable(Path folder, String reason, Throwable cause) {
        return new DamagedRecordsException(Kind.SEAL_UNREADABLE, folder, null, null,
                List.of("the seal " + folder.resolve(Seal.FILE) + " cannot be read: " + reason),
                "Needlepoint cannot tell whether the clinic's records on this PC are whole: the seal it keeps beside"
                        + " them (" + folder.resolve(Seal.FILE) + ") cannot be read because " + reason + "."
                        + NOTHING_CHANGED, cause);
    }

    public Kind kind() {
        return kind;
    }

    public Path folder() {
        return folder;
    }

    /** The seal the records were checked against; null when there was none or it could not be read. */
    public Seal seal() {
        return seal;
    }

    /** The database's own state; null when it could not be read. */
    public Seal found() {
        return found;
    }

    /** What differs, one line each ("patient: 0 rows, sealed with 2,000 rows"). */
    public List<String> details() {
        return details;
    }

    /** "14:32 today", "09:10 yesterday", "17:45 on 3 December 2026", in the clock's zone. */
    public static String when(Instant at, Clock clock) {
        ZonedDateTime t = at.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        String time = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(t);
        if (t.toLocalDate().equals(today)) {
            return time + " today";
        }
        if (t.toLocalDate().equals(today.minusDays(1))) {
            return time + " yesterday";
        }
        return time + " on " + DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(t);
    }
}
