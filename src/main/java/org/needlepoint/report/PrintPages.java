package org.needlepoint.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF's pages made ready for a printer: each page rendered with PDFBox at the printer's resolution
 * and at the size that fits the printer's printable area (the page's proportions kept), one page at a
 * time so a long document never holds every page in memory. No JavaFX: the window's printing hands the
 * images to the printer ({@code ui.PagePrinter}); a test collects them.
 */
public final class PrintPages {
    /** Points in an inch: PDF and printers' page layouts measure in points. */
    public static final double POINTS_PER_INCH = 72;
    /** The highest resolution rendered: a 600 dpi printer gets 300 dpi pages (an A4 page is then about 35 MB as an image). */
    public static final int MAX_DPI = 300;
    /** The lowest resolution rendered, whatever the printer says. */
    public static final int MIN_DPI = 72;

    private PrintPages() {
    }

    /**
     * Where a page goes: the printable area of the printer's paper, in points, and the printer's
     * resolution in dots per inch.
     */
    public record Area(double widthPoints, double heightPoints, int dpi) {
        public Area {
            if (!(widthPoints > 0) || !(heightPoints > 0)) {
                throw new IllegalArgumentException("the printable area is empty");
            }
        }

        /** The resolution the pages are rendered at: the printer's, kept within {@link #MIN_DPI} and {@link #MAX_DPI}. */
        public int renderDpi() {
            return Math.max(MIN_DPI, Math.min(MAX_DPI, dpi));
        }
    }

    /** One rendered page: the image, and the size in points it is printed at (within the printable area). */
    public record Page(int number, int of, BufferedImage image, double widthPoints, double heightPoints) {
    }

    /** Takes the pages in order; returning false stops the rendering (the printer refused a page). */
    @FunctionalInterface
    public interface Sink {
        boolean page(Page page) throws IOException;
    }

    /**
     * Renders every page of {@code pdf} to fit {@code area} and hands each to {@code sink} in order.
     * Returns the number of pages handed over (fewer than the document's when the sink stopped).
     */
    public static int render(byte[] pdf, Area area, Sink sink) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            int count = doc.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDRectangle box = doc.getPage(i).getCropBox();
                boolean turned = doc.getPage(i).getRotation() % 180 != 0;
                double w = turned ? box.getHeight() : box.getWidth();
                double h = turned ? box.getWidth() : box.getHeight();
                double fit = Math.min(area.widthPoints() / w, area.heightPoints() / h);
                float scale = (float) (fit * area.renderDpi() / POINTS_PER_INCH);
                BufferedImage image = renderer.renderImage(i, scale, ImageType.RGB);
                if (!sink.page(new Page(i + 1, count, image, w * fit, h * fit))) {
                    return i;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be prepared for printing: " + e.getMessage(), e);
        }
    }
}
