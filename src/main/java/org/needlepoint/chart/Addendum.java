package org.needlepoint.chart;

import java.time.Instant;
import java.util.List;

/** A correction or addition to a signed visit: text and/or added points, stamped with author and time. */
public record Addendum(long id, long visitId, long authorId, String authorName, Instant createdAt, String text,
                       List<InjectionPoint> points) {
    public Addendum {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
