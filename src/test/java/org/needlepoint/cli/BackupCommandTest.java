package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.cli.CliRun.run;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.store.Database;
import org.needlepoint.testing.AuditLog;

/**
 * {@code backup} and {@code restore} on seed-demo's clinic: the round trip keeps every count of
 * {@code check}; a damaged or foreign file is refused and nothing is replaced.
 */
class BackupCommandTest {
    private static final Pattern WRITTEN = Pattern.compile("Backup written: (\\S+) \\((.+)\\)");

    /** seed-demo's clinic, made once; each test works on a copy. */
    @TempDir
    static Path template;

    @TempDir
    Path dir;
    private Path clinic;

    @BeforeAll
    static void seedOnce() {
        CliRun seeded = run("--data", template.resolve("clinic").toString(), "seed-demo", "--patients", "120", "--seed", "5");
        assertThat(seeded.code()).as(seeded.err()).isZero();
    }

    @BeforeEach
    void copyTheClinic() throws Exception {
        clinic = Files.createDirectory(dir.resolve("clinic"));
        Files.copy(template.resolve("clinic").resolve("needlepoint.mv.db"), clinic.resolve("needlepoint.mv.db"));
    }

    /** "patients: 120" lines of check, in order. */
    private static Map<String, Long> counts(String out) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : out.lines().toList()) {
            Matcher x = Pattern.compile("^([a-z ]+): (\\d+)$").matcher(line);
            if (x.matches()) {
                m.put(x.group(1), Long.parseLong(x.group(2)));
            }
        }
        return m;
    }

    private Map<String, Long> check(Path folder) {
        CliRun r = run("--data", folder.toString(), "check");
        assertThat(r.code()).as(r.err()).isZero();
        return counts(r.out());
    }

    private Path backUp(Path to) {
        CliRun r = run("--data", clinic.toString(), "backup", "--to", to.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Matcher m = WRITTEN.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        Path file = Path.of(m.group(1));
        assertThat(file).isRegularFile().hasParent(to);
        assertThat(m.group(2)).matches("\\d+(\\.\\d)? (KB|MB)");
        return file;
    }

    @Test
    void seedDemoBacksUpAndRestoresWithTheSameCounts() {
        Map<String, Long> before = check(clinic);
        assertThat(before).containsEntry("patients", 120L).containsKeys("visits", "injection points", "audit entries");
        Path file = backUp(dir.resolve("usb"));

        // Restored into a new data folder, as on a PC that replaces a dead one.
        Path newPc = dir.resolve("new-pc");
        CliRun restored = run("--data", newPc.toString(), "restore", file.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("It passed every check").contains("The data folder held no records before.");
        assertThat(counts(restored.out())).as("the restored records, as checked before anything was replaced")
                .isEqualTo(before);

        Map<String, Long> after = check(newPc);
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.put("audit entries", before.get("audit entries") + 1); // the restore's own entry
        assertThat(after).isEqualTo(expected);
        try (Database db = Database.open(newPc)) {
            assertThat(AuditLog.withAction(db, "RESTORE")).singleElement()
                    .satisfies(e -> assertThat(e.summary()).contains(file.toString()));
        }
    }

    @Test
    void restoringOverAClinicKeepsTheReplacedDatabaseAside() throws Exception {
        Path file = backUp(dir.resolve("usb"));
        Map<String, Long> before = check(clinic);
        String oldDb = sha256(clinic.resolve("needlepoint.mv.db"));

        CliRun r = run("--data", clinic.toString(), "restore", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> aside = replacedFolders(clinic);
        assertThat(aside).hasSize(1);
        assertThat(r.out()).contains("The records it replaced are kept in " + aside.get(0));
        assertThat(sha256(aside.get(0).resolve("needlepoint.mv.db"))).isEqualTo(oldDb);
        assertThat(check(clinic).get("patients")).isEqualTo(before.get("patients"));
        assertThat(clinic.resolve("restore-work")).doesNotExist();
    }

    @Test
    void backupWithoutToGoesToTheBackupFolderInTheDataFolder() {
        CliRun r = run("--data", clinic.toString(), "backup");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Backup written: " + clinic.resolve("backups").resolve("needlepoint-20261121-090000.zip"));
    }

    @Test
    void backupAndRestoreRefuseWhileTheAppHasTheFolderOpen() throws Exception {
        Path file = backUp(dir.resolve("usb"));
        Map<String, Long> before = check(clinic);
        try (Database open = Database.open(clinic)) {
            CliRun b = run("--data", clinic.toString(), "backup");
            assertThat(b.code()).isEqualTo(1);
            assertThat(b.err()).contains("Needlepoint is open on the data folder").contains("Back up now");
            assertThat(b.err().lines()).hasSize(1);

            CliRun r = run("--data", clinic.toString(), "restore", file.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("Needlepoint is open on the data folder " + clinic).contains("nothing was restored");
            assertThat(r.err().lines()).hasSize(1);
        }
        assertThat(replacedFolders(clinic)).isEmpty();
        assertThat(check(clinic)).isEqualTo(before);
    }

    @Test
    void aBackupThatCannotBeWrittenExitsOneWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun r = run("--data", clinic.toString(), "backup", "--to", file.resolve("backups").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).contains("The backup folder " + file.resolve("backups"))
                .contains("cannot be created because part of the path is a file");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).doesNotContain("Backup written");
    }

    @Test
    void restoreNeedsExactlyOneFile() {
        CliRun r = run("--data", clinic.toString(), "restore");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("restore needs the backup file");
        assertThat(run("--data", clinic.toString(), "restore", "a.zip", "b.zip").code()).isEqualTo(2);
        assertThat(run("--data", clinic.toString(), "backup", "--too", "x").err()).contains("Unknown option --too");
    }

    // ---------------------------------------------------------------- damaged backups

    @Test
    void aTruncatedBackupIsRefusedAndNothingIsReplaced() throws Exception {
        Path good = backUp(dir.resolve("usb"));
        byte[] all = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(all, all.length / 2));
        assertRefused(truncated, "is damaged or incomplete");
    }

    @Test
    void aBackupWithFlippedBytesIsRefusedAndNothingIsReplaced() throws Exception {
        Path good = backUp(dir.resolve("usb"));
        byte[] all = Files.readAllBytes(good);
        for (int i = all.length / 3; i < all.length / 3 + 16; i++) {
            all[i] ^= 0x5A;
        }
        Path flipped = Files.write(dir.resolve("flipped.zip"), all);
        assertRefused(flipped, "is damaged");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "Shopping list: gloves, syringes.\n".repeat(50));
        assertRefused(text, "is damaged or incomplete");
    }

    @Test
    void aZipOfSomethingElseIsRefused() throws Exception {
        Path other = dir.resolve("photos.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(other))) {
            z.putNextEntry(new ZipEntry("holiday.txt"));
            z.write("not a clinic".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertRefused(other, "is not a Needlepoint backup: it has no manifest.txt and does not hold the clinic's records");
    }

    @Test
    void aBackupWhoseSqlWasTamperedWithIsRefusedEvenWithMatchingChecksums() throws Exception {
        Path good = backUp(dir.resolve("usb"));
        String sql;
        String manifest;
        try (ZipFile z = new ZipFile(good.toFile())) {
            sql = new String(z.getInputStream(z.getEntry("needlepoint.sql")).readAllBytes(), StandardCharsets.UTF_8);
            manifest = new String(z.getInputStream(z.getEntry("manifest.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
        String evil = sql + "\nCALL FILE_WRITE('pwned', '" + dir.resolve("pwned.txt") + "');\n";
        byte[] bytes = evil.getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String forged = manifest.replaceAll("entry: [0-9a-f]{64} \\d+ needlepoint.sql", "entry: " + sha + " " + bytes.length
                + " needlepoint.sql");
        Path tampered = dir.resolve("tampered.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tampered))) {
            z.putNextEntry(new ZipEntry("needlepoint.sql"));
            z.write(bytes);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("manifest.txt"));
            z.write(forged.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            try (ZipFile g = new ZipFile(good.toFile())) { // the rest (the photos) as they were
                for (ZipEntry e : java.util.Collections.list(g.entries())) {
                    if (!e.getName().equals("needlepoint.sql") && !e.getName().equals("manifest.txt")) {
                        z.putNextEntry(new ZipEntry(e.getName()));
                        z.write(g.getInputStream(e).readAllBytes());
                        z.closeEntry();
                    }
                }
            }
        }
        assertRefused(tampered, "holds a statement that Needlepoint's backups never contain");
        assertThat(dir.resolve("pwned.txt")).doesNotExist();
    }

    @Test
    void aBackupWhoseRecordsFailTheCheckIsRefused() throws Exception {
        Path broken = dir.resolve("broken");
        assertThat(run("--data", broken.toString(), "seed-demo", "--patients", "3").code()).isZero();
        try (Database db = Database.open(broken)) {
            db.tx(c -> c.createStatement().execute("DROP TRIGGER audit_log_no_update"));
        }
        CliRun b = run("--data", broken.toString(), "backup", "--to", dir.resolve("usb").toString());
        assertThat(b.code()).as(b.err()).isZero();
        Path file = Path.of(b.out().replaceAll("(?s)Backup written: (\\S+) .*", "$1"));
        assertRefused(file, "does not pass the integrity check, so it is not used: audit log: the append-only guards are missing");
    }

    @Test
    void aMissingFileIsRefused() throws Exception {
        assertRefused(dir.resolve("nowhere.zip"), "does not exist");
    }

    /** Restoring {@code file} over the seeded clinic fails with one clear line, and the clinic is exactly as it was. */
    private void assertRefused(Path file, String why) throws Exception {
        Map<String, Long> before = check(clinic);
        String db = sha256(clinic.resolve("needlepoint.mv.db"));
        CliRun r = run("--data", clinic.toString(), "restore", file.toString());
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.err()).contains("The file " + file).contains(why);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).doesNotContain("Restored");
        assertThat(sha256(clinic.resolve("needlepoint.mv.db"))).as("the database file is untouched").isEqualTo(db);
        assertThat(replacedFolders(clinic)).isEmpty();
        assertThat(clinic.resolve("restore-work")).doesNotExist();
        assertThat(check(clinic)).isEqualTo(before);
    }

    private static List<Path> replacedFolders(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("replaced-")).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file); OutputStream sink = OutputStream.nullOutputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
