package org.needlepoint.schedule;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A signature drawn on the pad: the strokes (each the points of one press-drag-release, in the pad's
 * pixels) on a pad of {@code width} x {@code height}. Kept as compact text ({@link #encode}): the pad's
 * size, then one stroke per {@code ;}, its first point absolute and the others as the step from the
 * one before ("v1 600x220;12,40 3,1 4,0;..."), and as a PNG drawn from them ({@link #png}).
 */
public record Signature(int width, int height, List<List<Point>> strokes) {
    /** A point on the pad, in pixels from its top-left corner. */
    public record Point(int x, int y) {
    }

    private static final String FORMAT = "v1";
    /** The least ink a signature has: its strokes' length, in pad pixels. */
    static final double MIN_INK = 60;
    /** The least extent (width or height of the box round the strokes), in pad pixels. */
    static final int MIN_EXTENT = 25;
    /** At most this many points in all (a long signature has a few thousand). */
    static final int MAX_POINTS = 20_000;

    public Signature {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("pad size " + width + "x" + height);
        }
        strokes = strokes.stream().filter(s -> !s.isEmpty()).map(List::copyOf).toList();
    }

    /** The length of all strokes, in pad pixels. */
    public double ink() {
        double ink = 0;
        for (List<Point> s : strokes) {
            for (int i = 1; i < s.size(); i++) {
                ink += Math.hypot(s.get(i).x() - s.get(i - 1).x(), s.get(i).y() - s.get(i - 1).y());
            }
        }
        return ink;
    }

    public int pointCount() {
        return strokes.stream().mapToInt(List::size).sum();
    }

    /**
     * Why this cannot be a patient's signature, if it cannot: no strokes, or a trivially small mark (a
     * tap, a dot, a short dash); also far too many points for a signature.
     */
    public Optional<String> problem() {
        if (strokes.isEmpty()) {
            return Optional.of("The patient has not signed: ask them to sign in the box.");
        }
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        int maxY = Integer.MIN_VALUE;
        for (List<Point> s : strokes) {
            for (Point p : s) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
        }
        if (ink() < MIN_INK || Math.max(maxX - minX, maxY - minY) < MIN_EXTENT) {
            return Optional.of("That is too small to be a signature: clear it and ask the patient to sign across the box.");
        }
        if (pointCount() > MAX_POINTS) {
            return Optional.of("The signature has too many points: clear it and sign again.");
        }
        return Optional.empty();
    }

    /** The compact text kept with the signed consent. */
    public String encode() {
        StringBuilder b = new StringBuilder(FORMAT).append(' ').append(width).append('x').append(height);
        for (List<Point> s : strokes) {
            b.append(';');
            Point last = null;
            for (Point p : s) {
                if (last != null) {
                    b.append(' ');
                }
                int x = last == null ? p.x() : p.x() - last.x();
                int y = last == null ? p.y() : p.y() - last.y();
                b.append(x).append(',').append(y);
                last = p;
            }
        }
        return b.toString();
    }

    /** Reads {@link #encode}'s text back; a malformed text is an {@link IllegalArgumentException}. */
    public static Signature parse(String text) {
        try {
            String[] parts = text.split(";", -1);
            String[] head = parts[0].split(" ");
            if (head.length != 2 || !head[0].equals(FORMAT)) {
                throw new IllegalArgumentException("not a signature: " + parts[0]);
            }
            String[] size = head[1].split("x");
            List<List<Point>> strokes = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                List<Point> s = new ArrayList<>();
                Point last = null;
                for (String xy : parts[i].trim().split(" ")) {
                    if (xy.isEmpty()) {
                        continue;
                    }
                    int comma = xy.indexOf(',');
                    int x = Integer.parseInt(xy.substring(0, comma));
                    int y = Integer.parseInt(xy.substring(comma + 1));
                    last = last == null ? new Point(x, y) : new Point(last.x() + x, last.y() + y);
                    s.add(last);
                }
                strokes.add(s);
            }
            return new Signature(Integer.parseInt(size[0]), Integer.parseInt(size[1]), strokes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a signature: " + e.getMessage(), e);
        }
    }

    /** The signature as a PNG of the pad's size: dark ink on a transparent background. */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new Color(0x14, 0x1e, 0x3c));
            g.setStroke(new BasicStroke(Math.max(2.5f, width / 240f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (List<Point> s : strokes) {
                Path2D.Float path = new Path2D.Float();
                path.moveTo(s.get(0).x(), s.get(0).y());
                for (Point p : s.subList(1, s.size())) {
                    path.lineTo(p.x(), p.y());
                }
                if (s.size() == 1) {
                    path.lineTo(s.get(0).x() + 0.5f, s.get(0).y());
                }
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
