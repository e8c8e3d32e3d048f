package org.needlepoint.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.report.PdfPrinting;
import org.needlepoint.schedule.Appointment;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.CollectingPrinter;
import org.needlepoint.testing.TestClinic;

/**
 * Printing the aftercare sheet at checkout: the visit's sheet rendered page by page at the printer's
 * resolution, fitted to its printable area, one printed page per page of the PDF, none blank; a printer
 * that refuses a page gets the job cancelled.
 */
class AftercarePrintTest {
    @TempDir
    Path dir;
    TestClinic clinic;
    CheckoutFixture f;

    @BeforeEach
    void open() {
        clinic = new TestClinic(dir);
        f = new CheckoutFixture(clinic);
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void theAftercareSheetIsPrintedOnePageEachFittedToThePaperAtThePrintersResolutionAndNoneBlank() throws Exception {
        java.util.List<org.needlepoint.chart.InjectionPoint> both = new java.util.ArrayList<>(f.glabella());
        both.addAll(f.sculptraSession());
        Appointment a = f.treated(f.ann, "09:00", both, true);
        clinic.signIn("desk");
        byte[] pdf = clinic.services.checkout().aftercare(a.id());
        int pdfPages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pdfPages = doc.getNumberOfPages();
        }
        CollectingPrinter printer = new CollectingPrinter(150);

        PdfPrinting.Result r = PdfPrinting.print(pdf, printer.job());

        assertThat(pdfPages).isGreaterThanOrEqualTo(2); // a toxin section and a Sculptra section
        assertThat(r.sent()).isTrue();
        assertThat(r.pages()).isEqualTo(pdfPages);
        assertThat(r.printed()).isEqualTo(pdfPages);
        assertThat(printer.ended).isTrue();
        assertThat(printer.pages).hasSize(pdfPages);
        for (CollectingPrinter.Printed p : printer.pages) {
            assertThat(p.widthPoints()).isLessThanOrEqualTo(CollectingPrinter.WIDTH + 0.01);
            assertThat(p.heightPoints()).isLessThanOrEqualTo(CollectingPrinter.HEIGHT + 0.01);
            assertThat(Math.max(p.widthPoints() / CollectingPrinter.WIDTH, p.heightPoints() / CollectingPrinter.HEIGHT))
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001)); // fills the paper one way
            // rendered at the printer's 150 dpi: pixels = points / 72 * 150
            assertThat((double) p.image().getWidth()).isCloseTo(p.widthPoints() / 72 * 150,
                    org.assertj.core.data.Offset.offset(2.0));
            assertThat(CollectingPrinter.inked(p.image())).as("ink on the page").isGreaterThan(0.005);
        }
        assertThat(clinic.db.<Long>read(c -> Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action = 'EXPORT'"
                + " AND record_type = 'visit' AND summary LIKE 'exported the aftercare sheet%'"))).isEqualTo(1L);
    }

    @Test
    void aPrinterThatRefusesAPageHasTheJobCancelled() {
        java.util.List<org.needlepoint.chart.InjectionPoint> both = new java.util.ArrayList<>(f.glabella());
        both.addAll(f.sculptraSession());
        Appointment a = f.treated(f.ann, "09:00", both, true);
        clinic.signIn("desk");
        byte[] pdf = clinic.services.checkout().aftercare(a.id());
        CollectingPrinter printer = new CollectingPrinter(100, 2);

        PdfPrinting.Result r = PdfPrinting.print(pdf, printer.job());

        assertThat(r.sent()).isFalse();
        assertThat(r.printed()).isEqualTo(1);
        assertThat(printer.cancelled).isTrue();
        assertThat(printer.ended).isFalse();
    }
}
