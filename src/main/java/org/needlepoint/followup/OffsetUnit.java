package org.needlepoint.followup;

import java.time.LocalDate;

/** The unit of a rule's offset. Months are calendar months (21 Nov + 3 months = 21 Feb). */
public enum OffsetUnit {
    DAYS("days"), WEEKS("weeks"), MONTHS("months");

    private final String label;

    OffsetUnit(String label) {
        this.label = label;
    }

    public LocalDate add(LocalDate base, int amount) {
        return switch (this) {
            case DAYS -> base.plusDays(amount);
            case WEEKS -> base.plusWeeks(amount);
            case MONTHS -> base.plusMonths(amount);
        };
    }

    /** "14 days", "1 week", "3 months". */
    public String format(int amount) {
        String unit = amount == 1 ? label.substring(0, label.length() - 1) : label;
        return amount + " " + unit;
    }

    @Override
    public String toString() {
        return label;
    }
}
