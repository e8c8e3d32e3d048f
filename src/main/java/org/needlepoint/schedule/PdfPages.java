package org.needlepoint.schedule;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF's pages as images, to read a signed consent's PDF on screen and print it (run off the FX thread). */
final class PdfPages {
    private PdfPages() {
    }

    /** Every page rendered at {@code dpi} dots per inch. */
    static List<BufferedImage> render(byte[] pdf, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> pages = new ArrayList<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pages.add(renderer.renderImageWithDPI(i, dpi));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be read: " + e.getMessage(), e);
        }
    }
}
