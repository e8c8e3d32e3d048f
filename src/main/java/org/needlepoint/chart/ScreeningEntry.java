package org.needlepoint.chart;

import org.needlepoint.common.Text;

/**
 * One line of a visit's screening checklist.
 *
 * @param flaggedByRecord pre-flagged because the patient's record lists a matching allergy,
 *                        medication, condition or pregnancy; {@code note} then quotes it
 */
public record ScreeningEntry(ScreeningItem item, ScreeningAnswer answer, boolean flaggedByRecord, String note) {
    public static final int MAX_NOTE = 500;

    public ScreeningEntry {
        answer = answer == null ? ScreeningAnswer.UNANSWERED : answer;
        note = Text.clean(note);
    }

    public ScreeningEntry answered(ScreeningAnswer a, String newNote) {
        return new ScreeningEntry(item, a, flaggedByRecord, newNote);
    }
}
