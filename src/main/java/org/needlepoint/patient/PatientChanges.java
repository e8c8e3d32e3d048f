package org.needlepoint.patient;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Names the fields an edit changed, for the audit summary (names only: no clinical text in the log). */
final class PatientChanges {
    private PatientChanges() {
    }

    static String describe(PatientDetails before, PatientDetails after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent rc : PatientDetails.class.getRecordComponents()) {
            try {
                if (!Objects.equals(rc.getAccessor().invoke(before), rc.getAccessor().invoke(after))) {
                    changed.add(rc.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed.isEmpty() ? "no changes" : String.join(", ", changed);
    }
}
