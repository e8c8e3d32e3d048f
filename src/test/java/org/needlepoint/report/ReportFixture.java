package org.needlepoint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.ChartDraft;
import org.needlepoint.chart.ChartPattern;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.ChartService;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.DiagramGeometry;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.ScreeningAnswer;
import org.needlepoint.chart.ScreeningEntry;
import org.needlepoint.chart.Site;
import org.needlepoint.chart.Technique;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.patient.Pregnancy;
import org.needlepoint.patient.Sex;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;

/**
 * A clinic with an accented name, a patient with an accented name and an allergy, Dysport and
 * Sculptra lots in stock, and charts built from the built-in patterns (real face coordinates).
 * The injector is signed in when it is made.
 */
final class ReportFixture implements AutoCloseable {
    static final String CLINIC_PHONE = "(555) 010-7788";

    final TestClinic clinic;
    final ChartService charts;
    final ReportService reports;
    final Patient patient;
    final Product dysport;
    final Product sculptra;
    final Lot dysportLot;
    final Lot sculptraLot;

    ReportFixture(Path dir) {
        clinic = new TestClinic(dir).withStaff();
        clinic.signIn("admin");
        Clinic c = clinic.services.clinic().clinic().orElseThrow();
        clinic.services.clinic().update(new Clinic("Lumière Aesthetics", "12 Harbour Road, Suite 4, Portland, ME 04101",
                CLINIC_PHONE, c.version()));
        clinic.signIn("desk");
        patient = clinic.services.patients().create(new PatientDetails("Zoë", null, "Lefèvre-Sørensen", "Renée",
                LocalDate.parse("1985-03-14"), Sex.FEMALE, "(555) 010-2345", null, null, null, null, null, null, null, null,
                null, "Penicillin (rash)", null, null, Pregnancy.NO, false, false, null, null), true);
        clinic.signIn("injector");
        charts = clinic.services.charts();
        reports = clinic.services.reports();
        Catalog catalog = charts.catalog();
        dysport = named(catalog, "Dysport 300 U");
        sculptra = named(catalog, "Sculptra");
        dysportLot = clinic.receive(dysport, "DY301A", LocalDate.parse("2027-08-31"), 10);
        sculptraLot = clinic.receive(sculptra, "SC150A", LocalDate.parse("2028-01-15"), 4);
    }

    static Product named(Catalog catalog, String name) {
        return catalog.products().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    LocalDate today() {
        return charts.today();
    }

    List<InjectionPoint> pattern(String name, Product product, Lot lot) {
        ChartPattern p = charts.patterns().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return charts.applyPattern(p.id(), product.id(), lot.id());
    }

    /** Dysport glabella (5 x 10 U = 50 U) and Sculptra temple and malar fans (14 x 0.5 mL = 7 mL). */
    List<InjectionPoint> dysportAndSculptra() {
        List<InjectionPoint> points = new ArrayList<>(pattern("Dysport glabellar lines (label, 5 x 10 U)", dysport, dysportLot));
        points.addAll(pattern("Sculptra temple fan", sculptra, sculptraLot));
        points.addAll(pattern("Sculptra malar fan", sculptra, sculptraLot));
        // one note, to see a wrapped cell
        InjectionPoint first = points.get(0);
        points.set(0, new InjectionPoint(first.key(), first.view(), first.x(), first.y(), first.region(), first.side(),
                first.productId(), first.lotId(), first.amount(), first.unit(), first.depth(), first.technique(),
                "Deep, perpendicular; patient tolerated well", null));
        return points;
    }

    /** A saved draft of {@code points}: consent given, every screening question answered. */
    VisitChart drafted(List<InjectionPoint> points, String notes) {
        VisitChart started = charts.startVisit(patient.id());
        List<Long> productIds = points.stream().map(InjectionPoint::productId).distinct().toList();
        List<ScreeningEntry> checklist = charts.screening(patient.id(), productIds, started.screening()).stream()
                .map(e -> e.answer() == ScreeningAnswer.UNANSWERED ? e.answered(ScreeningAnswer.NO, null) : e).toList();
        return charts.saveDraft(started.visit(), new ChartDraft(notes, points, checklist, true, false));
    }

    VisitChart signed(List<InjectionPoint> points, String notes) {
        VisitChart d = drafted(points, notes);
        clinic.clock.advance(Duration.ofMinutes(25));
        Consents.onFile(clinic.services, d.visit().patientId());
        return charts.sign(d.visit().id(), d.visit().version(), TestClinic.PASSWORD.toCharArray());
    }

    /**
     * {@code n} points spread over the front face in a grid, alternating Dysport (5 U) and Sculptra
     * (0.2 mL), each with its region and side from the diagram's geometry (a toxin's on a muscle, a
     * PLLA point's on an area); grid spots on no region are skipped, as the chart would refuse them.
     */
    List<InjectionPoint> grid(int n) {
        DiagramGeometry g = DiagramGeometry.standard();
        List<InjectionPoint> out = new ArrayList<>();
        int cols = 12;
        for (int k = 0; out.size() < n; k++) {
            if (k > 10_000) {
                throw new IllegalStateException("the face has no room for " + n + " grid points");
            }
            double x = 0.27 + (k % cols) * 0.04;
            double y = 0.22 + (k / cols) * 0.025;
            int i = out.size();
            boolean toxin = i % 2 == 0;
            Product p = toxin ? dysport : sculptra;
            var shape = g.shapeAt(DiagramView.FACE_FRONT, x, y, ChartRules.preferredKind(p));
            if (shape.isEmpty()) {
                continue;
            }
            Site site = shape.get().site();
            out.add(new InjectionPoint("p" + i, DiagramView.FACE_FRONT, x, y, site.region(), site.side(), p.id(),
                    (toxin ? dysportLot : sculptraLot).id(), new BigDecimal(toxin ? "5" : "0.2"), p.unit(),
                    toxin ? Depth.INTRAMUSCULAR : Depth.SUBCUTANEOUS,
                    toxin ? Technique.NEEDLE_BOLUS : Technique.CANNULA_FANNING, null, null));
        }
        return out;
    }

    /** A point at the centre of the first shape of {@code region} on {@code view}. */
    InjectionPoint at(String key, DiagramView view, org.needlepoint.chart.Region region, Product p, Lot lot,
                      String amount) {
        var shape = DiagramGeometry.standard().diagram(view).shapes().stream().filter(s -> s.region() == region)
                .findFirst().orElseThrow();
        return new InjectionPoint(key, view, shape.centroidX(), shape.centroidY(), region, shape.side(), p.id(),
                lot.id(), new BigDecimal(amount), p.unit(), Depth.SUBCUTANEOUS, Technique.CANNULA_FANNING, null, null);
    }

    // ---------------------------------------------------------------------------- reading PDFs

    /** The text of every page as PDFBox reads it back, with line breaks and runs of spaces as one space. */
    static String text(byte[] pdf) {
        return rawText(pdf).replaceAll("\\s+", " ");
    }

    /** The text of every page, line by line, as PDFBox reads it back. */
    static String rawText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (1-based). */
    static String pageText(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the PDF as {@code target/screenshots/<name>.pdf} and renders every page to
     * {@code <name>-p<N>.png} beside it at 110 dpi when the tests
     * run with -Dscreenshots=true; returns the files written.
     */
    static List<Path> screenshots(byte[] pdf, String name) {
        List<Path> out = new ArrayList<>();
        if (!Boolean.getBoolean("screenshots")) {
            return out;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".pdf"), pdf);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                Path file = dir.resolve(name + "-p" + (i + 1) + ".png");
                ImageIO.write(renderer.renderImageWithDPI(i, 110), "png", file.toFile());
                out.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        clinic.close();
    }
}
