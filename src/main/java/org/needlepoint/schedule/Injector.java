package org.needlepoint.schedule;

/** A bookable injector: an active INJECTOR account, by its display name. */
public record Injector(long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
