package org.needlepoint.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.needlepoint.app.Services;
import org.needlepoint.schedule.Appointment;

/**
 * {@code appointments [--date D]}: the day's appointment book as CSV on stdout (RFC 4180, as
 * {@code due} writes it), one row per appointment in every status, by time then injector: time,
 * duration in minutes, injector, room, patient's chart number, kind, status. The export is audited.
 */
final class AppointmentsCommand {
    static final List<String> HEADER = List.of("time", "duration", "injector", "room", "chart_number", "kind", "status");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final PrintStream out;

    AppointmentsCommand(PrintStream out) {
        this.out = out;
    }

    int run(Services s, LocalDate date) {
        List<Appointment> day = s.appointments().exportDay(date);
        line(HEADER);
        for (Appointment a : day) {
            line(List.of(TIME.format(a.start()), Integer.toString(a.minutes()), a.injectorName(),
                    a.roomName() == null ? "" : a.roomName(), Long.toString(a.chartNumber()),
                    a.kind().name().toLowerCase(Locale.ROOT), a.status().name().toLowerCase(Locale.ROOT)));
        }
        out.flush();
        return 0;
    }

    private void line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(DueCommand.csv(fields.get(i)));
        }
        out.print(b.append("\r\n"));
    }
}
