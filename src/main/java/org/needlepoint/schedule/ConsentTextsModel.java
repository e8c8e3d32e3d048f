package org.needlepoint.schedule;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Admin ▸ Consents without a window: the versions of the kind shown (newest first), the one
 * selected, and what the admin typed. Only the newest version is edited (an old one is read as it
 * was); saving is offered once the typing differs from it.
 */
public final class ConsentTextsModel {
    private List<ConsentText> versions = List.of();
    private ConsentText selected;
    /** The validity in months last read or saved: what the field shows unless the admin typed another. */
    private Integer months;

    public void load(List<ConsentText> newestFirst) {
        versions = List.copyOf(newestFirst);
        selected = versions.isEmpty() ? null : versions.get(0);
    }

    public List<ConsentText> versions() {
        return versions;
    }

    public ConsentText selected() {
        return selected;
    }

    public void select(ConsentText t) {
        selected = t;
    }

    /** True when the selected version is the newest: the one an edit starts from. */
    public boolean editable() {
        return selected != null && !versions.isEmpty() && selected.id() == versions.get(0).id();
    }

    /** Whether {@code title} and {@code body} as typed would make a new version. */
    public boolean changed(String title, String body) {
        return editable() && (!Objects.equals(strip(title), selected.title()) || !Objects.equals(strip(body), selected.body()));
    }

    /** "version 3 (current) · 7 Dec 2026 by Alex Admin" and the like. */
    public static String label(ConsentText t, boolean current, java.time.ZoneId zone) {
        return "version " + t.textVersion() + (current ? " (current)" : "") + " \u00b7 "
                + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                .format(t.createdAt().atZone(zone)) + " \u00b7 " + (t.createdBy() == null ? "shipped with Needlepoint"
                : "by " + t.createdBy());
    }

    /** Parses the months typed; empty when it is not a whole number. */
    /**
     * What the validity field shows once {@code stored} is read (at opening, or because another PC changed something):
     * the stored months, unless the admin has typed other months meanwhile, which are kept.
     */
    public String monthsRead(String typed, int stored) {
        boolean typing = months != null && typed != null && !typed.strip().equals(Integer.toString(months));
        if (typing) {
            return typed;
        }
        months = stored;
        return Integer.toString(stored);
    }

    /** The validity was saved as {@code saved}: the field shows it, as read. */
    public void monthsSaved(int saved) {
        months = saved;
    }

    public static OptionalInt months(String typed) {
        try {
            return OptionalInt.of(Integer.parseInt(typed.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return OptionalInt.empty();
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
