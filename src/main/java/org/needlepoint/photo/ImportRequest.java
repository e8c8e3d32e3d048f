package org.needlepoint.photo;

/** Where imported photos go and how they are tagged: the patient, the visit or adverse event, the view and moment. */
public record ImportRequest(long patientId, PhotoTarget target, Pose pose, String bodyArea, Moment moment) {
}
