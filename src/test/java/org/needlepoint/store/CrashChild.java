package org.needlepoint.store;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.needlepoint.app.Services;
import org.needlepoint.backup.BackupFile;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ReceiptDraft;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.MutableClock;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;

/**
 * The child JVM of {@link CrashSafetyTest}, killed with SIGKILL at random moments. It prints one
 * line per save only after the save returned (committed and on the disk):
 * <ul>
 * <li>{@code saves DATA ROUND}: the front desk registers a patient ({@code PATIENT chart lastName}),
 * the injector charts a draft for them ({@code CHART visitId version points}) and signs every
 * third ({@code SIGNED visitId version}), over and over.</li>
 * <li>{@code backup DATA FOLDER}: backs up into FOLDER over and over, printing each step
 * ({@code STEP ...}) and each backup written ({@code DONE file}).</li>
 * </ul>
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path data = Path.of(args[1]);
        Database db = Database.open(data);
        MutableClock clock = MutableClock.morning();
        if (args[0].equals("saves")) {
            saves(db, clock, Integer.parseInt(args[2]), out);
        } else {
            Services s = new Services(db, clock, new PasswordHasher(1_000));
            out.println("READY");
            for (int i = 0; ; i++) {
                BackupFile f = s.backups().backUpFromCommandLine(Path.of(args[2]), step -> out.println("STEP " + step));
                out.println("DONE " + f.path());
                clock.advance(java.time.Duration.ofSeconds(1));
            }
        }
    }

    private static void saves(Database db, MutableClock clock, int round, PrintStream out) {
        Services desk = new Services(db, clock, new PasswordHasher(1_000));
        Services injector = new Services(db, clock, new PasswordHasher(1_000));
        desk.auth().signIn("desk", TestClinic.PASSWORD.toCharArray());
        injector.auth().signIn("injector", TestClinic.PASSWORD.toCharArray());
        ChartService charts = injector.charts();
        LocalDate today = charts.today();
        Product dysport = charts.catalog().products().stream().filter(p -> p.name().equals("Dysport 300 U")).findFirst()
                .orElseThrow();
        Lot lot = injector.inventory().receive(new ReceiptDraft(null, dysport.id(), "CRASH" + round, today.plusYears(1),
                null, null, 999, null, null, today)).lot();
        out.println("READY");
        for (int i = 0; ; i++) {
            String last = "Crash" + letters(round) + "x" + letters(i);
            Patient p = desk.patients().create(TestClinic.patient("Kim", last, "1984-05-06",
                    String.format("(555) %03d-%04d", 200 + round, i % 10_000)), true);
            out.println("PATIENT " + p.chartNumber() + " " + last + " .");

            VisitChart chart = charts.startVisit(p.id());
            List<InjectionPoint> points = new ArrayList<>();
            int n = 1 + i % 6;
            for (int k = 0; k < n; k++) {
                points.add(new InjectionPoint(ChartService.newKey(), DiagramView.FACE_FRONT, 0.4 + k * 0.02, 0.3,
                        Region.PROCERUS, Side.MIDLINE, dysport.id(), lot.id(), new BigDecimal(10), dysport.unit(), null,
                        null, null, null));
            }
            List<ScreeningEntry> screening = charts.screening(p.id(), List.of(dysport.id()), chart.screening()).stream()
                    .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
            chart = charts.saveDraft(chart.visit(), new ChartDraft("Crash test " + i, points, screening, true, false));
            out.println("CHART " + chart.visit().id() + " " + chart.visit().version() + " " + n + " .");
            if (i % 3 == 2) {
                Consents.onFile(injector, p.id());
                VisitChart signed = charts.sign(chart.visit().id(), chart.visit().version(),
                        TestClinic.PASSWORD.toCharArray());
                out.println("SIGNED " + signed.visit().id() + " " + signed.visit().version() + " .");
            }
        }
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }
}
