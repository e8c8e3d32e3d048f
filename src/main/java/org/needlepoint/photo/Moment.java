package org.needlepoint.photo;

/** When in the treatment a photo was taken. */
public enum Moment {
    BEFORE("Before"),
    AFTER("After"),
    FOLLOW_UP("Follow-up");

    private final String label;

    Moment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
