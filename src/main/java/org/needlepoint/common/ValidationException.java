package org.needlepoint.common;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input that cannot be saved; {@link #fieldErrors()} maps a field name to its message. */
public class ValidationException extends ReadableException {
    private final Map<String, String> fieldErrors;

    public ValidationException(Map<String, String> fieldErrors) {
        super(summary(fieldErrors));
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public ValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    private static String summary(Map<String, String> errors) {
        return errors.size() == 1 ? errors.values().iterator().next()
                : "Please correct " + errors.size() + " fields. " + String.join(" ", errors.values());
    }
}
