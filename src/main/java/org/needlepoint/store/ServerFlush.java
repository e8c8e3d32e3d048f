package org.needlepoint.store;

/**
 * A joined PC may not run {@code CHECKPOINT SYNC} (it has no admin rights), so after each commit it
 * calls this function on the server ({@code CALL NP_FLUSH()}), which runs in the server's process:
 * the server flushes the commit to its disk and has its seal written, and only then does the PC's
 * save return. Outside a serving process it does nothing.
 */
public final class ServerFlush {
    public static final String ALIAS = "NP_FLUSH";
    private static volatile Database serving;

    private ServerFlush() {
    }

    static void serve(Database db) {
        serving = db;
    }

    static void stop(Database db) {
        if (serving == db) {
            serving = null;
        }
    }

    /** Called by H2 on the server for {@code CALL NP_FLUSH()}. */
    public static void flush() {
        Database db = serving;
        if (db != null) {
            db.flushForClient();
        }
    }
}
