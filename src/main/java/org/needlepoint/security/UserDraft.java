package org.needlepoint.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;

/** What a person types to create or edit an account. */
public record UserDraft(String username, String fullName, Role role, String title, String licenceNumber) {
    public UserDraft {
        username = username == null ? "" : username.strip();
        fullName = fullName == null ? "" : fullName.strip();
        title = Text.clean(title);
        licenceNumber = Text.clean(licenceNumber);
    }

    public static UserDraft of(User u) {
        return new UserDraft(u.username(), u.fullName(), u.role(), u.title(), u.licenceNumber());
    }

    /** Field errors keyed by field name; empty when valid. */
    public Map<String, String> problems() {
        Map<String, String> e = new LinkedHashMap<>();
        if (!username.matches("[A-Za-z0-9._-]{3,60}")) {
            e.put("username", "Username: 3 to 60 letters, digits, dots, dashes or underscores.");
        }
        if (fullName.isEmpty()) {
            e.put("fullName", "Enter the person's full name.");
        }
        if (role == null) {
            e.put("role", "Choose a role.");
        }
        if (role == Role.INJECTOR && licenceNumber == null) {
            e.put("licenceNumber", "An injector needs a licence number.");
        }
        return e;
    }

    public void validate() {
        Map<String, String> e = problems();
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
    }

    /** Minimum password rule, shared by setup, admin resets and the user's own change. */
    public static void checkPassword(String field, char[] password, char[] confirm) {
        if (password == null || password.length < 8) {
            throw new ValidationException(field, "The password needs at least 8 characters.");
        }
        if (confirm != null && !java.util.Arrays.equals(password, confirm)) {
            throw new ValidationException("confirm", "The two passwords do not match.");
        }
    }
}
