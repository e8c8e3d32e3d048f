package org.needlepoint.schedule;

import org.needlepoint.common.ReadableException;

/** The injector or the room already has an appointment at that time: the message names it. */
public class BookingConflictException extends ReadableException {
    private final long otherAppointmentId;

    public BookingConflictException(String message, long otherAppointmentId) {
        super(message);
        this.otherAppointmentId = otherAppointmentId;
    }

    /** The appointment in the way. */
    public long otherAppointmentId() {
        return otherAppointmentId;
    }
}
