package org.needlepoint.chart;

import java.math.BigDecimal;
import java.util.Objects;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Text;
import org.needlepoint.inventory.Unit;

/**
 * One point on the diagram. {@code key} is chosen by the caller (the site-map control) and stays
 * the same across autosaves; {@code region} and {@code side} come from the diagram's geometry.
 * {@code lotId} may be null while drafting; signing needs it. {@code vialId} names the reconstituted
 * vial the point was drawn from (toxins, Sculptra), or is null (syringes, or no vial recorded); a
 * vial must be of the point's lot. {@code addendumId} is null for the visit's original points.
 */
public record InjectionPoint(String key, DiagramView view, double x, double y, Region region, Side side,
                             long productId, Long lotId, Long vialId, BigDecimal amount, Unit unit, Depth depth,
                             Technique technique, String note, Long addendumId) {

    public static final int MAX_KEY = 40;
    public static final int MAX_NOTE = 500;

    public InjectionPoint {
        key = key == null ? null : key.strip();
        amount = Amounts.normal(amount);
        note = Text.clean(note);
    }

    /** A point charted without a vial record. */
    public InjectionPoint(String key, DiagramView view, double x, double y, Region region, Side side, long productId,
                          Long lotId, BigDecimal amount, Unit unit, Depth depth, Technique technique, String note,
                          Long addendumId) {
        this(key, view, x, y, region, side, productId, lotId, null, amount, unit, depth, technique, note, addendumId);
    }

    public InjectionPoint withKey(String newKey) {
        return new InjectionPoint(newKey, view, x, y, region, side, productId, lotId, vialId, amount, unit, depth,
                technique, note, addendumId);
    }

    /** The point with another lot; its vial is kept only when the lot stays the same. */
    public InjectionPoint withLot(Long newLot) {
        return new InjectionPoint(key, view, x, y, region, side, productId, newLot,
                Objects.equals(newLot, lotId) ? vialId : null, amount, unit, depth, technique, note, addendumId);
    }

    /** The point drawn from {@code vial} (null: none) of lot {@code lot}. */
    public InjectionPoint withVial(Long lot, Long vial) {
        return new InjectionPoint(key, view, x, y, region, side, productId, lot, vial, amount, unit, depth, technique,
                note, addendumId);
    }

    public InjectionPoint withAmount(BigDecimal newAmount) {
        return new InjectionPoint(key, view, x, y, region, side, productId, lotId, vialId, newAmount, unit, depth,
                technique, note, addendumId);
    }

    /** The point on another region and side (the service derives them from where the point lands). */
    public InjectionPoint withSite(Region newRegion, Side newSide) {
        return new InjectionPoint(key, view, x, y, newRegion, newSide, productId, lotId, vialId, amount, unit, depth,
                technique, note, addendumId);
    }

    InjectionPoint withAddendum(Long id) {
        return new InjectionPoint(key, view, x, y, region, side, productId, lotId, vialId, amount, unit, depth,
                technique, note, id);
    }

    /** "Corrugator supercilii, right". */
    public String place() {
        return region.label() + (side == Side.MIDLINE ? "" : ", " + side);
    }
}
