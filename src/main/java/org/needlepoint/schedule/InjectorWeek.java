package org.needlepoint.schedule;

import java.util.List;

/**
 * An injector's own working hours: the weekdays listed (a closed one is a day off); every weekday not
 * listed follows the clinic's opening hours.
 */
public record InjectorWeek(long injectorId, String injectorName, List<DayHours> ownDays) {
    public InjectorWeek {
        ownDays = List.copyOf(ownDays);
    }
}
