package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import org.needlepoint.security.User;

/**
 * Work that belongs to a check-in and must commit or roll back with it (saving the contact details the desk
 * confirmed, preparing the injector's visit draft): called inside the check-in's transaction once the appointment
 * is found fit to check in; it returns the id of the visit prepared. Throwing refuses the check-in, and nothing is
 * saved.
 */
@FunctionalInterface
public interface CheckingIn {
    long checkIn(Connection c, Appointment appointment, User by) throws SQLException;
}
