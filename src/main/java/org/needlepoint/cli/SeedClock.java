package org.needlepoint.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The clock seed-demo moves by hand to back-date its history. */
final class SeedClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    SeedClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void set(Instant t) {
        now = t;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new SeedClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
