package org.needlepoint.followup;

/** How {@code eventsBy} groups adverse events. */
public enum EventDimension {
    LOT("Lot"), PRODUCT("Product"), INJECTOR("Injector"), TYPE("Type");

    private final String label;

    EventDimension(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
