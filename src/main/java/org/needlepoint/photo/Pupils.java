package org.needlepoint.photo;

/**
 * The two pupils marked on a photo, in the upright photo's pixels (its EXIF orientation applied): the
 * patient's left and right. {@code markId} is the row that holds them (0 before they are saved).
 */
public record Pupils(long markId, double leftX, double leftY, double rightX, double rightY) {
    public Pupils {
        if (!Double.isFinite(leftX) || !Double.isFinite(leftY) || !Double.isFinite(rightX) || !Double.isFinite(rightY)) {
            throw new IllegalArgumentException("pupils must be finite");
        }
    }

    public static Pupils of(double leftX, double leftY, double rightX, double rightY) {
        return new Pupils(0, leftX, leftY, rightX, rightY);
    }

    /** The distance between the pupils, in pixels. */
    public double distance() {
        return Math.hypot(rightX - leftX, rightY - leftY);
    }
}
