package org.needlepoint.backup;

import java.time.Instant;

/** One backup attempt, as logged: when, why, and the file written or what went wrong. */
public record BackupRun(Instant startedAt, Instant finishedAt, Trigger trigger, boolean ok, String file, Long size,
                        String message) {

    /** What started a backup. */
    public enum Trigger {
        START("at the day's first start"),
        EXIT("on closing"),
        MANUAL("Back up now"),
        COMMAND("the backup command");

        private final String label;

        Trigger(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
