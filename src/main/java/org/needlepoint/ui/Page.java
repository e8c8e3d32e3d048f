package org.needlepoint.ui;

/**
 * A page shown in the Patients section over what it showed (the side-effect form): it is kept
 * while the person visits other sections, and leaving it with typing unsaved asks first.
 */
public interface Page {
    boolean isDirty();

    /** Asks before throwing typing away; true when the person agrees. */
    boolean confirmDiscard();
}
