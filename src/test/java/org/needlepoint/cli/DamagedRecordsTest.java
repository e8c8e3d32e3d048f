package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.cli.CliRun.run;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.store.Database;
import org.needlepoint.store.Seal;
import org.needlepoint.testing.MutableClock;
import org.needlepoint.testing.TestClinic;

/**
 * A clinic's bad day (issue #11): the database file cut short, as a failing disk, an interrupted
 * copy or a sync tool leaves it, at 95, 80, 60 and 30 % of its length, and the file replaced by an
 * older copy of itself. Each is refused at open with the plain message, {@code check} reports it
 * with exit 1, the damaged file is left exactly as it was, and restoring the latest backup brings
 * the records back.
 */
class DamagedRecordsTest {
    private static final Pattern ADMIN = Pattern.compile("(?m)^\\s+admin\\s+(\\S+)\\s+\\(");
    private static final Pattern COUNT = Pattern.compile("^([a-z -]+): (\\d+)$");

    /** seed-demo's clinic with some saves after it, its backup, and a copy from before the last saves. */
    @TempDir
    static Path template;
    private static Path backup;
    private static Path olderCopy;
    private static Map<String, Long> whole;

    @TempDir
    Path dir;

    private static Map<String, Long> counts(String out) {
        Map<String, Long> m = new LinkedHashMap<>();
        out.lines().map(COUNT::matcher).filter(Matcher::matches).forEach(x -> m.put(x.group(1), Long.parseLong(x.group(2))));
        return m;
    }

    @BeforeAll
    static void aClinicThatWasWorkingToday() throws Exception {
        Path clinic = template.resolve("clinic");
        CliRun seeded = run("--data", clinic.toString(), "seed-demo", "--patients", "60", "--seed", "11");
        assertThat(seeded.code()).as(seeded.err()).isZero();
        Matcher admin = ADMIN.matcher(seeded.out());
        assertThat(admin.find()).isTrue();
        olderCopy = template.resolve("older.mv.db");
        // the day goes on: saves after the seeding append to the file, the last ones after a copy was taken
        for (int round = 0; round < 2; round++) {
            try (Database db = Database.open(clinic)) {
                Services s = new Services(db, MutableClock.morning(), new PasswordHasher(1_000));
                s.auth().signIn("admin", admin.group(1).toCharArray());
                for (int i = 0; i < 8; i++) {
                    s.patients().create(TestClinic.patient("Late", "Comer" + round + (char) ('a' + i), "1980-02-03",
                            "555-030-" + (1000 + round * 10 + i)), true);
                }
            }
            if (round == 0) {
                Files.copy(clinic.resolve(Database.DB_FILE), olderCopy);
            }
        }
        CliRun backedUp = run("--data", clinic.toString(), "backup", "--to", template.resolve("usb").toString());
        assertThat(backedUp.code()).as(backedUp.err()).isZero();
        try (Stream<Path> files = Files.list(template.resolve("usb"))) {
            backup = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        CliRun checked = run("--data", clinic.toString(), "check");
        assertThat(checked.code()).as(checked.err()).isZero();
        whole = counts(checked.out());
        assertThat(whole).containsEntry("patients", 76L);
    }

    private Path copyOfTheClinic() throws Exception {
        Path clinic = Files.createDirectory(dir.resolve("clinic"));
        for (String f : new String[] {Database.DB_FILE, Seal.FILE}) {
            Files.copy(template.resolve("clinic").resolve(f), clinic.resolve(f));
        }
        return clinic;
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @ParameterizedTest(name = "cut at {0} %")
    @ValueSource(ints = {95, 80, 60, 30})
    void aFileCutShortIsRefusedReportedLeftAsItWasAndRestored(int percent) throws Exception {
        Path clinic = copyOfTheClinic();
        Path file = clinic.resolve(Database.DB_FILE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() * percent / 100);
        }
        refusedReportedUntouchedAndRestored(clinic);
    }

    @Test
    void aFileReplacedByAnOlderCopyOfItselfIsRefusedReportedLeftAsItWasAndRestored() throws Exception {
        Path clinic = copyOfTheClinic();
        Files.copy(olderCopy, clinic.resolve(Database.DB_FILE), StandardCopyOption.REPLACE_EXISTING);
        refusedReportedUntouchedAndRestored(clinic);
    }

    private void refusedReportedUntouchedAndRestored(Path clinic) throws Exception {
        Path file = clinic.resolve(Database.DB_FILE);
        String damaged = sha(file);

        assertThatThrownBy(() -> Database.open(clinic)).isInstanceOfSatisfying(DamagedRecordsException.class, e -> {
            assertThat(e.getMessage()).matches("The clinic's records on this PC (are older than they were at \\d\\d:\\d\\d"
                    + " today: the file may be damaged or was replaced|cannot be read \\(they were whole at \\d\\d:\\d\\d"
                    + " today\\): the file is damaged)\\. Nothing has been changed\\. Restore the latest backup, or call for"
                    + " help\\.");
            assertThat(e.details()).isNotEmpty();
        });
        assertThat(sha(file)).as("open leaves the damaged file as it was").isEqualTo(damaged);

        CliRun checked = run("--data", clinic.toString(), "check");
        assertThat(checked.code()).as(checked.out() + checked.err()).isEqualTo(1);
        assertThat(checked.out()).as(checked.err()).startsWith("The clinic's records on this PC ").contains("problem(s)");
        assertThat(checked.err().lines()).isNotEmpty().allMatch(l -> l.startsWith("PROBLEM "));
        assertThat(sha(file)).as("check leaves the damaged file as it was").isEqualTo(damaged);

        // every other command refuses too
        CliRun due = run("--data", clinic.toString(), "due");
        assertThat(due.code()).isEqualTo(1);
        assertThat(due.err()).contains("Nothing has been changed. Restore the latest backup");

        CliRun restored = run("--data", clinic.toString(), "restore", backup.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        Path aside;
        try (Stream<Path> folders = Files.list(clinic)) {
            aside = folders.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
        }
        assertThat(sha(aside.resolve(Database.DB_FILE))).as("the damaged file, kept aside as it was").isEqualTo(damaged);

        Map<String, Long> inTheBackup = new LinkedHashMap<>(whole);
        inTheBackup.put("audit entries", whole.get("audit entries") - 1); // the backup's own entry came after it
        assertThat(counts(restored.out())).isEqualTo(inTheBackup);

        CliRun after = run("--data", clinic.toString(), "check");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(counts(after.out())).as("every record back, and the restore's own audit entry").isEqualTo(whole);
    }
}
