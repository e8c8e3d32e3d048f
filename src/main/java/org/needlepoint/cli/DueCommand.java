package org.needlepoint.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.needlepoint.app.Services;
import org.needlepoint.common.Dates;
import org.needlepoint.followup.Worklist;
import org.needlepoint.followup.WorklistRow;
import org.needlepoint.followup.WorklistSection;

/**
 * {@code due [--date D]}: the front desk's follow-up worklist for a day as CSV on stdout (RFC 4180:
 * a header line always, CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled): overdue tasks (oldest first), then those due that day, then the upcoming ones. The
 * export is audited.
 */
final class DueCommand {
    static final List<String> HEADER = List.of("section", "due", "days_overdue", "kind", "patient", "chart_number",
            "mobile_phone", "other_phone", "reason", "earliest", "attempts", "last_outcome", "last_attempt", "assignee",
            "task_id");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PrintStream out;

    DueCommand(PrintStream out) {
        this.out = out;
    }

    /** The day named by {@code --date} (ISO, or as staff type dates), or an error naming the option. */
    static LocalDate parseDate(String text) {
        return Dates.parse(text).orElseThrow(() -> new IllegalArgumentException("--date must be a date like 2026-11-21, not "
                + text + "."));
    }

    int run(Services s, LocalDate date) {
        Worklist w = s.followUps().exportFrontDeskWorklist(date);
        line(HEADER);
        rows(WorklistSection.OVERDUE, w.overdue(), date, s);
        rows(WorklistSection.DUE_TODAY, w.dueToday(), date, s);
        rows(WorklistSection.UPCOMING, w.upcoming(), date, s);
        out.flush();
        return 0;
    }

    private void rows(WorklistSection section, List<WorklistRow> rows, LocalDate date, Services s) {
        for (WorklistRow r : rows) {
            List<String> f = new ArrayList<>();
            f.add(section.name().toLowerCase(Locale.ROOT));
            f.add(r.due().toString());
            f.add(Long.toString(r.daysOverdue(date)));
            f.add(r.kind().name().toLowerCase(Locale.ROOT));
            f.add(r.patientName());
            f.add(Long.toString(r.chartNumber()));
            f.add(r.mobilePhone());
            f.add(r.otherPhone());
            f.add(r.reason());
            f.add(r.earliest() == null ? null : r.earliest().toString());
            f.add(Integer.toString(r.attempts()));
            f.add(r.lastOutcome() == null ? null : r.lastOutcome().name().toLowerCase(Locale.ROOT));
            f.add(r.lastAttemptAt() == null ? null : TIME.format(r.lastAttemptAt().atZone(s.clock().getZone())));
            f.add(r.assignee());
            f.add(Long.toString(r.taskId()));
            line(f);
        }
    }

    private void line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(csv(fields.get(i)));
        }
        out.print(b.append("\r\n"));
    }

    /** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
