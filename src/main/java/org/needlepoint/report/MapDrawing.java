package org.needlepoint.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.needlepoint.chart.ArtPath;
import org.needlepoint.chart.Diagram;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Rgb;
import org.needlepoint.report.PdfDoc.Style;

/**
 * One diagram view drawn as vector graphics straight into the PDF: the line art of
 * {@link Diagram#art()} (the same paths the on-screen site map draws, in the same normalised
 * coordinates) and each point as a dot in its product's colour labelled with its amount. Points
 * added by an addendum are squares. Labels are placed beside their dot where they cover no other
 * dot or label, so a dense glabella stays readable.
 */
final class MapDrawing {
    private static final Rgb INK = Rgb.hex("#39424e", null);
    private static final Rgb HINT = Rgb.hex("#a3acb8", null);
    private static final Rgb TONE = Rgb.hex("#8c95a2", null);
    static final float CAPTION = 14f;

    /** A point to draw: where (normalised), its colour, its label, and whether an addendum added it. */
    record Marker(double x, double y, Rgb colour, String label, boolean added) {
    }

    private record Box(float x1, float y1, float x2, float y2) {
        boolean overlaps(Box o) {
            return x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2;
        }

        float overlapArea(Box o) {
            float w = Math.min(x2, o.x2) - Math.max(x1, o.x1);
            float h = Math.min(y2, o.y2) - Math.max(y1, o.y1);
            return w > 0 && h > 0 ? w * h : 0;
        }

        boolean inside(Box o) {
            return x1 >= o.x1 && x2 <= o.x2 && y1 >= o.y1 && y2 <= o.y2;
        }
    }

    private MapDrawing() {
    }

    /**
     * Draws {@code diagram} in a framed box whose top-left corner is ({@code x}, {@code yTop}); the
     * drawing itself is {@code w} by {@code w / aspect}, with the view's name as a caption below.
     * Returns the box's height.
     */
    static float draw(PdfDoc doc, Diagram diagram, String caption, List<Marker> markers, float x, float yTop, float w)
            throws IOException {
        float h = (float) (w / diagram.aspect());
        float boxH = h + CAPTION;
        doc.box(x, yTop, w, boxH, 6, Palette.WHITE, Palette.RULE, 0.7f);
        PDPageContentStream cs = doc.cs();
        float weight = Math.max(0.55f, Math.min(1.3f, h / 260f));

        cs.saveGraphicsState();
        cs.setLineCapStyle(1);
        cs.setLineJoinStyle(1);
        for (ArtPath a : diagram.art()) {
            path(cs, a, x, yTop, w, h);
            switch (a.stroke()) {
                case OUTLINE -> strokeWith(doc, INK, 0.95f * weight);
                case FEATURE -> strokeWith(doc, INK, 0.75f * weight);
                case HINT -> strokeWith(doc, HINT, 0.6f * weight);
                case FILL -> {
                    doc.fill(INK);
                    cs.fill();
                }
                case TONE -> {
                    cs.saveGraphicsState();
                    doc.alpha(0.7f);
                    doc.fill(TONE);
                    cs.fill();
                    cs.restoreGraphicsState();
                }
            }
        }
        cs.restoreGraphicsState();

        drawMarkers(doc, markers, x, yTop, w, h);

        Style cap = new Style(false, 7.5f, Palette.MUTED);
        doc.textCentred(caption, cap, x + w / 2, yTop - h - CAPTION + 4.5f);
        return boxH;
    }

    private static void strokeWith(PdfDoc doc, Rgb c, float width) throws IOException {
        doc.stroke(c);
        doc.cs().setLineWidth(width);
        doc.cs().stroke();
    }

    /** Adds the art path to the page's current path, mapping (0..1, 0..1) onto the drawing's box. */
    private static void path(PDPageContentStream cs, ArtPath a, float x, float yTop, float w, float h)
            throws IOException {
        float cx = 0;
        float cy = 0;
        for (ArtPath.Segment s : a.segments()) {
            double[] v = s.xy();
            switch (s.op()) {
                case MOVE -> {
                    cx = px(v[0], x, w);
                    cy = py(v[1], yTop, h);
                    cs.moveTo(cx, cy);
                }
                case LINE -> {
                    cx = px(v[0], x, w);
                    cy = py(v[1], yTop, h);
                    cs.lineTo(cx, cy);
                }
                case CUBIC -> {
                    float ex = px(v[4], x, w);
                    float ey = py(v[5], yTop, h);
                    cs.curveTo(px(v[0], x, w), py(v[1], yTop, h), px(v[2], x, w), py(v[3], yTop, h), ex, ey);
                    cx = ex;
                    cy = ey;
                }
                case QUAD -> {
                    // a quadratic Bezier is the cubic whose controls lie 2/3 of the way to its control point
                    float qx = px(v[0], x, w);
                    float qy = py(v[1], yTop, h);
                    float ex = px(v[2], x, w);
                    float ey = py(v[3], yTop, h);
                    cs.curveTo(cx + 2f / 3f * (qx - cx), cy + 2f / 3f * (qy - cy),
                            ex + 2f / 3f * (qx - ex), ey + 2f / 3f * (qy - ey), ex, ey);
                    cx = ex;
                    cy = ey;
                }
                case CLOSE -> cs.closePath();
            }
        }
    }

    private static float px(double nx, float x, float w) {
        return (float) (x + nx * w);
    }

    private static float py(double ny, float yTop, float h) {
        return (float) (yTop - ny * h);
    }

    private static void drawMarkers(PdfDoc doc, List<Marker> markers, float x, float yTop, float w, float h)
            throws IOException {
        // the same dot and label size on every drawing, so a small view stays as legible as a big one
        float r = 3.3f;
        Style label = new Style(true, 6.6f, Palette.INK);
        List<Box> taken = new ArrayList<>();
        for (Marker m : markers) {
            float mx = px(m.x(), x, w);
            float my = py(m.y(), yTop, h);
            taken.add(new Box(mx - r - 0.6f, my - r - 0.6f, mx + r + 0.6f, my + r + 0.6f));
        }
        // dots first, so that every label lies above every dot's outline
        for (Marker m : markers) {
            float mx = px(m.x(), x, w);
            float my = py(m.y(), yTop, h);
            if (m.added()) {
                doc.box(mx - r, my + r, 2 * r, 2 * r, 0.6f, m.colour(), INK, 0.8f);
            } else {
                doc.circlePath(mx, my, r);
                doc.fill(m.colour());
                doc.stroke(Palette.WHITE);
                doc.cs().setLineWidth(0.8f);
                doc.cs().fillAndStroke();
            }
        }
        Box frame = new Box(x + 1, yTop - h + 1, x + w - 1, yTop - 1);
        List<Box> labels = new ArrayList<>();
        for (Marker m : markers) {
            if (m.label().isEmpty()) {
                continue;
            }
            float mx = px(m.x(), x, w);
            float my = py(m.y(), yTop, h);
            float tw = doc.width(m.label(), label);
            float th = label.size() * 0.95f;
            float pad = 1.2f;
            float bw = tw + 2 * pad;
            float bh = th + 2 * pad;
            float gap = r + 1.2f;
            // right, left, above, below, then the diagonals, then further out
            float[][] offsets = {
                {gap, -bh / 2}, {-gap - bw, -bh / 2}, {-bw / 2, gap}, {-bw / 2, -gap - bh},
                {gap * 0.8f, gap * 0.5f}, {gap * 0.8f, -gap * 0.5f - bh}, {-gap * 0.8f - bw, gap * 0.5f},
                {-gap * 0.8f - bw, -gap * 0.5f - bh},
                {gap + 4, -bh / 2}, {-gap - 4 - bw, -bh / 2}, {-bw / 2, gap + 4}, {-bw / 2, -gap - 4 - bh},
            };
            Box best = null;
            float bestCost = Float.MAX_VALUE;
            for (float[] o : offsets) {
                Box b = new Box(mx + o[0], my + o[1], mx + o[0] + bw, my + o[1] + bh);
                float cost = b.inside(frame) ? 0 : 1000;
                for (Box t : taken) {
                    cost += t.overlapArea(b) * 3;
                }
                for (Box l : labels) {
                    cost += l.overlapArea(b) * 4;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = b;
                }
                if (cost == 0) {
                    break;
                }
            }
            labels.add(best);
            doc.cs().saveGraphicsState();
            doc.alpha(0.85f);
            doc.box(best.x1(), best.y2(), bw, bh, 1.5f, Palette.WHITE, null, 0);
            doc.cs().restoreGraphicsState();
            doc.text(m.label(), label, best.x1() + pad, best.y1() + pad + th * 0.22f);
        }
    }
}
