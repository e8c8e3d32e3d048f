package org.needlepoint.security;

/** What a user may do. */
public enum Role {
    ADMIN("Administrator"),
    INJECTOR("Injector"),
    FRONT_DESK("Front desk");

    private final String label;

    Role(String label) {
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
