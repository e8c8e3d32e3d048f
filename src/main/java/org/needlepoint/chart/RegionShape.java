package org.needlepoint.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named shape of a diagram: a polygon in the view's normalised coordinates that stands for
 * {@code region} on the patient's {@code side}. A region may have several shapes (a band split in
 * two, the left and right halves of a paired muscle).
 */
public final class RegionShape {
    private final Region region;
    private final Side side;
    private final double[] xy;
    private final double area;
    private final double cx;
    private final double cy;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    /** {@code xy} holds x0, y0, x1, y1, ... of a simple polygon (at least three corners). */
    public RegionShape(Region region, Side side, double[] xy) {
        this.region = Objects.requireNonNull(region, "region");
        this.side = Objects.requireNonNull(side, "side");
        if (xy.length < 6 || xy.length % 2 != 0) {
            throw new IllegalArgumentException(region + " " + side + ": a polygon needs at least 3 corners");
        }
        this.xy = xy.clone();
        double a = 0;
        double sx = 0;
        double sy = 0;
        double lx = Double.MAX_VALUE;
        double ly = Double.MAX_VALUE;
        double hx = -Double.MAX_VALUE;
        double hy = -Double.MAX_VALUE;
        int n = xy.length / 2;
        for (int k = 0; k < n; k++) {
            double x1 = xy[2 * k];
            double y1 = xy[2 * k + 1];
            double x2 = xy[2 * ((k + 1) % n)];
            double y2 = xy[2 * ((k + 1) % n) + 1];
            double f = x1 * y2 - x2 * y1;
            a += f;
            sx += (x1 + x2) * f;
            sy += (y1 + y2) * f;
            lx = Math.min(lx, x1);
            ly = Math.min(ly, y1);
            hx = Math.max(hx, x1);
            hy = Math.max(hy, y1);
        }
        if (Math.abs(a) < 1e-12) {
            throw new IllegalArgumentException(region + " " + side + ": the polygon has no area");
        }
        this.area = Math.abs(a) / 2;
        this.cx = sx / (3 * a);
        this.cy = sy / (3 * a);
        this.minX = lx;
        this.minY = ly;
        this.maxX = hx;
        this.maxY = hy;
    }

    public Region region() {
        return region;
    }

    public Side side() {
        return side;
    }

    public Site site() {
        return new Site(region, side);
    }

    /** Number of corners. */
    public int size() {
        return xy.length / 2;
    }

    public double x(int corner) {
        return xy[2 * corner];
    }

    public double y(int corner) {
        return xy[2 * corner + 1];
    }

    /** A copy of the corners as x0, y0, x1, y1, ... */
    public double[] points() {
        return xy.clone();
    }

    /** Area in normalised units (comparable between shapes of one view). */
    public double area() {
        return area;
    }

    public double centroidX() {
        return cx;
    }

    public double centroidY() {
        return cy;
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    /** Whether (x, y) lies inside the polygon (even-odd rule; points on an edge may go either way). */
    public boolean contains(double x, double y) {
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        boolean in = false;
        int n = xy.length / 2;
        for (int k = 0, j = n - 1; k < n; j = k++) {
            double xk = xy[2 * k];
            double yk = xy[2 * k + 1];
            double xj = xy[2 * j];
            double yj = xy[2 * j + 1];
            if ((yk > y) != (yj > y) && x < (xj - xk) * (y - yk) / (yj - yk) + xk) {
                in = !in;
            }
        }
        return in;
    }

    @Override
    public String toString() {
        return "RegionShape[" + region.name() + ", " + side.name() + ", " + size() + " corners, "
                + Arrays.toString(new double[] {cx, cy}) + "]";
    }
}
