package org.needlepoint.followup;

/**
 * The outcome of one attempt on a task. REACHED completes a CALL task; BOOKED completes any task
 * (the visit or review is booked); NO_ANSWER and LEFT_MESSAGE keep it open and count as attempts.
 */
public enum CallOutcome {
    REACHED("Reached"), LEFT_MESSAGE("Left a message"), NO_ANSWER("No answer"), BOOKED("Booked");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    /** Whether logging this outcome on a task of {@code kind} completes the task. */
    public boolean completes(TaskKind kind) {
        return this == BOOKED || (this == REACHED && kind == TaskKind.CALL);
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
