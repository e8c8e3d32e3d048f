package org.needlepoint.backup;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Restore runs a backup's SQL, and SQL in H2 can read and write files or call Java. A backup
 * folder on a shared disk could be tampered with, so only the statements H2's {@code SCRIPT}
 * writes for our schema are run: creating the sequences, tables, constraints, indexes and our own
 * triggers, and inserting plain values. Anything else refuses the whole backup before a statement
 * runs against the real records (the script runs into a temporary database first).
 */
final class ScriptGuard {
    /** What to do with one statement. */
    enum Verdict { RUN, SKIP }

    private static final Pattern TRIGGER = Pattern.compile("CREATE FORCE TRIGGER \"PUBLIC\"\\.\"[A-Z0-9_]+\""
            + " (BEFORE|AFTER|INSTEAD OF) [A-Z, ]+ ON \"PUBLIC\"\\.\"[A-Za-z0-9_]+\"( FOR EACH ROW)?( QUEUE \\d+)?( NOWAIT)?"
            + " CALL 'org\\.needlepoint\\.[A-Za-z0-9_.$]+'");
    /** The clinic server's functions: its flush of joined PCs' commits, their searches and their charts' saves. */
    private static final Pattern SERVER_FUNCTION = Pattern.compile("CREATE FORCE ALIAS \"PUBLIC\"\\."
            + "\"(NP_FLUSH|NP_SEARCH|NP_SAVE_DRAFT)\" FOR '?\"?org\\.needlepoint\\."
            + "(store\\.ServerFlush\\.flush|patient\\.ServerSearch\\.search|chart\\.ServerSave\\.saveDraft)\\b.*");
    private static final Pattern PC_USER = Pattern.compile("CREATE USER IF NOT EXISTS \"PC_[0-9]+\" SALT '[0-9a-f]+'"
            + " HASH '[0-9a-f]+';?");
    private static final String[] DDL = {"CREATE SEQUENCE \"PUBLIC\".", "CREATE CACHED TABLE \"PUBLIC\".",
        "CREATE MEMORY TABLE \"PUBLIC\".", "ALTER TABLE \"PUBLIC\".", "CREATE INDEX \"PUBLIC\".",
        "CREATE UNIQUE INDEX \"PUBLIC\".", "CREATE UNIQUE NULLS DISTINCT INDEX \"PUBLIC\"."};
    /** Words that read or write files, call Java, or run more SQL: never in a backup of ours. */
    private static final Set<String> FORBIDDEN = Set.of("FILE_READ", "FILE_WRITE", "CSVREAD", "CSVWRITE", "LINK_SCHEMA",
            "RUNSCRIPT", "SCRIPT", "BACKUP", "ALIAS", "CALL", "SELECT", "EXECUTE", "JAVA_OBJECT", "TRIGGER",
            "SESSION_ID", "DATABASE_PATH", "LOB", "SYSTEM_COMBINE_CLOB", "SYSTEM_COMBINE_BLOB");
    /** The words H2 writes for plain values in an INSERT. */
    private static final Set<String> VALUE_WORDS = Set.of("INSERT", "INTO", "VALUES", "NULL", "TRUE", "FALSE", "UNKNOWN",
            "DATE", "TIME", "TIMESTAMP", "WITH", "WITHOUT", "ZONE", "X", "U", "UESCAPE", "CAST", "AS", "NUMERIC",
            "DECIMAL", "DECFLOAT", "DOUBLE", "PRECISION", "REAL", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "INTERVAL",
            "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO", "OVERRIDING", "SYSTEM", "VALUE", "E");

    private ScriptGuard() {
    }

    /** RUN or SKIP; a statement that must not run throws {@link BackupException} naming {@code what}. */
    static Verdict check(String sql, String what) {
        String s = sql.strip();
        if (s.isEmpty() || s.startsWith("--")) {
            return Verdict.SKIP;
        }
        if (PC_USER.matcher(s).matches()) {
            return Verdict.RUN; // a joined PC's account (no admin right, its password's hash only): it keeps working
        }
        if (s.startsWith("CREATE USER IF NOT EXISTS ") || s.startsWith("SET ")) {
            return Verdict.SKIP; // the database's own user exists already; its settings come from Database's URL
        }
        if (s.startsWith("CREATE ROLE IF NOT EXISTS \"") || s.startsWith("GRANT ") || SERVER_FUNCTION.matcher(s).matches()) {
            // a served clinic's accounts and rights (server/PcStore) and its functions: the clinic server makes
            // them again at its start; nothing of them is run from a file
            return Verdict.SKIP;
        }
        if (s.startsWith("INSERT INTO \"PUBLIC\".")) {
            words(s, what, true);
            return Verdict.RUN;
        }
        if (s.startsWith("CREATE FORCE TRIGGER ")) {
            if (!TRIGGER.matcher(s).matches()) {
                throw refused(what, s);
            }
            return Verdict.RUN;
        }
        for (String p : DDL) {
            if (s.startsWith(p)) {
                words(s, what, false);
                return Verdict.RUN;
            }
        }
        throw refused(what, s);
    }

    /** Checks every word outside quotes ('text' and "identifiers"). */
    private static void words(String s, String what, boolean valuesOnly) {
        int i = 0;
        int n = s.length();
        StringBuilder word = new StringBuilder();
        while (i < n) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"') {
                checkWord(word, s, what, valuesOnly);
                int end = i + 1;
                while (end < n) {
                    if (s.charAt(end) == ch) {
                        if (end + 1 < n && s.charAt(end + 1) == ch) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                if (end >= n) {
                    throw refused(what, s);
                }
                i = end + 1;
                continue;
            }
            if (Character.isLetterOrDigit(ch) || ch == '_') {
                word.append(ch);
            } else {
                checkWord(word, s, what, valuesOnly);
                if (valuesOnly && "(),;.+-& \t\r\n".indexOf(ch) < 0) {
                    throw refused(what, s);
                }
            }
            i++;
        }
        checkWord(word, s, what, valuesOnly);
    }

    private static void checkWord(StringBuilder word, String s, String what, boolean valuesOnly) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString().toUpperCase(Locale.ROOT);
        word.setLength(0);
        if (Character.isDigit(w.charAt(0))) {
            return; // a number such as 12, 1.5E10
        }
        if (FORBIDDEN.contains(w) || valuesOnly && !VALUE_WORDS.contains(w)) {
            throw refused(what, s);
        }
    }

    private static BackupException refused(String what, String sql) {
        String shown = sql.length() > 80 ? sql.substring(0, 80) + "…" : sql;
        return new BackupException(what + " holds a statement that Needlepoint's backups never contain, so it is"
                + " refused (it may have been tampered with): " + shown.replace('\n', ' '));
    }
}
