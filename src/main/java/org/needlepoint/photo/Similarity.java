package org.needlepoint.photo;

/**
 * A similarity transform of the plane (uniform scale, rotation, translation): x' = s(cos a x - sin a y) + tx,
 * y' = s(sin a x + cos a y) + ty. {@link #aligning} finds the one that maps one photo's marked pupils exactly
 * onto another's, so the second photo, drawn through it, lines up with the first (the faces the same size,
 * level and in the same place). No JavaFX here: the Compare screen turns it into its own transform.
 */
public record Similarity(double scale, double angle, double tx, double ty) {
    public static final Similarity IDENTITY = new Similarity(1, 0, 0, 0);

    /**
     * The transform taking {@code from}'s pupils to {@code to}'s (left to left, right to right). Refused
     * (IllegalArgumentException) when {@code from}'s two pupils are marked on the same point.
     */
    public static Similarity aligning(Pupils from, Pupils to) {
        // in complex numbers: z' = a z + b with a = (to.r - to.l) / (from.r - from.l), b = to.l - a from.l
        double fx = from.rightX() - from.leftX();
        double fy = from.rightY() - from.leftY();
        double gx = to.rightX() - to.leftX();
        double gy = to.rightY() - to.leftY();
        double d = fx * fx + fy * fy;
        if (d < 1e-9) {
            throw new IllegalArgumentException("the two pupils are marked on the same point");
        }
        double ar = (gx * fx + gy * fy) / d;
        double ai = (gy * fx - gx * fy) / d;
        double bx = to.leftX() - (ar * from.leftX() - ai * from.leftY());
        double by = to.leftY() - (ai * from.leftX() + ar * from.leftY());
        return new Similarity(Math.hypot(ar, ai), Math.atan2(ai, ar), bx, by);
    }

    /** Where the point (x, y) goes: {x', y'}. */
    public double[] apply(double x, double y) {
        double c = scale * Math.cos(angle);
        double s = scale * Math.sin(angle);
        return new double[] {c * x - s * y + tx, s * x + c * y + ty};
    }

    /** The rotation in degrees (clockwise on screen, where y points down). */
    public double degrees() {
        return Math.toDegrees(angle);
    }
}
