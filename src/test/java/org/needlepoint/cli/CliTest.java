package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.store.Database;
import org.needlepoint.testing.MutableClock;

/** The admin subcommands, run in-process on real data folders. Never without a subcommand: that opens the GUI. */
class CliTest {
    private static final Pattern ACCOUNT = Pattern.compile("(?m)^\\s+(admin|injector|frontdesk)\\s+(\\S+)\\s+\\((.+)\\)$");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(o, e, MutableClock.morning(), new PasswordHasher(1_000)).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run seed(Path folder, int patients, long seed) {
        return run("--data", folder.toString(), "seed-demo", "--patients", Integer.toString(patients), "--seed", Long.toString(seed));
    }

    private static List<String> patientRows(Path folder) {
        try (Database db = Database.open(folder)) {
            return db.read(c -> {
                List<String> rows = new ArrayList<>();
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT chart_number, first_name, last_name, birth_date, mobile_phone FROM patient ORDER BY chart_number")) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " " + rs.getString(5));
                    }
                }
                return rows;
            });
        }
    }

    @Test
    void helpPrintsUsage() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: needlepoint").contains("seed-demo", "check", "--data DIR");
        assertThat(r.err()).isEmpty();
        assertThat(run("--data", dir.toString(), "-h").out()).isEqualTo(r.out());
    }

    @Test
    void seedDemoFillsAnEmptyFolderAndPrintsTheStaffAccounts() {
        Path folder = dir.resolve("demo");
        Run r = seed(folder, 25, 7);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("25 synthetic patients").contains(folder.toString());
        Map<String, String[]> accounts = new LinkedHashMap<>();
        Matcher m = ACCOUNT.matcher(r.out());
        while (m.find()) {
            accounts.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        assertThat(accounts).containsOnlyKeys("admin", "injector", "frontdesk");
        assertThat(accounts.get("admin")[1]).isEqualTo("Administrator");
        assertThat(accounts.get("injector")[1]).isEqualTo("Injector");
        assertThat(accounts.get("frontdesk")[1]).isEqualTo("Front desk");
        assertThat(accounts.values()).extracting(a -> a[0]).doesNotHaveDuplicates()
                .allSatisfy(pw -> assertThat(pw).hasSizeGreaterThanOrEqualTo(12));

        // The printed passwords are the real ones.
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, MutableClock.morning(), new PasswordHasher(1_000));
            assertThat(s.auth().signIn("admin", accounts.get("admin")[0].toCharArray()).role()).isEqualTo(Role.ADMIN);
            assertThat(s.auth().signIn("injector", accounts.get("injector")[0].toCharArray()).role()).isEqualTo(Role.INJECTOR);
            assertThat(s.auth().signIn("frontdesk", accounts.get("frontdesk")[0].toCharArray()).role())
                    .isEqualTo(Role.FRONT_DESK);
            assertThat(s.patients().count()).isEqualTo(25);
        }
    }

    @Test
    void aSecondSeedOnTheSameFolderIsRefused() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 25, 7).code()).isZero();
        List<String> before = patientRows(folder);

        Run again = seed(folder, 5, 8);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a clinic");
        assertThat(again.out()).doesNotContain("admin ");
        assertThat(patientRows(folder)).isEqualTo(before);
    }

    @Test
    void checkPrintsTheCountsOfASeededFolder() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 25, 7).code()).isZero();

        Run r = run("--data", folder.toString(), "check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("patients: 25", "users: 3", "clinics: 1", "products: 11", "lots: 34");
        assertThat(r.out().lines()).anyMatch(l -> l.matches("visits: [1-9][0-9]*"))
                .anyMatch(l -> l.matches("injection points: [1-9][0-9]*")).anyMatch(l -> l.matches("addenda: [0-9]+"));
        assertThat(r.out()).contains("check: OK");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void seedDemoChartsSignedVisitsWithUsableLots() {
        Path folder = dir.resolve("demo");
        Run r = seed(folder, 60, 7);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Charted history: [1-9][0-9]* visits of [1-9][0-9]* patients");

        try (Database db = Database.open(folder)) {
            db.read(c -> {
                long visits = org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit");
                assertThat(visits).isGreaterThan(5);
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit WHERE status = 'DRAFT'"))
                        .isEqualTo(1);
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit v JOIN app_user u"
                        + " ON u.id = v.signed_by WHERE v.status = 'SIGNED' AND u.username = 'injector'"
                        + " AND v.signed_at > v.started_at")).isEqualTo(visits - 1);
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM injection_point WHERE lot_id IS NULL"))
                        .isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM injection_point ip"
                        + " JOIN lot l ON l.id = ip.lot_id JOIN visit v ON v.id = ip.visit_id"
                        + " WHERE l.product_id <> ip.product_id OR l.expiry < CAST(v.started_at AS DATE)"
                        + " OR l.received_on > CAST(v.started_at AS DATE)")).isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM lot WHERE expiry < DATE '2026-11-21'"))
                        .as("old lots stay on record").isPositive();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM lot WHERE expiry >= DATE '2026-11-21'"
                        + " AND expiry < DATE '2027-01-20' AND status = 'ACTIVE'")).as("near expiry").isPositive();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit v JOIN patient p"
                        + " ON p.id = v.patient_id WHERE p.pregnancy IN ('PREGNANT', 'BREASTFEEDING')")).isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action = 'SIGN'"))
                        .isEqualTo(visits - 1);
                return null;
            });
        }
    }

    @Test
    void checkOnAnEmptyFolderCreatesTheStoreAndFindsNothingWrong() {
        Run r = run("--data", dir.resolve("fresh").toString(), "check");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).contains("patients: 0", "users: 0", "clinics: 0", "products: 11", "lots: 0",
                "visits: 0", "injection points: 0", "addenda: 0");
    }

    @Test
    void checkReportsAProblemAndExitsOne() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 3, 7).code()).isZero();
        try (Database db = Database.open(folder)) {
            db.tx(c -> c.createStatement().execute("DROP TRIGGER audit_log_no_update"));
        }

        Run r = run("--data", folder.toString(), "check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("PROBLEM audit log: the append-only guards are missing");
        assertThat(r.out()).contains("check: 1 problem(s)").contains("patients: 3");
    }

    @Test
    void theSameSeedGivesTheSamePatientsAndAnotherSeedDoesNot() {
        assertThat(seed(dir.resolve("a"), 25, 7).code()).isZero();
        assertThat(seed(dir.resolve("b"), 25, 7).code()).isZero();
        assertThat(seed(dir.resolve("c"), 25, 8).code()).isZero();

        List<String> a = patientRows(dir.resolve("a"));
        assertThat(a).hasSize(25);
        assertThat(patientRows(dir.resolve("b"))).isEqualTo(a);
        assertThat(patientRows(dir.resolve("c"))).hasSize(25).isNotEqualTo(a);
    }

    @Test
    void aFolderAlreadyOpenIsRefusedWithExitOne() {
        Path folder = dir.resolve("busy");
        try (Database open = Database.open(folder)) {
            Run r = run("--data", folder.toString(), "check");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("already open");
        }
    }

    @Test
    void anUnknownSubcommandExitsTwo() {
        Run r = run("--data", dir.toString(), "frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown subcommand: frobnicate").contains("--help");
    }

    @Test
    void anUnknownOptionExitsTwoWithoutTouchingTheFolder() {
        Path folder = dir.resolve("untouched");
        Run r = run("--data", folder.toString(), "seed-demo", "--patiens", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option --patiens");
        assertThat(folder).doesNotExist();
    }

    @Test
    void checkRefusesAnOptionItDoesNotKnow() {
        Path folder = dir.resolve("untouched");
        Run r = run("--data", folder.toString(), "check", "--verbose");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option --verbose");
        assertThat(folder).doesNotExist();
    }

    @Test
    void badOptionValuesExitTwoWithAMessage() {
        Run missingValue = run("--data", dir.toString(), "seed-demo", "--patients");
        assertThat(missingValue.code()).isEqualTo(2);
        assertThat(missingValue.err()).contains("--patients needs a value");

        Run notANumber = run("--data", dir.toString(), "seed-demo", "--patients", "many");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--patients must be a whole number");

        Run negative = run("--data", dir.toString(), "seed-demo", "--patients=-3");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("--patients must be between");

        Run noFolder = run("check", "--data");
        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).contains("--data needs a folder");
    }

    @Test
    void benchRefusesBadPartsAndJvmChoicesBeforeMeasuringAnything() {
        Run part = run("bench", "--only", "search,speed");
        assertThat(part.code()).isEqualTo(2);
        assertThat(part.err()).contains("--only takes search, chart, start, memory, redraw, backup; not speed");

        Run jvm = run("bench", "--bench-jvm", "fast");
        assertThat(jvm.code()).isEqualTo(2);
        assertThat(jvm.err()).contains("--bench-jvm takes app or as-started");

        Run options = run("bench", "--jvm-options", "Xmx256m");
        assertThat(options.code()).isEqualTo(2);
        assertThat(options.out()).doesNotContain("== Needlepoint bench ==");
    }
}
