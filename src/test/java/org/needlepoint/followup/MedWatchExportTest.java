package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.testing.AuditLog;

/** The MedWatch-ready export of one event: read back from the PDF and the text, audited, clinical roles only. */
class MedWatchExportTest {
    @TempDir
    Path dir;
    FollowUpFixture f;
    ReportService reports;
    AdverseEvent event;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
        reports = f.clinic.services.reports();
        VisitChart v = f.signed(f.ann, List.of(f.glabella().get(0), f.glabella().get(1), f.fillerPoints().get(0),
                f.fillerPoints().get(1), f.sculptraSession().get(0)));
        f.days(1);
        event = f.events.recordEvent(new AdverseEventDraft(f.ann.id(), v.visit().id(), List.of("g1", "g2", "f1"), f.today(),
                f.today(), AdverseEventType.VASCULAR_OCCLUSION, null, Severity.GRADE_3, true, false,
                Set.of(SeriousOutcome.REQUIRED_INTERVENTION), null, "Blanching of the right nasolabial fold within minutes.",
                "Hyaluronidase per protocol, warm compress.", "Ultrasound: no residual filler.", new BigDecimal("64.5"),
                EventOutcome.IMPROVING, null));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void thePdfCarriesTheLotsAndExpiriesButNotThePatientsName() throws IOException {
        byte[] pdf = reports.medWatchPdf(event.id());
        if (Boolean.getBoolean("screenshots")) {
            reports.write(pdf, Path.of("target", "screenshots"), "medwatch");
        }
        String text = text(pdf);

        assertThat(text).contains("DY301A").contains(f.dysportLot.expiry().toString());
        assertThat(text).contains("HA1LA").contains(f.fillerLot.expiry().toString());
        assertThat(text).contains("Chart " + f.ann.chartNumber()).contains("41 years").contains("Female").contains("64.5 kg");
        assertThat(text).contains("Vascular occlusion").contains("vision change").contains("[X] Required intervention");
        assertThat(text).contains("20 U").contains("Intramuscular").contains("0.5 mL").contains("Subcutaneous");
        assertThat(text).contains("Test Clinic").contains("1 Test Street").contains("NP Ivy Injector").contains("LIC-1");
        // f2 (the suspect lot again) and s1 (Sculptra) were not selected: only Sculptra is another product
        assertThat(text.substring(text.indexOf("F. Other products"))).contains("Sculptra").contains("SC150A")
                .doesNotContain("HA1LA");
        assertThat(text).doesNotContain("Smith").doesNotContain("Ann ");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).doesNotContain("Smith");
        }
        assertThat(AuditLog.last(f.clinic.db)).satisfies(a -> {
            assertThat(a.action()).isEqualTo(Audit.EXPORT);
            assertThat(a.recordType()).isEqualTo("adverse_event");
            assertThat(a.recordId()).isEqualTo(event.id());
            assertThat(a.patientId()).isEqualTo(f.ann.id());
            assertThat(a.summary()).contains("PDF");
        });
    }

    @Test
    void thePlainTextFollowsTheSameSections() {
        String text = reports.medWatchText(event.id());
        assertThat(text).contains("A. PATIENT INFORMATION", "B. ADVERSE EVENT", "D. SUSPECT PRODUCT(S)",
                "E. SUSPECT MEDICAL DEVICE(S)", "G. REPORTER");
        assertThat(text).contains("Lot number: DY301A").contains("Expiration date: " + f.dysportLot.expiry());
        assertThat(text).contains("Lot number: HA1LA");
        assertThat(text).contains("B.3 Date of event: 2026-11-22");
        assertThat(text).doesNotContain("Smith");
        assertThat(AuditLog.last(f.clinic.db).summary()).contains("text");
    }

    @Test
    void theFrontDeskCannotExport() {
        f.clinic.signIn("desk");
        assertThatThrownBy(() -> reports.medWatchPdf(event.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> reports.medWatchText(event.id())).isInstanceOf(PermissionDeniedException.class);
    }
}
