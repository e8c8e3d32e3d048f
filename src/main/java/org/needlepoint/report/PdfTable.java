package org.needlepoint.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Rgb;
import org.needlepoint.report.PdfDoc.Style;

/**
 * A table of wrapped text: a shaded header row, light rules between rows, zebra shading. Drawn at
 * the document's cursor; a row that does not fit starts a new page, where the header is repeated.
 */
final class PdfTable {
    static final float PAD_X = 4f;
    static final float PAD_Y = 3f;

    /** @param weight the share of the table's width; {@code right}: numbers are right-aligned */
    record Column(String title, float weight, boolean right) {
        static Column of(String title, float weight) {
            return new Column(title, weight, false);
        }

        static Column right(String title, float weight) {
            return new Column(title, weight, true);
        }
    }

    /** A cell: its text, an optional style of its own, and an optional colour dot before the text. */
    record Cell(String text, Style style, Rgb swatch) {
        static Cell of(String text) {
            return new Cell(text, null, null);
        }

        static Cell styled(String text, Style style) {
            return new Cell(text, style, null);
        }

        static Cell swatch(String text, Rgb colour) {
            return new Cell(text, null, colour);
        }
    }

    private final PdfDoc doc;
    private final float x;
    private final float[] widths;
    private final List<Column> columns;
    private final Style header;
    private final Style body;
    private final List<List<Cell>> rows = new ArrayList<>();

    PdfTable(PdfDoc doc, float x, float width, List<Column> columns, Style header, Style body) {
        this.doc = doc;
        this.x = x;
        this.columns = List.copyOf(columns);
        this.header = header;
        this.body = body;
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width * columns.get(i).weight() / total;
        }
    }

    PdfTable row(List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row has " + columns.size() + " cells, not " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    PdfTable row(String... cells) {
        List<Cell> c = new ArrayList<>();
        for (String s : cells) {
            c.add(Cell.of(s));
        }
        return row(c);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    float headerHeight() throws IOException {
        float h = 0;
        for (int i = 0; i < columns.size(); i++) {
            h = Math.max(h, doc.height(columns.get(i).title(), header, widths[i] - 2 * PAD_X));
        }
        return h + 2 * PAD_Y;
    }

    float rowHeight(List<Cell> row) throws IOException {
        float h = body.leading();
        for (int i = 0; i < row.size(); i++) {
            Cell c = row.get(i);
            h = Math.max(h, doc.height(c.text(), style(c), textWidth(i, c)));
        }
        return h + 2 * PAD_Y;
    }

    /** The whole table's height when it is drawn without a page break. */
    float height() throws IOException {
        float h = headerHeight();
        for (List<Cell> r : rows) {
            h += rowHeight(r);
        }
        return h;
    }

    /**
     * Draws the table at the cursor and moves the cursor below it. The header and the first row stay
     * together; with {@code breaks} false the caller has made sure the table fits.
     */
    void draw(boolean breaks) throws IOException {
        float hh = headerHeight();
        if (breaks) {
            doc.need(hh + (rows.isEmpty() ? 0 : rowHeight(rows.get(0))));
        }
        drawHeader(hh);
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            float rh = rowHeight(row);
            if (breaks && !doc.fits(rh)) {
                doc.newPage();
                drawHeader(hh);
            }
            if (r % 2 == 1) {
                doc.box(x, doc.y, totalWidth(), rh, 0, Palette.SHADE, null, 0);
            }
            float cx = x;
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                drawCell(c, cx, doc.y, i);
                cx += widths[i];
            }
            doc.y -= rh;
            doc.rule(x, x + totalWidth(), doc.y, Palette.RULE, 0.5f);
        }
    }

    private void drawHeader(float hh) throws IOException {
        doc.box(x, doc.y, totalWidth(), hh, 0, Palette.HEADER_FILL, null, 0);
        float cx = x;
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            float lineTop = doc.y - PAD_Y;
            for (String line : doc.wrap(col.title(), header, widths[i] - 2 * PAD_X)) {
                float bl = PdfDoc.baseline(lineTop, header);
                if (col.right()) {
                    doc.textRight(line, header, cx + widths[i] - PAD_X, bl);
                } else {
                    doc.text(line, header, cx + PAD_X, bl);
                }
                lineTop -= header.leading();
            }
            cx += widths[i];
        }
        doc.y -= hh;
        doc.rule(x, x + totalWidth(), doc.y, Palette.FAINT, 0.6f);
    }

    private void drawCell(Cell c, float cx, float rowTop, int col) throws IOException {
        Style st = style(c);
        float tx = cx + PAD_X;
        if (c.swatch() != null) {
            doc.dot(tx + 3.2f, PdfDoc.baseline(rowTop - PAD_Y, st) + st.size() * 0.33f, 3.2f, c.swatch());
            tx += 10f;
        }
        float lineTop = rowTop - PAD_Y;
        for (String line : doc.wrap(c.text(), st, textWidth(col, c))) {
            float bl = PdfDoc.baseline(lineTop, st);
            if (columns.get(col).right()) {
                doc.textRight(line, st, cx + widths[col] - PAD_X, bl);
            } else {
                doc.text(line, st, tx, bl);
            }
            lineTop -= st.leading();
        }
    }

    private float textWidth(int col, Cell c) {
        return widths[col] - 2 * PAD_X - (c.swatch() != null ? 10f : 0f);
    }

    private Style style(Cell c) {
        return c.style() != null ? c.style() : body;
    }

    float totalWidth() {
        float w = 0;
        for (float f : widths) {
            w += f;
        }
        return w;
    }
}
