package org.needlepoint.patient;

import java.text.NumberFormat;
import java.util.Locale;
import org.needlepoint.store.Cancellation;

/**
 * The search screen's rules, kept apart from its controls: each keystroke starts a search that
 * replaces the one before (cancelled, and its results dropped if they come anyway), and the line above
 * the list says how many patients it shows of how many match. Used on the FX thread only.
 */
final class SearchTyping {
    /** One keystroke's search: current until the next one starts. */
    record Run(long generation, Cancellation cancel) {
    }

    private long generation;
    private Run current;

    /** Starts the search for a new keystroke: the one before is cancelled and no longer current. */
    Run start() {
        if (current != null) {
            current.cancel().cancel();
        }
        current = new Run(++generation, new Cancellation());
        return current;
    }

    /** Stops the current search without starting another (the box was cleared). */
    void stop() {
        if (current != null) {
            current.cancel().cancel();
        }
        current = null;
        generation++;
    }

    /** True while no later keystroke replaced {@code run}: only then may its results be shown. */
    boolean isCurrent(Run run) {
        return run == current;
    }

    /**
     * The line above the list: how many patients are shown, and when the list holds only the first of
     * more, of how many ({@code total} null while they are still being counted).
     */
    static String hint(int shown, boolean more, Long total) {
        if (!more) {
            return shown + (shown == 1 ? " patient" : " patients") + ". ↓ moves to the results, Enter opens.";
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        if (total == null) {
            return "The first " + n.format(shown) + " matches (counting the rest…) — keep typing to narrow the list.";
        }
        String of = total > PatientService.COUNT_LIMIT ? "more than " + n.format(PatientService.COUNT_LIMIT)
                : n.format(total);
        return n.format(shown) + " of " + of + " — keep typing to narrow the list. ↓ moves to the results, Enter opens.";
    }
}
