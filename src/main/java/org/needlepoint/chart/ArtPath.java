package org.needlepoint.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of a diagram's drawing, in the view's normalised coordinates. The path data is the
 * absolute subset of SVG (M, L, C, Q, Z), which is what the diagram files use.
 */
public record ArtPath(Stroke stroke, List<Segment> segments) {

    /** How a line is drawn: the head outline, a feature (eyes, lips), a faint hint, or a filled shape. */
    public enum Stroke {
        OUTLINE, FEATURE, HINT,
        /** Filled dark (pupils). */
        FILL,
        /** Filled with a soft tone (eyebrows). */
        TONE
    }

    /** One drawing command and its coordinates (x, y pairs). */
    public record Segment(Op op, double... xy) {
        public Segment {
            Objects.requireNonNull(op, "op");
            if (xy.length != op.coordinates) {
                throw new IllegalArgumentException(op + " takes " + op.coordinates + " numbers, not " + xy.length);
            }
        }
    }

    public enum Op {
        MOVE(2), LINE(2), QUAD(4), CUBIC(6), CLOSE(0);

        final int coordinates;

        Op(int coordinates) {
            this.coordinates = coordinates;
        }
    }

    public ArtPath {
        Objects.requireNonNull(stroke, "stroke");
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.get(0).op() != Op.MOVE) {
            throw new IllegalArgumentException("a path starts with M");
        }
    }

    /** Parses absolute SVG path data (M, L, C, Q, Z; repeated coordinates continue the last command). */
    public static ArtPath parse(Stroke stroke, String data) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int n = data.length();
        Op op = null;
        while (i < n) {
            char c = data.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (Character.isLetter(c) && c != 'e' && c != 'E') {
                op = switch (c) {
                    case 'M' -> Op.MOVE;
                    case 'L' -> Op.LINE;
                    case 'C' -> Op.CUBIC;
                    case 'Q' -> Op.QUAD;
                    case 'Z', 'z' -> Op.CLOSE;
                    default -> throw new IllegalArgumentException("unsupported path command '" + c + "'");
                };
                i++;
                if (op == Op.CLOSE) {
                    out.add(new Segment(Op.CLOSE));
                    op = null;
                }
                continue;
            }
            if (op == null) {
                throw new IllegalArgumentException("path data must start with a command: " + data);
            }
            double[] xy = new double[op.coordinates];
            for (int k = 0; k < xy.length; k++) {
                while (i < n && (Character.isWhitespace(data.charAt(i)) || data.charAt(i) == ',')) {
                    i++;
                }
                int start = i;
                if (i < n && (data.charAt(i) == '-' || data.charAt(i) == '+')) {
                    i++;
                }
                while (i < n && (Character.isDigit(data.charAt(i)) || data.charAt(i) == '.'
                        || data.charAt(i) == 'e' || data.charAt(i) == 'E'
                        || ((data.charAt(i) == '-' || data.charAt(i) == '+')
                        && (data.charAt(i - 1) == 'e' || data.charAt(i - 1) == 'E')))) {
                    i++;
                }
                if (start == i) {
                    throw new IllegalArgumentException("expected a number at " + start + " in " + data);
                }
                xy[k] = Double.parseDouble(data.substring(start, i));
            }
            out.add(new Segment(op, xy));
            if (op == Op.MOVE) {
                op = Op.LINE; // SVG: further pairs after M are lines
            }
        }
        return new ArtPath(stroke, out);
    }
}
