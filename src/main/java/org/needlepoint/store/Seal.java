package org.needlepoint.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the clinic's records were: the number of transactions committed ({@code commit_seal.counter},
 * bumped in every {@link Database#tx}) and the number of rows of every table, as of {@code at}.
 *
 * <p>The database keeps its own counter; the seal is also kept outside the database file, in the
 * data folder ({@code needlepoint.seal}), rewritten after each durable commit. A file that went back
 * in time (cut short by a failing disk or an interrupted copy, replaced by an older copy, rolled back
 * by a sync tool) then shows a counter behind its seal, or the same counter with other counts, and
 * is refused at open ({@link DamagedRecordsException}). A database ahead of its seal is fine: a crash
 * between a commit and the seal's rewrite leaves it so.
 *
 * <p>The comparison ({@link #compare}) is plain data, so any engine can make it at its open: the
 * embedded database here, and a clinic's server or PostgreSQL later, which read {@link #of} from
 * their own connection and keep the seal beside their data.
 */
public record Seal(long counter, Instant at, Map<String, Long> counts) {
    /** The seal's file in the data folder. */
    public static final String FILE = "needlepoint.seal";
    static final String FORMAT = "needlepoint-seal 1";
    /** The counter of a database made before the seal existed (no {@code commit_seal} table). */
    public static final long NO_COUNTER = -1;

    public Seal {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /** The tables the seal counts: every table of the schema, the migrations' history included. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'"
                + " ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** One statement, so the counter and every count are read at one moment. */
    static String countSql(List<String> tables) {
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(tables.contains("COMMIT_SEAL") ? "(SELECT counter FROM commit_seal WHERE id = 1)" : String.valueOf(NO_COUNTER));
        for (String t : tables) {
            sql.append(", (SELECT COUNT(*) FROM \"").append(t.replace("\"", "\"\"")).append("\")");
        }
        return sql.toString();
    }

    /** The state of the database on {@code c}, as a seal made at {@code at}. */
    public static Seal of(Connection c, Instant at) throws SQLException {
        List<String> tables = tables(c);
        return of(c, tables, countSql(tables), at);
    }

    static Seal of(Connection c, List<String> tables, String sql, Instant at) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long counter = rs.getObject(1) == null ? NO_COUNTER : rs.getLong(1);
            Map<String, Long> counts = new TreeMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 2));
            }
            return new Seal(counter, at, counts);
        }
    }

    // ------------------------------------------------------------------------------ comparing

    /** How a database compares with its seal. */
    public enum Verdict {
        /** The same transaction and the same counts. */
        SAME,
        /** Later than the seal (commits after the seal was last written, as after a crash): fine. */
        AHEAD,
        /** Fewer transactions than the seal: the file went back in time. */
        BEHIND,
        /** The same transaction but other counts: rows lost (or added) without a commit. */
        DIFFERENT
    }

    /** Compares {@code found} (a database's own state) with this seal. */
    public Verdict compare(Seal found) {
        if (found.counter > counter) {
            return Verdict.AHEAD;
        }
        if (found.counter < counter) {
            return Verdict.BEHIND;
        }
        return found.counts.equals(counts) ? Verdict.SAME : Verdict.DIFFERENT;
    }

    /** True when {@code found} must not be used as if it were whole. */
    public boolean refuses(Seal found) {
        Verdict v = compare(found);
        return v == Verdict.BEHIND || v == Verdict.DIFFERENT;
    }

    /**
     * What differs, one line each, for {@code check} and the people who look into it: the counter,
     * then every table whose rows differ ("audit_log: 9,599 rows, sealed with 9,608").
     */
    public List<String> differences(Seal found) {
        List<String> out = new ArrayList<>();
        if (found.counter != counter) {
            out.add("transactions: " + (found.counter == NO_COUNTER ? "none recorded" : String.format(Locale.ENGLISH, "%,d", found.counter))
                    + " in the database, sealed at " + String.format(Locale.ENGLISH, "%,d", counter));
        }
        TreeMap<String, Long> all = new TreeMap<>(counts);
        found.counts.forEach(all::putIfAbsent);
        for (String table : all.keySet()) {
            Long sealed = counts.get(table);
            Long now = found.counts.get(table);
            if (!java.util.Objects.equals(sealed, now)) {
                String name = table.toLowerCase(Locale.ROOT);
                if (now == null) {
                    out.add(name + ": missing from the database, sealed with " + rows(sealed));
                } else if (sealed == null) {
                    out.add(name + ": " + rows(now) + ", not in the seal");
                } else {
                    out.add(name + ": " + rows(now) + ", sealed with " + rows(sealed));
                }
            }
        }
        return out;
    }

    private static String rows(long n) {
        return String.format(Locale.ENGLISH, "%,d row%s", n, n == 1 ? "" : "s");
    }

    // ------------------------------------------------------------------------------ the file

    /** The seal in {@code folder}, or empty when there is none; an unreadable one is a {@link DamagedRecordsException}. */
    public static Optional<Seal> read(Path folder) {
        Path file = folder.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw DamagedRecordsException.sealUnreadable(folder, DiskErrors.reason(e), e);
        }
        try {
            return Optional.of(parse(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw DamagedRecordsException.sealUnreadable(folder, e.getMessage(), e);
        }
    }

    /**
     * Writes the seal into {@code folder}: a temporary file, flushed to the disk, then renamed over
     * the previous seal, so the seal on the disk is always a whole one (the old or the new). The
     * folder itself is not flushed: a rename lost with the power leaves the older seal, which a
     * database ahead of it passes.
     */
    public void write(Path folder) throws IOException {
        write(folder, true);
    }

    /**
     * As {@link #write(Path)}; {@code flush} false leaves the temporary file to the operating system, for
     * records whose commits are not flushed either ({@link Database.Durability#WRITTEN}).
     */
    void write(Path folder, boolean flush) throws IOException {
        Path tmp = folder.resolve(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(toBytes());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (flush) {
                ch.force(true);
            }
        }
        try {
            Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    byte[] toBytes() {
        String body = body();
        return (body + "sha256: " + sha256(body) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private String body() {
        StringBuilder b = new StringBuilder(FORMAT).append('\n');
        b.append("counter: ").append(counter).append('\n');
        b.append("at: ").append(at).append('\n');
        counts.forEach((t, n) -> b.append("table: ").append(t).append(" = ").append(n).append('\n'));
        return b.toString();
    }

    /** Lines as the backup manifest carries them ({@code seal.counter}, {@code seal.table}). */
    public List<String> manifestLines() {
        List<String> lines = new ArrayList<>();
        lines.add("seal.counter: " + counter);
        counts.forEach((t, n) -> lines.add("seal.table: " + t + " = " + n));
        return lines;
    }

    /** Parses a seal file's text; anything out of shape is an {@link IllegalArgumentException} saying what. */
    static Seal parse(String text) {
        int sum = text.lastIndexOf("sha256: ");
        if (!text.startsWith(FORMAT + "\n") || sum < 0) {
            throw new IllegalArgumentException(text.startsWith("needlepoint-seal ") && !text.startsWith(FORMAT + "\n")
                    ? "it was written by a newer version of Needlepoint" : "it is not a seal of ours or is incomplete");
        }
        String body = text.substring(0, sum);
        if (!text.substring(sum + 8).strip().equals(sha256(body))) {
            throw new IllegalArgumentException("its checksum does not match its contents");
        }
        Long counter = null;
        Instant at = null;
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (String line : body.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    continue; // the format line
                }
                String value = line.substring(colon + 2);
                switch (line.substring(0, colon)) {
                    case "counter" -> counter = Long.parseLong(value);
                    case "at" -> at = Instant.parse(value);
                    case "table" -> {
                        int eq = value.lastIndexOf(" = ");
                        counts.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 3)));
                    }
                    default -> {
                        // a later addition: ignored
                    }
                }
            }
        } catch (NumberFormatException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a line cannot be read", e);
        }
        if (counter == null || at == null) {
            throw new IllegalArgumentException("it is incomplete");
        }
        return new Seal(counter, at, counts);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
