package org.needlepoint.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.needlepoint.store.Seal;

/**
 * What a backup holds, written into it last (as {@code manifest.txt}): the format, the app and
 * schema versions that made it, when, from which data folder, the record counts of {@code check}
 * and the records' seal (their commit counter and every table's rows), both taken in the same
 * snapshot as the data, and the size and SHA-256 of every other entry. One "key: value" per line,
 * readable in any text editor. The seal is null in backups made before seals existed.
 */
public record BackupManifest(String appVersion, String schemaVersion, Instant createdAt, String dataFolder,
                             Map<String, Long> counts, Seal seal, List<Entry> entries) {
    static final String FORMAT = "needlepoint-backup 1";

    public BackupManifest {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        entries = List.copyOf(entries);
    }

    /** One file in the backup. */
    public record Entry(String name, long size, String sha256) {
    }

    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    byte[] toBytes() {
        StringBuilder b = new StringBuilder(FORMAT).append('\n');
        b.append("app.version: ").append(appVersion).append('\n');
        b.append("schema.version: ").append(schemaVersion).append('\n');
        b.append("created.at: ").append(createdAt).append('\n');
        b.append("data.folder: ").append(dataFolder.replace('\n', ' ')).append('\n');
        counts.forEach((k, v) -> b.append("count: ").append(k).append(" = ").append(v).append('\n'));
        if (seal != null) {
            seal.manifestLines().forEach(line -> b.append(line).append('\n'));
        }
        for (Entry e : entries) {
            b.append("entry: ").append(e.sha256()).append(' ').append(e.size()).append(' ').append(e.name()).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a manifest; anything out of shape is a {@link BackupException} with {@code what} (the file) in its message. */
    static BackupManifest parse(InputStream in, String what) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = r.readLine();
        if (first == null || !first.startsWith("needlepoint-backup ")) {
            throw new BackupException(what + " is not a Needlepoint backup: its manifest is not one of ours.");
        }
        if (!first.equals(FORMAT)) {
            throw new BackupException(what + " was made by a newer version of Needlepoint (" + first.substring(19)
                    + "); update Needlepoint on this PC to restore it.");
        }
        String app = null;
        String schema = null;
        Instant created = null;
        String folder = "";
        Map<String, Long> counts = new LinkedHashMap<>();
        Long sealCounter = null;
        Map<String, Long> sealCounts = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    throw new IllegalArgumentException(line);
                }
                String key = line.substring(0, colon);
                String value = line.substring(colon + 2);
                switch (key) {
                    case "app.version" -> app = value;
                    case "schema.version" -> schema = value;
                    case "created.at" -> created = Instant.parse(value);
                    case "data.folder" -> folder = value;
                    case "count" -> {
                        int eq = value.lastIndexOf(" = ");
                        counts.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 3)));
                    }
                    case "seal.counter" -> sealCounter = Long.parseLong(value);
                    case "seal.table" -> {
                        int eq = value.lastIndexOf(" = ");
                        sealCounts.put(value.substring(0, eq), Long.parseLong(value.substring(eq + 3)));
                    }
                    case "entry" -> {
                        String[] parts = value.split(" ", 3);
                        if (parts.length != 3 || !parts[0].matches("[0-9a-f]{64}")) {
                            throw new IllegalArgumentException(line);
                        }
                        entries.add(new Entry(parts[2], Long.parseLong(parts[1]), parts[0]));
                    }
                    default -> {
                        // a later minor addition: ignored
                    }
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new BackupException(what + " is damaged: its manifest cannot be read.", e);
        }
        if (app == null || schema == null || created == null || entries.isEmpty()) {
            throw new BackupException(what + " is damaged: its manifest is incomplete.");
        }
        Seal seal = sealCounter == null ? null : new Seal(sealCounter, created, sealCounts);
        return new BackupManifest(app, schema, created, folder, counts, seal, entries);
    }
}
