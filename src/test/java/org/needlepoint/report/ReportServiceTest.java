package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.report.ReportFixture.pageText;
import static org.needlepoint.report.ReportFixture.pages;
import static org.needlepoint.report.ReportFixture.screenshots;
import static org.needlepoint.report.ReportFixture.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.testing.AuditLog;

class ReportServiceTest {
    private static final String NOTES = "Glabellar lines treated per label; Sculptra session 1 of 3 to temples and"
            + " mid-face. Patient advised on 5-5-5 massage.";

    @TempDir
    Path dir;
    ReportFixture f;

    @BeforeEach
    void open() {
        f = new ReportFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private VisitChart signedWithAddendum() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);
        f.clinic.clock.advance(Duration.ofDays(1).plusHours(5));
        InjectionPoint extra = new InjectionPoint("a1", DiagramView.FACE_FRONT, 0.5, 0.485, Region.PROCERUS, Side.MIDLINE,
                f.dysport.id(), f.dysportLot.id(), new BigDecimal("5"), f.dysport.unit(), null, null, null, null);
        return f.charts.addAddendum(v.visit().id(), "Patient phoned on day 1: mild bruising at one temple entry point,"
                + " resolving. Procerus point added, missed from the original chart.", List.of(extra));
    }

    private List<AuditEntry> exports() {
        return AuditLog.withAction(f.clinic.db, Audit.EXPORT);
    }

    // ----------------------------------------------------------------------- treatment record

    @Test
    void signedSummaryReadsBackWithLotsExpiryPatientInjectorAndTotals() {
        VisitChart v = signedWithAddendum();

        byte[] pdf = f.reports.visitSummary(v.visit().id());
        screenshots(pdf, "report-summary-signed");

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Lumière Aesthetics", "12 Harbour Road", ReportFixture.CLINIC_PHONE, "Treatment record");
        assertThat(text).contains("Lefèvre-Sørensen, Zoë (Renée)", "Born 14 Mar 1985", "age 41",
                "Chart no. " + f.patient.chartNumber(), "Penicillin (rash)");
        assertThat(text).contains("NP Ivy Injector", "Licence LIC-1");
        assertThat(text).contains("Signed by NP Ivy Injector at 09:25 on 21 Nov 2026").doesNotContain("DRAFT");
        // lots with their expiry
        assertThat(text).contains("DY301A", "SC150A", "31 Aug 2027", "15 Jan 2028");
        // totals: 50 U Dysport in the original, 5 U added by the addendum; 14 x 0.5 mL of Sculptra
        assertThat(text).contains("55 U", "7 mL", "Overall: 20 points, 55 U Dysport; 7 mL", "1 vial");
        assertThat(text).contains("Corrugator supercilii, right", "Temple, left", "10 U", "0.5 mL", "Intramuscular",
                "Cannula, fanning", "Deep, perpendicular");
        // the consents signed on file at signing: Sculptra's carries its off-label-use section
        assertThat(text).contains("Treatment consent: confirmed", "Off-label use consent: confirmed");
        assertThat(text).contains("Glabellar lines treated per label");
        assertThat(text).contains("Addenda (1)", "Addendum 1", "14:25 on 22 Nov 2026", "mild bruising",
                "Points added: Dysport 300 U 5 U");
        assertThat(text).contains("Printed 14:25 on 22 Nov 2026 by NP Ivy Injector");
        assertThat(text).contains("Page 1 of " + pages(pdf));
    }

    @Test
    void theOriginalTotalIsFiftyUnitsOfDysport() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);

        String text = text(f.reports.visitSummary(v.visit().id()));

        assertThat(text).contains("50 U", "Overall: 19 points, 50 U Dysport; 7 mL").doesNotContain("55 U");
        assertThat(text).doesNotContain("Addend");
    }

    @Test
    void theMapIsDrawnAsVectorsNotAnImage() throws IOException {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);

        byte[] pdf = f.reports.visitSummary(v.visit().id());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertThat(page.getResources().getXObjectNames()).isEmpty();
            String content = new String(page.getContents().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            // the face's curves ("c" operators) are in the page itself
            assertThat(content.split(" c\n").length).isGreaterThan(100);
        }
        assertThat(text(pdf)).contains("Face, front").doesNotContain("Face, left profile");
    }

    @Test
    void pointsOnSeveralViewsAreDrawnOneDrawingPerView() {
        List<InjectionPoint> points = new java.util.ArrayList<>(
                f.pattern("Dysport glabellar lines (label, 5 x 10 U)", f.dysport, f.dysportLot));
        points.add(f.at("t1", DiagramView.FACE_LEFT, Region.TEMPLE, f.sculptra, f.sculptraLot, "0.5"));
        points.add(f.at("t2", DiagramView.FACE_LEFT, Region.MALAR, f.sculptra, f.sculptraLot, "0.75"));
        points.add(f.at("d1", DiagramView.NECK_CHEST, Region.DECOLLETAGE, f.sculptra, f.sculptraLot, "1"));
        VisitChart v = f.drafted(points, null);

        byte[] pdf = f.reports.visitSummary(v.visit().id());
        screenshots(pdf, "report-summary-views");

        assertThat(text(pdf)).contains("Face, front", "Face, left profile", "Neck and décolletage", "Temple, left",
                "Décolletage", "2.25 mL").doesNotContain("Body, front", "Face, right profile");
    }

    @Test
    void aDraftSummarySaysDraft() {
        VisitChart v = f.drafted(f.dysportAndSculptra(), null);

        byte[] pdf = f.reports.visitSummary(v.visit().id());
        screenshots(pdf, "report-summary-draft");

        String text = text(pdf);
        assertThat(text).contains("DRAFT \u2014 not signed", "not yet the clinical record").doesNotContain("Signed by");
        assertThat(text).contains("Clinical notes", "None recorded.");
        for (int page = 1; page <= pages(pdf); page++) {
            assertThat(pageText(pdf, page)).as("watermark on page %d", page).contains("DRAFT");
        }
    }

    @Test
    void aSummaryOfAVisitWithoutPointsSaysSo() {
        VisitChart v = f.charts.startVisit(f.patient.id());

        String text = text(f.reports.visitSummary(v.visit().id()));

        assertThat(text).contains("No points are charted on this visit.", "Points (0)", "DRAFT");
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void aLongChartSpansPagesNumberedNOfM(PaperSize paper) {
        VisitChart v = f.drafted(f.grid(80), "Eighty points, to see the table break across pages.");

        byte[] pdf = f.reports.withPaper(paper).visitSummary(v.visit().id());
        screenshots(pdf, "report-summary-long-" + paper.name().toLowerCase(java.util.Locale.ROOT));

        int n = pages(pdf);
        assertThat(n).isGreaterThan(1);
        for (int page = 1; page <= n; page++) {
            String t = pageText(pdf, page);
            assertThat(t).as("page %d", page).contains("Page " + page + " of " + n);
            if (page > 1) {
                assertThat(t).as("running header on page %d", page).contains("Lefèvre-Sørensen, Zoë (Renée)");
            }
        }
        String all = text(pdf);
        assertThat(all).contains("Points (80)", "200 U", "8 mL");
        // every row is there once: the last point's number and the table header repeated after the break
        assertThat(ReportFixture.rawText(pdf)).containsPattern("(?m)^80 ");
        assertThat(all.split("Technique", -1).length - 1).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theFrontDeskCannotPrintTheTreatmentRecord() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);
        int before = exports().size();
        f.clinic.signIn("desk");

        assertThatThrownBy(() -> f.reports.visitSummary(v.visit().id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("Front desk");
        assertThat(exports()).hasSize(before);
    }

    @Test
    void nobodySignedInIsRefused() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);
        f.clinic.services.auth().signOut();

        assertThatThrownBy(() -> f.reports.aftercare(v.visit().id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> f.reports.visitSummary(v.visit().id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void anAdminPrintsTheTreatmentRecord() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);
        f.clinic.signIn("admin");

        String text = text(f.reports.visitSummary(v.visit().id()));

        assertThat(text).contains("DY301A", "Printed 09:25 on 21 Nov 2026 by Alex Admin");
    }

    // ------------------------------------------------------------------------------- aftercare

    @Test
    void theAftercareSheetHasASectionPerProductKindWithDates() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);

        byte[] pdf = f.reports.aftercare(v.visit().id());
        screenshots(pdf, "report-aftercare");

        String text = text(pdf);
        assertThat(text).contains("Lumière Aesthetics", ReportFixture.CLINIC_PHONE, "Aftercare instructions");
        assertThat(text).contains("For Zoë Lefèvre-Sørensen, after your treatment on"
                + " Saturday 21 November 2026 with NP Ivy Injector.");
        // Dysport: onset, ptosis warning signs, urgent signs, review in about 2 weeks with its date
        assertThat(text).contains("Your anti-wrinkle injections (Dysport)", "2 to 3 days", "about 2 weeks",
                "Stay upright for 4 hours", "A drooping eyelid or eyebrow", "Double or blurred vision",
                "difficulty swallowing, breathing or speaking", "Saturday 5 December 2026");
        // Sculptra: 5-5-5 massage, ice, sun and tanning beds, next session 4 weeks on
        assertThat(text).contains("Your collagen-stimulating treatment (Sculptra)", "the 5-5-5 rule",
                "5 minutes, 5 times a day, for 5 days", "first 24 hours", "tanning beds", "Saturday 19 December 2026",
                "A lump that grows");
        assertThat(text).contains("Call us on " + ReportFixture.CLINIC_PHONE + " if you notice");
        assertThat(text).doesNotContain("dermal filler", "{");
        assertThat(text).contains("Page 1 of " + pages(pdf));
    }

    @Test
    void aToxinOnlyVisitGetsTheToxinSectionOnly() {
        VisitChart v = f.signed(f.pattern("Dysport glabellar lines (label, 5 x 10 U)", f.dysport, f.dysportLot), null);

        String text = text(f.reports.aftercare(v.visit().id()));

        assertThat(text).contains("Your anti-wrinkle injections (Dysport)").doesNotContain("5-5-5", "Sculptra");
    }

    @Test
    void theFrontDeskPrintsTheAftercareSheetOfASignedVisitOnly() {
        VisitChart signed = f.signed(f.dysportAndSculptra(), NOTES);
        VisitChart draft = f.drafted(f.pattern("Dysport forehead (5 points)", f.dysport, f.dysportLot), null);
        f.clinic.signIn("desk");

        assertThat(text(f.reports.aftercare(signed.visit().id()))).contains("5-5-5");
        assertThatThrownBy(() -> f.reports.aftercare(draft.visit().id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("signed visit");
    }

    @Test
    void anAftercareSheetNeedsAChartedProduct() {
        VisitChart v = f.charts.startVisit(f.patient.id());

        assertThatThrownBy(() -> f.reports.aftercare(v.visit().id()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("No product is charted");
        assertThat(exports()).isEmpty();
    }

    // ----------------------------------------------------------------------------------- audit

    @Test
    void everyExportWritesOneAuditRowWithTheVisitAndThePatient() {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);
        int rowsBefore = AuditLog.entries(f.clinic.db).size();

        f.reports.visitSummary(v.visit().id());
        f.reports.visitSummary(v.visit().id());
        f.clinic.signIn("desk");
        f.reports.aftercare(v.visit().id());

        List<AuditEntry> exports = exports();
        assertThat(exports).hasSize(3);
        assertThat(exports).allSatisfy(e -> {
            assertThat(e.recordType()).isEqualTo("visit");
            assertThat(e.recordId()).isEqualTo(v.visit().id());
            assertThat(e.patientId()).isEqualTo(f.patient.id());
        });
        assertThat(exports.get(0).username()).isEqualTo("injector");
        assertThat(exports.get(0).summary()).startsWith("exported the treatment record (PDF, ")
                .contains("signed visit of 09:00 on 21 Nov 2026");
        assertThat(exports.get(2).username()).isEqualTo("desk");
        assertThat(exports.get(2).summary()).startsWith("exported the aftercare sheet (PDF, ")
                .contains("Dysport, Sculptra");
        // besides the desk's sign-in, only the exports: printing does not also log views of the chart
        List<AuditEntry> since = AuditLog.entries(f.clinic.db);
        assertThat(since.subList(rowsBefore, since.size())).extracting(AuditEntry::action)
                .filteredOn(a -> !a.startsWith("SIGN_"))
                .containsExactly(Audit.EXPORT, Audit.EXPORT, Audit.EXPORT);
    }

    // ------------------------------------------------------------------------------------ fonts

    @ParameterizedTest
    @EnumSource(PdfFonts.Source.class)
    void accentedNamesPrintWithEitherFont(PdfFonts.Source source) {
        VisitChart v = f.signed(f.dysportAndSculptra(), "Seen with her sister Łucja; discussed 漢方 remedies.");
        ReportService reports = f.reports.withFonts(source);

        byte[] summary = reports.visitSummary(v.visit().id());
        byte[] aftercare = reports.aftercare(v.visit().id());
        screenshots(summary, "report-summary-" + source.name().toLowerCase(java.util.Locale.ROOT));

        assertThat(text(summary)).contains("Lefèvre-Sørensen, Zoë (Renée)", "Lumière Aesthetics");
        assertThat(text(aftercare)).contains("Zoë Lefèvre-Sørensen", "Lumière Aesthetics");
        if (source == PdfFonts.Source.STANDARD) {
            // WinAnsi has no Ł and no CJK: replaced, never failing the report
            assertThat(text(summary)).contains("sister Lucja", "discussed ?? remedies");
        }
    }

    // ------------------------------------------------------------------------------------ files

    @Test
    void writeSavesThePdfUnderASafeName() throws IOException {
        VisitChart v = f.signed(f.dysportAndSculptra(), NOTES);
        byte[] pdf = f.reports.aftercare(v.visit().id());

        Path file = f.reports.write(pdf, dir.resolve("out"), "Aftercare: Lefèvre/Zoë 2026-11-21");

        assertThat(file.getFileName().toString()).isEqualTo("Aftercare_ Lefèvre_Zoë 2026-11-21.pdf");
        assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
        assertThat(f.reports.write(pdf, dir.resolve("out"), "same.PDF").getFileName().toString()).isEqualTo("same.PDF");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".part").hasSize(2);
        }
        assertThatThrownBy(() -> f.reports.write("hello".getBytes(), dir, "x.pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
