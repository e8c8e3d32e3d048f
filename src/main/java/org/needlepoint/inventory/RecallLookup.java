package org.needlepoint.inventory;

import java.util.List;

/**
 * What the recall view's text found ({@link InventoryService#lotForRecall}): the one lot it names, or,
 * when a typed beginning is shared by several lot numbers, the lots to choose from.
 *
 * @param lot     the lot, or null when there are choices
 * @param choices the lots it could mean (two or more), or none when the lot was found
 */
public record RecallLookup(Lot lot, List<Lot> choices) {
    public RecallLookup {
        choices = List.copyOf(choices);
        if ((lot == null) == choices.isEmpty()) {
            throw new IllegalArgumentException("a lot or choices, not both");
        }
    }

    public static RecallLookup found(Lot lot) {
        return new RecallLookup(lot, List.of());
    }

    public boolean found() {
        return lot != null;
    }

    /** "3 lots match: choose one.", or null when the lot was found. */
    public String message() {
        return found() ? null : choices.size() + " lots match: choose one.";
    }
}
