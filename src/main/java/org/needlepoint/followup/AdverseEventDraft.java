package org.needlepoint.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.needlepoint.common.Text;

/**
 * What the adverse-event form edits. {@code pointKeys} are the keys of the points selected on the
 * visit's map ({@link org.needlepoint.chart.InjectionPoint#key()}); the products and lots follow
 * from them. Blank text is null. The service validates it ({@link AdverseEventService#problems}).
 *
 * @param patientId          the patient; must be the visit's patient
 * @param visitId            a SIGNED visit of the patient
 * @param pointKeys          at least one point of that visit (original or addendum points)
 * @param reportedOn         the day the clinic learned of it; not in the future, not before the onset
 * @param onsetDate          not before the visit, not in the future
 * @param otherDescription   required when {@code type} is OTHER
 * @param visionChange       symptom flag: makes the event urgent
 * @param breathingDifficulty symptom flag (breathing or swallowing difficulty): makes the event urgent
 * @param serious            MedWatch B.2 outcomes; DEATH needs {@code deathDate}
 * @param relevantHistory    relevant tests, laboratory data and other history (MedWatch B.6/B.7)
 * @param weightKg           optional, for MedWatch section A (the patient record has no weight)
 * @param outcomeDate        required when the outcome is resolved (with or without sequelae)
 */
public record AdverseEventDraft(long patientId, long visitId, List<String> pointKeys, LocalDate reportedOn,
                                LocalDate onsetDate, AdverseEventType type, String otherDescription,
                                Severity severity, boolean visionChange, boolean breathingDifficulty,
                                Set<SeriousOutcome> serious, LocalDate deathDate, String description,
                                String actionsTaken, String relevantHistory, BigDecimal weightKg,
                                EventOutcome outcome, LocalDate outcomeDate, boolean notExpected) {

    public static final int MAX_OTHER = 200;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_HISTORY = 2000;

    public AdverseEventDraft {
        pointKeys = pointKeys == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(pointKeys.stream().filter(k -> k != null && !k.isBlank())
                .map(String::strip).toList()));
        otherDescription = Text.clean(otherDescription);
        serious = serious == null || serious.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(serious));
        description = Text.clean(description);
        actionsTaken = Text.clean(actionsTaken);
        relevantHistory = Text.clean(relevantHistory);
    }

    /** A draft whose injector has not said it is not the expected reaction ({@link ExpectedReaction}). */
    public AdverseEventDraft(long patientId, long visitId, List<String> pointKeys, LocalDate reportedOn,
                             LocalDate onsetDate, AdverseEventType type, String otherDescription, Severity severity,
                             boolean visionChange, boolean breathingDifficulty, Set<SeriousOutcome> serious,
                             LocalDate deathDate, String description, String actionsTaken, String relevantHistory,
                             BigDecimal weightKg, EventOutcome outcome, LocalDate outcomeDate) {
        this(patientId, visitId, pointKeys, reportedOn, onsetDate, type, otherDescription, severity, visionChange,
                breathingDifficulty, serious, deathDate, description, actionsTaken, relevantHistory, weightKg, outcome,
                outcomeDate, false);
    }

    /** The same draft, the injector saying whether it is not the expected reaction. */
    public AdverseEventDraft withNotExpected(boolean not) {
        return new AdverseEventDraft(patientId, visitId, pointKeys, reportedOn, onsetDate, type, otherDescription,
                severity, visionChange, breathingDifficulty, serious, deathDate, description, actionsTaken,
                relevantHistory, weightKg, outcome, outcomeDate, not);
    }

    /** Urgent: vascular occlusion, distant toxin spread, vision change, breathing or swallowing difficulty. */
    public boolean urgent() {
        return (type != null && type.urgent()) || visionChange || breathingDifficulty;
    }

    /** A starting draft for an event on {@code visitId}: onset and report today, grade 1, ongoing. */
    public static AdverseEventDraft start(long patientId, long visitId, List<String> pointKeys, LocalDate today) {
        return new AdverseEventDraft(patientId, visitId, pointKeys, today, today, null, null, Severity.GRADE_1, false,
                false, Set.of(), null, null, null, null, null, EventOutcome.ONGOING, null);
    }
}
