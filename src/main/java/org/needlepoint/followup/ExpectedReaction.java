package org.needlepoint.followup;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reactions expected after any injection (domain.md): swelling, redness, tenderness and bruising at
 * the injection sites for about 3 to 17 days are expected, not adverse reactions, unless severe or
 * prolonged. An event of such a type, mild or moderate, with no serious outcome or urgent sign, whose
 * onset lies within {@link #DAYS} days of the visit and which was not still going (or resolved) later
 * than that, is recorded as expected, unless the injector says it is not
 * ({@link AdverseEventDraft#notExpected}).
 */
public final class ExpectedReaction {
    /** The window, in days after the visit. */
    public static final int DAYS = 17;
    /** The types expected at injection sites. */
    public static final Set<AdverseEventType> TYPES = Set.copyOf(EnumSet.of(AdverseEventType.SWELLING,
            AdverseEventType.TENDERNESS_PAIN, AdverseEventType.BRUISING, AdverseEventType.ERYTHEMA));
    /** What the event form and the aftercare say. */
    public static final String NOTE = "Swelling, tenderness, bruising and redness at injection sites are expected for"
            + " about 3 to 17 days after an injection: such an event, mild or moderate, within 17 days of the visit is"
            + " recorded as an expected reaction, not an adverse reaction, unless you say otherwise.";

    private ExpectedReaction() {
    }

    /** Whether the event is of the kind expected, in the window, neither severe nor prolonged. */
    public static boolean fits(AdverseEventDraft d, LocalDate visitDate) {
        if (d.type() == null || !TYPES.contains(d.type()) || visitDate == null || d.onsetDate() == null
                || d.severity() == null || d.severity().grade() > Severity.GRADE_2.grade() || !d.serious().isEmpty()
                || d.urgent()) {
            return false;
        }
        LocalDate end = visitDate.plusDays(DAYS);
        if (d.onsetDate().isBefore(visitDate) || d.onsetDate().isAfter(end)) {
            return false;
        }
        if (d.outcome() != null && d.outcome().resolved()) {
            return d.outcomeDate() == null || !d.outcomeDate().isAfter(end);
        }
        // still going when reported after the window: prolonged
        return d.reportedOn() == null || !d.reportedOn().isAfter(end);
    }

    /** Whether the event is recorded as expected: it {@link #fits} and the injector did not say otherwise. */
    public static boolean expected(AdverseEventDraft d, LocalDate visitDate) {
        return fits(d, visitDate) && !d.notExpected();
    }
}
