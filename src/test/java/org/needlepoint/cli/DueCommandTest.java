package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.cli.CliRun.run;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.followup.CallOutcome;
import org.needlepoint.followup.FollowUpService;
import org.needlepoint.followup.FollowUpTask;
import org.needlepoint.followup.NewTask;
import org.needlepoint.followup.TaskKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.store.Database;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

/** {@code due}: the day's front-desk worklist as RFC 4180 CSV; a bad date is one line on stderr. */
class DueCommandTest {
    @TempDir
    Path dir;

    private Path clinicWithTasks() {
        Path folder = dir.resolve("clinic");
        try (TestClinic clinic = new TestClinic(folder).withStaff()) {
            clinic.signIn("desk");
            Patient ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
            Patient bea = clinic.services.patients().create(TestClinic.patient("Bea", "O'Hara, Jr", "1979-06-02", "(555) 010-9876"), true);
            FollowUpService f = clinic.services.followUps();
            FollowUpTask today = f.createTask(new NewTask(ann.id(), TaskKind.CALL, clinic.services.patients().today(), null,
                    Role.FRONT_DESK, null, "Ask about the \"heavy\" feeling, then book", false));
            f.logCall(today.id(), today.version(), CallOutcome.NO_ANSWER, null);
            f.createTask(new NewTask(bea.id(), TaskKind.VISIT, clinic.services.patients().today().plusDays(3), null,
                    Role.FRONT_DESK, null, "Book the review,\nmorning only", false));
            f.createTask(new NewTask(bea.id(), TaskKind.CALL, clinic.services.patients().today().plusDays(30), null,
                    Role.FRONT_DESK, null, "Too far ahead", false));
            clinic.services.auth().signOut();
        }
        return folder;
    }

    @Test
    void theDaysWorklistAsCsv() {
        Path folder = clinicWithTasks();

        CliRun r = run("--data", folder.toString(), "due", "--date", "2026-11-21");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).endsWith("\r\n");
        List<String> lines = List.of(r.out().split("\r\n", -1));
        assertThat(lines.get(0)).isEqualTo("section,due,days_overdue,kind,patient,chart_number,mobile_phone,other_phone,"
                + "reason,earliest,attempts,last_outcome,last_attempt,assignee,task_id");
        assertThat(lines.get(1)).startsWith("due_today,2026-11-21,0,call,\"Smith, Ann\",1001,(555) 010-2345,,"
                + "\"Ask about the \"\"heavy\"\" feeling, then book\",,1,no_answer,2026-11-21 09:00,Front desk,");
        // the second row's reason holds a line break inside its quotes
        assertThat(r.out()).contains("upcoming,2026-11-24,0,visit,\"O'Hara, Jr, Bea\",1002,(555) 010-9876,,"
                + "\"Book the review,\nmorning only\",,0,,,Front desk,");
        assertThat(r.out()).doesNotContain("Too far ahead");

        // three days later the first is overdue
        CliRun later = run("--data", folder.toString(), "due", "--date", "11/24/2026");
        assertThat(later.out()).contains("overdue,2026-11-21,3,call,\"Smith, Ann\"").contains("due_today,2026-11-24,0,visit");

        try (Database db = Database.open(folder)) {
            assertThat(AuditLog.withAction(db, Audit.EXPORT)).hasSize(2).allSatisfy(e -> {
                assertThat(e.username()).isEqualTo(FollowUpService.COMMAND_LINE);
                assertThat(e.summary()).contains("front desk's worklist");
            });
        }
    }

    @Test
    void aDayWithNothingDuePrintsTheHeaderOnly() {
        CliRun r = run("--data", dir.resolve("empty").toString(), "due");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(String.join(",", DueCommand.HEADER) + "\r\n");
    }

    @Test
    void aBadDateIsOneLineAndExitsTwoWithoutTouchingTheFolder() {
        Path folder = dir.resolve("untouched");
        CliRun r = run("--data", folder.toString(), "due", "--date", "2026-02-30");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("--date must be a date like 2026-11-21, not 2026-02-30.");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(folder).doesNotExist();

        CliRun unknown = run("--data", folder.toString(), "due", "--day", "2026-11-21");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option --day");
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenNeeded() {
        assertThat(DueCommand.csv("plain")).isEqualTo("plain");
        assertThat(DueCommand.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(DueCommand.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DueCommand.csv("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(DueCommand.csv(null)).isEmpty();
    }
}
