package org.needlepoint.checkout;

import java.util.List;
import org.needlepoint.schedule.Appointment;

/**
 * Today's patients at checkout: {@code ready}, arrived or in treatment with their visit signed, by time;
 * {@code withInjector}, arrived or in treatment whose chart is not signed yet (or who were not checked in).
 */
public record ReadyForCheckout(List<Appointment> ready, List<Appointment> withInjector) {
    public ReadyForCheckout {
        ready = List.copyOf(ready);
        withInjector = List.copyOf(withInjector);
    }
}
