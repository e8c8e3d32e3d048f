package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.report.ReportFixture.pages;
import static org.needlepoint.report.ReportFixture.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Audit;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;
import org.needlepoint.testing.Spots;

/** The recall list PDF: the lot, its state and reason, and every patient and visit, over several pages. */
class RecallPdfTest {
    @TempDir
    Path dir;

    @Test
    void theRecallListPdfListsEveryPatientAndVisitAndIsAuditedAsAnExport() throws Exception {
        try (TestClinic clinic = new TestClinic(dir).withStaff()) {
            clinic.signIn("injector");
            var charts = clinic.services.charts();
            Product dysport = clinic.services.inventory().products().stream()
                    .filter(p -> p.name().equals("Dysport 300 U")).findFirst().orElseThrow();
            Lot lot = clinic.receive(dysport, "DY301A", charts.today().plusYears(1), 50);
            List<Patient> patients = new ArrayList<>();
            clinic.signIn("desk");
            for (int i = 0; i < 45; i++) {
                patients.add(clinic.services.patients().create(TestClinic.patient("Pat" + i, "Recall" + (char) ('A' + i % 26)
                        + i, "1980-01-01", String.format("(555) 010-%04d", i)), true));
            }
            clinic.signIn("injector");
            for (Patient p : patients) {
                VisitChart v = charts.startVisit(p.id());
                var points = List.of(Spots.placed(new InjectionPoint("k1", DiagramView.FACE_FRONT, 0.5, 0.4,
                        Region.PROCERUS, Side.MIDLINE, dysport.id(), lot.id(), new BigDecimal("10"), dysport.unit(), null,
                        null, null, null), dysport));
                var screening = charts.screening(p.id(), List.of(dysport.id()), v.screening()).stream()
                        .map(e -> e.answered(ScreeningAnswer.NO, null)).toList();
                VisitChart d = charts.saveDraft(v.visit(), new ChartDraft(null, points, screening, true, false));
                if (p != patients.get(0)) {
                    Consents.onFile(clinic.services, p.id());
                    charts.sign(d.visit().id(), d.visit().version(), TestClinic.PASSWORD.toCharArray());
                }
            }
            clinic.signIn("admin");
            clinic.services.inventory().markRecalled(lot.id(), "Manufacturer notice 2026-11");
            clinic.signIn("desk");

            byte[] pdf = clinic.services.reports().recallList(lot.id());

            String text = text(pdf);
            assertThat(text).contains("Recall list: lot DY301A", "Dysport 300 U", "Recalled",
                    "was recalled on 21 Nov 2026 by Alex Admin: Manufacturer notice 2026-11",
                    "45 patients in 45 visits: 45 points, 450 U in all", "Contact every patient below",
                    "CONFIDENTIAL", "DRAFT");
            for (Patient p : patients) {
                assertThat(text).contains(p.details().lastName() + ", " + p.details().firstName());
            }
            assertThat(pages(pdf)).isGreaterThan(1);
            assertThat(text).contains("Page 2 of " + pages(pdf));
            assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
                assertThat(e.action()).isEqualTo(Audit.EXPORT);
                assertThat(e.recordType()).isEqualTo("lot");
                assertThat(e.summary()).contains("recall list (PDF", "45 patient(s)");
            });
            assertThatThrownBy(() -> clinic.services.reports().recallList(9999)).isInstanceOf(ValidationException.class);
            ReportFixture.screenshots(pdf, "recall-list");
        }
    }
}
