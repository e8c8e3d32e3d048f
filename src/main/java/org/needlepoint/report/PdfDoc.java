package org.needlepoint.report;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A small flow layout over PDFBox: pages with margins, a cursor that moves down the page, text
 * that wraps, and page breaks. Coordinates are PDF points with y upwards; {@link #y} is the top
 * of the next block. Builders draw on {@link #cs()} and move {@link #y} down as they go.
 */
final class PdfDoc implements Closeable {
    static final float MARGIN = 42f;
    /** Space kept free above the bottom margin for the footer. */
    static final float FOOTER = 26f;

    /** Decorates a finished page: footer, page number, watermark. */
    @FunctionalInterface
    interface PageDecorator {
        void decorate(PdfDoc doc, int pageNumber, int pageCount) throws IOException;
    }

    /** How a run of text looks. */
    record Style(boolean bold, float size, Rgb colour) {
        Style withColour(Rgb c) {
            return new Style(bold, size, c);
        }

        Style withSize(float s) {
            return new Style(bold, s, colour);
        }

        Style asBold() {
            return new Style(true, size, colour);
        }

        /** Line height: the font size and some air. */
        float leading() {
            return size * 1.32f;
        }
    }

    /** An RGB colour with components 0..1. */
    record Rgb(float r, float g, float b) {
        static Rgb hex(String hex) {
            return hex(hex, Palette.MUTED);
        }

        /** "#RRGGBB", or {@code fallback} when the text is not such a colour. */
        static Rgb hex(String hex, Rgb fallback) {
            if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
                return fallback;
            }
            int v = Integer.parseInt(hex.substring(1), 16);
            return new Rgb(((v >> 16) & 0xff) / 255f, ((v >> 8) & 0xff) / 255f, (v & 0xff) / 255f);
        }

        /** Perceived lightness, 0 (black) to 1 (white). */
        float luminance() {
            return 0.2126f * r + 0.7152f * g + 0.0722f * b;
        }
    }

    /** The colours the reports share. */
    static final class Palette {
        static final Rgb INK = Rgb.hex("#1f2328", null);
        static final Rgb MUTED = Rgb.hex("#57606a", null);
        static final Rgb FAINT = Rgb.hex("#8c959f", null);
        static final Rgb RULE = Rgb.hex("#d0d7de", null);
        static final Rgb SHADE = Rgb.hex("#f6f8fa", null);
        static final Rgb HEADER_FILL = Rgb.hex("#eaeef2", null);
        static final Rgb ACCENT = Rgb.hex("#0a5c8a", null);
        static final Rgb ACCENT_TINT = Rgb.hex("#e8f2f8", null);
        static final Rgb RED = Rgb.hex("#b42318", null);
        static final Rgb RED_TINT = Rgb.hex("#fdecea", null);
        static final Rgb AMBER = Rgb.hex("#9a6700", null);
        static final Rgb AMBER_TINT = Rgb.hex("#fff6dd", null);
        static final Rgb GREEN = Rgb.hex("#1a7f37", null);
        static final Rgb GREEN_TINT = Rgb.hex("#eaf6ee", null);
        static final Rgb WHITE = new Rgb(1, 1, 1);

        private Palette() {
        }
    }

    final PDDocument doc;
    final PdfFonts fonts;
    final float pageWidth;
    final float pageHeight;
    final float left;
    final float right;
    final float top;
    final float bottom;
    /** The top of the next block. */
    float y;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream cs;
    private PageHeader continuation;

    /** Draws the running header of every page after the first, starting at {@link #y}, and moves {@link #y} below it. */
    @FunctionalInterface
    interface PageHeader {
        void draw(PdfDoc doc) throws IOException;
    }

    PdfDoc(PdfFonts.Source fontSource, PaperSize paper) {
        this.doc = new PDDocument();
        this.fonts = PdfFonts.load(doc, fontSource);
        this.pageWidth = paper.width;
        this.pageHeight = paper.height;
        this.left = MARGIN;
        this.right = paper.width - MARGIN;
        this.top = paper.height - MARGIN;
        this.bottom = MARGIN + FOOTER;
    }

    float width() {
        return right - left;
    }

    void onNewPage(PageHeader header) {
        this.continuation = header;
    }

    void metadata(String title, String author, String subject, Instant created, ZoneId zone) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator("Needlepoint");
        info.setProducer("Needlepoint with Apache PDFBox");
        Calendar c = GregorianCalendar.from(created.atZone(zone));
        info.setCreationDate(c);
        info.setModificationDate(c);
    }

    int pageCount() {
        return pages.size();
    }

    PDPageContentStream cs() {
        return cs;
    }

    /** Starts a page; the running header is drawn on every page but the first. */
    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(new PDRectangle(pageWidth, pageHeight));
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = top;
        if (pages.size() > 1 && continuation != null) {
            continuation.draw(this);
        }
    }

    /** True when a block of {@code height} fits above the footer. */
    boolean fits(float height) {
        return y - height >= bottom;
    }

    /** Breaks the page unless a block of {@code height} still fits. */
    void need(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    void gap(float h) {
        y -= h;
    }

    // ------------------------------------------------------------------------------------ text

    String printable(String s, Style st) {
        return fonts.printable(fonts.font(st.bold()), s);
    }

    float width(String s, Style st) throws IOException {
        PDFont f = fonts.font(st.bold());
        return f.getStringWidth(fonts.printable(f, s)) / 1000f * st.size();
    }

    /** The baseline of a line whose box starts at {@code boxTop}. */
    static float baseline(float boxTop, Style st) {
        return boxTop - st.size() * 0.93f;
    }

    /** One line of text with its baseline at {@code baseline}. */
    void text(String s, Style st, float x, float baseline) throws IOException {
        if (s == null || s.isEmpty()) {
            return;
        }
        PDFont f = fonts.font(st.bold());
        cs.beginText();
        cs.setFont(f, st.size());
        fill(st.colour());
        cs.newLineAtOffset(x, baseline);
        cs.showText(fonts.printable(f, s));
        cs.endText();
    }

    void textRight(String s, Style st, float xRight, float baseline) throws IOException {
        text(s, st, xRight - width(s, st), baseline);
    }

    void textCentred(String s, Style st, float xCentre, float baseline) throws IOException {
        text(s, st, xCentre - width(s, st) / 2, baseline);
    }

    /** Text rotated by {@code degrees} about its start point. */
    void textRotated(String s, Style st, float x, float yy, double degrees) throws IOException {
        PDFont f = fonts.font(st.bold());
        cs.beginText();
        cs.setFont(f, st.size());
        fill(st.colour());
        cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(degrees), x, yy));
        cs.showText(fonts.printable(f, s));
        cs.endText();
    }

    /**
     * {@code s} broken into lines no wider than {@code maxWidth}: at its own line breaks, then
     * between words; a word wider than the line is split between characters.
     */
    List<String> wrap(String s, Style st, float maxWidth) throws IOException {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String para : s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String[] words = para.strip().split("[ \\t]+");
            StringBuilder line = new StringBuilder();
            for (String w : words) {
                if (w.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? w : line + " " + w;
                if (width(candidate, st) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                // the word alone may still be too wide: split it
                String rest = w;
                while (width(rest, st) > maxWidth && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), st) > maxWidth) {
                        cut--;
                    }
                    out.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Wrapped text at the cursor, {@code x} to {@code x + maxWidth}; breaks the page between lines. */
    void paragraph(String s, Style st, float x, float maxWidth) throws IOException {
        for (String line : wrap(s, st, maxWidth)) {
            need(st.leading());
            text(line, st, x, baseline(y, st));
            y -= st.leading();
        }
    }

    void paragraph(String s, Style st) throws IOException {
        paragraph(s, st, left, width());
    }

    /** Height of {@code s} wrapped to {@code maxWidth}. */
    float height(String s, Style st, float maxWidth) throws IOException {
        return wrap(s, st, maxWidth).size() * st.leading();
    }

    // ----------------------------------------------------------------------------------- shapes

    void fill(Rgb c) throws IOException {
        cs.setNonStrokingColor(c.r(), c.g(), c.b());
    }

    void stroke(Rgb c) throws IOException {
        cs.setStrokingColor(c.r(), c.g(), c.b());
    }

    /** A horizontal rule at {@code yy}. */
    void rule(float x1, float x2, float yy, Rgb c, float width) throws IOException {
        stroke(c);
        cs.setLineWidth(width);
        cs.moveTo(x1, yy);
        cs.lineTo(x2, yy);
        cs.stroke();
    }

    /** A rectangle given by its top-left corner: filled with {@code fillColour} and/or outlined. */
    void box(float x, float yTop, float w, float h, float radius, Rgb fillColour, Rgb strokeColour, float strokeWidth)
            throws IOException {
        roundRectPath(x, yTop - h, w, h, radius);
        if (fillColour != null) {
            fill(fillColour);
        }
        if (strokeColour != null) {
            stroke(strokeColour);
            cs.setLineWidth(strokeWidth);
        }
        if (fillColour != null && strokeColour != null) {
            cs.fillAndStroke();
        } else if (fillColour != null) {
            cs.fill();
        } else {
            cs.stroke();
        }
    }

    private void roundRectPath(float x, float yb, float w, float h, float r) throws IOException {
        if (r <= 0) {
            cs.addRect(x, yb, w, h);
            return;
        }
        r = Math.min(r, Math.min(w, h) / 2);
        float k = 0.5523f * r;
        cs.moveTo(x + r, yb);
        cs.lineTo(x + w - r, yb);
        cs.curveTo(x + w - r + k, yb, x + w, yb + r - k, x + w, yb + r);
        cs.lineTo(x + w, yb + h - r);
        cs.curveTo(x + w, yb + h - r + k, x + w - r + k, yb + h, x + w - r, yb + h);
        cs.lineTo(x + r, yb + h);
        cs.curveTo(x + r - k, yb + h, x, yb + h - r + k, x, yb + h - r);
        cs.lineTo(x, yb + r);
        cs.curveTo(x, yb + r - k, x + r - k, yb, x + r, yb);
        cs.closePath();
    }

    /** A circle path (not yet painted). */
    void circlePath(float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    /** A filled dot, e.g. a product's colour swatch. */
    void dot(float cx, float cy, float r, Rgb c) throws IOException {
        circlePath(cx, cy, r);
        fill(c);
        cs.fill();
    }

    /** Sets the opacity of what is painted next (1 = opaque), until the graphics state is restored. */
    void alpha(float a) throws IOException {
        PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
        gs.setNonStrokingAlphaConstant(a);
        gs.setStrokingAlphaConstant(a);
        cs.setGraphicsStateParameters(gs);
    }

    // ---------------------------------------------------------------------------------- finishing

    /** Decorates every page (now that the page count is known) and returns the PDF's bytes. */
    byte[] finish(PageDecorator decorator) throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            cs = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true);
            try {
                decorator.decorate(this, i + 1, n);
            } finally {
                cs.close();
                cs = null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        doc.close();
    }
}
