package org.needlepoint.photo;

import java.time.Instant;

/**
 * A photo on a patient's record: attached to a visit (and its start) or an adverse event (and its onset),
 * tagged by pose and moment, its original kept under {@code sha256}. {@code width} and {@code height} are
 * the upright photo's; {@code orientation} is the file's EXIF orientation (1 when none). {@code pupils} is
 * null until marked; {@code removedAt}/{@code removalReason} are set once it was taken off the record.
 */
public record Photo(long id, long patientId, Long visitId, Instant visitStartedAt, Long adverseEventId,
                    String sha256, String mediaType, long sizeBytes, Pose pose, String bodyArea, Moment moment,
                    String fileName, int width, int height, int orientation, Instant takenAt, Instant importedAt,
                    String importedBy, Pupils pupils, Instant removedAt, String removalReason) {

    public boolean removed() {
        return removedAt != null;
    }

    /** When the photo belongs in time: the camera's date, else its visit's start, else its import. */
    public Instant when() {
        if (takenAt != null) {
            return takenAt;
        }
        return visitStartedAt != null ? visitStartedAt : importedAt;
    }

    /** "Front" or "Body area: left hand". */
    public String poseLabel() {
        return pose == Pose.BODY ? pose.label() + ": " + bodyArea : pose.label();
    }
}
