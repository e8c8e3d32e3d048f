package org.needlepoint.followup;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.needlepoint.clinic.ClinicStore;

/** Reads and writes {@link FollowUpSettings} in the clinic's settings table; a missing or unreadable value is its default. */
final class FollowUpSettingsStore {
    private final ClinicStore clinic;

    FollowUpSettingsStore(ClinicStore clinic) {
        this.clinic = clinic;
    }

    FollowUpSettings read(Connection c) throws SQLException {
        String checklist = clinic.setting(c, FollowUpSettings.URGENT_CHECKLIST).filter(s -> !s.isBlank())
                .orElse(FollowUpSettings.DEFAULT_URGENT_CHECKLIST);
        return new FollowUpSettings(
                number(clinic.setting(c, FollowUpSettings.UPCOMING_DAYS), FollowUpSettings.DEFAULT_UPCOMING_DAYS),
                number(clinic.setting(c, FollowUpSettings.SIGNAL_EVENTS), FollowUpSettings.DEFAULT_SIGNAL_EVENTS),
                number(clinic.setting(c, FollowUpSettings.SIGNAL_DAYS), FollowUpSettings.DEFAULT_SIGNAL_DAYS),
                checklist);
    }

    void put(Connection c, String name, String value, Instant now, long by) throws SQLException {
        clinic.putSetting(c, name, value, now, by);
    }

    private static int number(Optional<String> s, int dflt) {
        try {
            return s.map(v -> Integer.parseInt(v.trim())).filter(n -> n > 0).orElse(dflt);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
