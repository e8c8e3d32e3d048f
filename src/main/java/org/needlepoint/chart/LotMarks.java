package org.needlepoint.chart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.needlepoint.inventory.Lot;

/**
 * How the map tells apart points of one product from different lots, so an injector checking a pack
 * against the chart sees which points came from it: while a product's points on the map come from
 * two lots or more, each marker's label ends with its lot number's last characters (as printed on
 * the pack) and each further lot gets a darker or lighter shade of the product's colour.
 */
public final class LotMarks {
    /** How many of the lot number's last characters a marker shows. */
    public static final int TAIL = 4;

    private LotMarks() {
    }

    /** The distinct lots of {@code lotIds} (nulls left out), in the order they first appear. */
    public static List<Long> lotsInOrder(Collection<Long> lotIds) {
        List<Long> out = new ArrayList<>();
        for (Long id : lotIds) {
            if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** "10 U", or "10 U ·301A" when the product's points come from several lots. */
    public static String label(String amount, Lot lot, boolean severalLots) {
        if (!severalLots || lot == null) {
            return amount;
        }
        String n = lot.lotNumber();
        return amount + " \u00b7" + (n.length() <= TAIL ? n : n.substring(n.length() - TAIL));
    }

    /**
     * The colour of the {@code index}-th lot (0-based) of a product of colour {@code hex}: the first lot
     * the product's own colour, then alternately a darker and a lighter shade.
     */
    public static String colour(String hex, int index) {
        Objects.requireNonNull(hex, "hex");
        if (index <= 0 || !hex.matches("#[0-9A-Fa-f]{6}")) {
            return hex;
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int[] c = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        int step = (index + 1) / 2;
        boolean darker = index % 2 == 1;
        for (int i = 0; i < 3; i++) {
            c[i] = darker ? (int) Math.round(c[i] * Math.pow(0.6, step))
                    : (int) Math.round(c[i] + (255 - c[i]) * (1 - Math.pow(0.55, step)));
        }
        return String.format(Locale.ROOT, "#%02X%02X%02X", c[0], c[1], c[2]);
    }

    /** "Lot DY301A · exp. 11/21/2028 · vial 12", or what is missing; for the selection panel. */
    public static String describe(Lot lot, Long vialId, java.time.format.DateTimeFormatter day) {
        if (lot == null) {
            return "No lot chosen yet: pick the lot used.";
        }
        return "Lot " + lot.lotNumber() + " \u00b7 exp. " + day.format(lot.expiry()) + (vialId == null ? ""
                : " \u00b7 vial " + vialId);
    }
}
