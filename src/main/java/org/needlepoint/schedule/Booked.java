package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import org.needlepoint.security.User;

/**
 * Work that belongs to a booking and must commit or roll back with it (closing the follow-up task
 * the appointment was booked from): called inside the booking's transaction once the appointment is
 * saved; throwing refuses the booking, and nothing is saved.
 */
@FunctionalInterface
public interface Booked {
    void booked(Connection c, Appointment appointment, User by) throws SQLException;
}
