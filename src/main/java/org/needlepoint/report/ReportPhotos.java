package org.needlepoint.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.needlepoint.photo.ImageFile;
import org.needlepoint.photo.Photo;
import org.needlepoint.photo.PhotoFile;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Style;

/**
 * Clinical photos in a report: each photo upright (its EXIF orientation applied) at print size, captioned with
 * its view, moment, date and file name, two to a row. The originals stay as they are: the report carries a
 * copy scaled to at most {@link #MAX_SIDE} pixels.
 */
final class ReportPhotos {
    /** The longest side of a photo as put into a PDF: about 250 dpi over a half-page width. */
    static final int MAX_SIDE = 1200;
    private static final Style CAPTION = new Style(true, 8f, Palette.INK);
    private static final Style SMALL = new Style(false, 7.4f, Palette.MUTED);
    private static final float GUTTER = 14f;
    private static final float MAX_HEIGHT = 300f;

    /** One photo ready to print: its image upright and scaled, and its captions. */
    record Printed(BufferedImage image, String caption, String detail) {
    }

    private ReportPhotos() {
    }

    /** The photos decoded for printing (in the caller's thread: reading them is the slow part). */
    static List<Printed> prepare(List<PhotoFile> photos, ZoneId zone) {
        List<Printed> out = new ArrayList<>();
        for (PhotoFile f : photos) {
            Photo p = f.photo();
            try {
                BufferedImage img = ImageFile.decode(f.bytes(), p.orientation(), MAX_SIDE);
                out.add(new Printed(img, p.poseLabel() + " \u00b7 " + p.moment().label().toLowerCase(Locale.ROOT),
                        VisitRecord.DAY.format(p.when().atZone(zone)) + " \u00b7 " + p.fileName()));
            } catch (IOException e) {
                throw new UncheckedIOException("The photo " + p.fileName() + " could not be read for the report: "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Draws the photos two to a row from {@code doc.y}, breaking pages between rows. */
    static void draw(PdfDoc doc, List<Printed> photos) throws IOException {
        float cellW = (doc.width() - GUTTER) / 2;
        for (int i = 0; i < photos.size(); i += 2) {
            List<Printed> row = photos.subList(i, Math.min(photos.size(), i + 2));
            float h = 0;
            for (Printed p : row) {
                h = Math.max(h, heightFor(p.image(), cellW));
            }
            float captions = CAPTION.leading() + SMALL.leading() + 4;
            doc.need(h + captions + 8);
            float top = doc.y;
            for (int k = 0; k < row.size(); k++) {
                Printed p = row.get(k);
                float x = doc.left + k * (cellW + GUTTER);
                float ph = heightFor(p.image(), cellW);
                float pw = ph * p.image().getWidth() / p.image().getHeight();
                PDImageXObject img = JPEGFactory.createFromImage(doc.doc, p.image(), 0.88f);
                doc.cs().drawImage(img, x, top - ph, pw, ph);
                doc.box(x, top, pw, ph, 0, null, Palette.RULE, 0.6f);
                float cy = top - h - 3;
                doc.text(p.caption(), CAPTION, x, PdfDoc.baseline(cy, CAPTION));
                doc.text(p.detail(), SMALL, x, PdfDoc.baseline(cy - CAPTION.leading(), SMALL));
            }
            doc.y = top - h - captions - 8;
        }
    }

    private static float heightFor(BufferedImage img, float cellW) {
        float h = cellW * img.getHeight() / img.getWidth();
        return Math.min(h, MAX_HEIGHT);
    }
}
