package org.needlepoint.followup;

/** What makes a protocol rule create its task. */
public enum RuleTrigger {
    /** A signed visit with toxin points; counted from the visit's date. */
    TOXIN_TREATMENT("After a toxin treatment"),
    /** A signed Sculptra session while the course is not complete; counted from the session. */
    SCULPTRA_SESSION("After a Sculptra session, until the course is complete"),
    /** The Sculptra session that completes the course (or a later one); counted from that session. */
    SCULPTRA_COURSE_END("After the last Sculptra session of a course"),
    /** A signed deoxycholic acid session while the course is not complete (label: up to 6, a month apart). */
    DEOXYCHOLIC_SESSION("After a deoxycholic acid session, until the course is complete"),
    /** An adverse event of the rule's severity; counted from the day it was reported. */
    ADVERSE_EVENT("After an adverse event"),
    /** A recalled lot: one task per patient treated from it; counted from the recall. */
    LOT_RECALL("After a lot recall");

    private final String label;

    RuleTrigger(String label) {
        this.label = label;
    }

    /** Whether the rule counts the sessions of a course (it then carries their number). */
    public boolean countsSessions() {
        return this == SCULPTRA_SESSION || this == DEOXYCHOLIC_SESSION;
    }

    /** The most sessions a course may have: 6 for deoxycholic acid (its label), else {@link FollowUpRule#MAX_COURSE}. */
    public int maxSessions() {
        return this == DEOXYCHOLIC_SESSION ? 6 : FollowUpRule.MAX_COURSE;
    }

    @Override
    public String toString() {
        return label;
    }
}
