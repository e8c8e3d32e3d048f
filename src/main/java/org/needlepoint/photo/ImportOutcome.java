package org.needlepoint.photo;

import java.util.List;
import java.util.Map;

/**
 * What an import did: the photos added, those already on the record (the same file imported again is one
 * photo), and the files refused with the reason for each (a HEIC photo, a file that is not a photo...).
 */
public record ImportOutcome(List<Photo> imported, List<Photo> alreadyThere, Map<String, String> refused) {
    public ImportOutcome {
        imported = List.copyOf(imported);
        alreadyThere = List.copyOf(alreadyThere);
        refused = Map.copyOf(refused);
    }

    /** "2 photos imported, 1 already on the record, 1 refused". */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(imported.size()).append(imported.size() == 1 ? " photo imported" : " photos imported");
        if (!alreadyThere.isEmpty()) {
            s.append(", ").append(alreadyThere.size()).append(" already on the record");
        }
        if (!refused.isEmpty()) {
            s.append(", ").append(refused.size()).append(" refused");
        }
        return s.toString();
    }
}
