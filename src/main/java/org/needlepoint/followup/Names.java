package org.needlepoint.followup;

import java.sql.ResultSet;
import java.sql.SQLException;

/** How the follow-up lists print people, as the rest of the app does. */
final class Names {
    private Names() {
    }

    /** "Smith, Ann (Annie)": the patient as filed ({@link org.needlepoint.patient.PatientDetails#displayName}). */
    static String patient(String last, String first, String preferred) {
        return last + ", " + first + (preferred != null && !preferred.equals(first) ? " (" + preferred + ")" : "");
    }

    /** The patient's name from the columns first_name, last_name, preferred_name of {@code rs}. */
    static String patient(ResultSet rs) throws SQLException {
        return patient(rs.getString("last_name"), rs.getString("first_name"), rs.getString("preferred_name"));
    }

    /** "NP Ivy Injector" ({@link org.needlepoint.security.User#displayName}); null when the name is null. */
    static String staff(String title, String fullName) {
        if (fullName == null) {
            return null;
        }
        return (title == null || title.isBlank() ? "" : title + " ") + fullName;
    }
}
