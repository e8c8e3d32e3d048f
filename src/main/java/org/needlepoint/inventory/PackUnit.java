package org.needlepoint.inventory;

/** The unit a pack's content is stated in: units of toxin, milligrams of powder, millilitres. */
public enum PackUnit {
    U("U"), MG("mg"), ML("mL");

    private final String symbol;

    PackUnit(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
