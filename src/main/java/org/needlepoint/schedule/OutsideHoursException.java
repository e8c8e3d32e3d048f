package org.needlepoint.schedule;

import org.needlepoint.common.ReadableException;

/**
 * The time asked for is outside the clinic's opening hours or the injector's working hours. Not a
 * refusal: the screen asks the person (the message ends with the question) and books again with
 * {@code outsideHoursConfirmed} set.
 */
public class OutsideHoursException extends ReadableException {
    public OutsideHoursException(String message) {
        super(message);
    }
}
