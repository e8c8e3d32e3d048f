package org.needlepoint.photo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Photos tab's state without a window: the patient's photos grouped by what they are attached to (a visit or
 * an adverse event, oldest first) and, in each, by view; the views that have two photos or more to compare; and
 * the default pair of a view (its first photo and its latest).
 */
public final class PhotosModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One visit's (or adverse event's) photos, in view order. */
    public record Group(String label, List<Photo> photos) {
    }

    private final ZoneId zone;
    private List<Photo> photos = List.of();

    public PhotosModel(ZoneId zone) {
        this.zone = zone;
    }

    public void show(List<Photo> list) {
        this.photos = List.copyOf(list);
    }

    public List<Photo> photos() {
        return photos;
    }

    public List<Group> groups() {
        Map<String, List<Photo>> by = new LinkedHashMap<>();
        photos.stream().sorted(Comparator.comparing(PhotosModel::anchor).thenComparing(Photo::pose)
                .thenComparing(Photo::moment).thenComparing(Photo::id))
                .forEach(p -> by.computeIfAbsent(label(p), k -> new ArrayList<>()).add(p));
        List<Group> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Group(k, v)));
        return out;
    }

    private static java.time.Instant anchor(Photo p) {
        return p.visitStartedAt() != null ? p.visitStartedAt() : p.when();
    }

    private String label(Photo p) {
        String day = DAY.format(anchor(p).atZone(zone));
        return p.visitId() != null ? "Visit " + day : "Adverse event " + day;
    }

    /** The views with at least two photos, in the views' order. */
    public List<Pose> comparablePoses() {
        List<Pose> out = new ArrayList<>();
        for (Pose pose : Pose.values()) {
            if (photos.stream().filter(p -> p.pose() == pose).count() >= 2) {
                out.add(pose);
            }
        }
        return out;
    }

    /** The photos of a view, oldest first. */
    public List<Photo> ofPose(Pose pose) {
        return photos.stream().filter(p -> p.pose() == pose).sorted(Comparator.comparing(Photo::when)
                .thenComparing(Photo::id)).toList();
    }

    /** The first and the latest photo of a view; empty when it has fewer than two. */
    public Optional<List<Photo>> defaultPair(Pose pose) {
        List<Photo> l = ofPose(pose);
        return l.size() < 2 ? Optional.empty() : Optional.of(List.of(l.get(0), l.get(l.size() - 1)));
    }

    /** "Front · before · 12 Jan 2027". */
    public String caption(Photo p) {
        return p.poseLabel() + " · " + p.moment().label().toLowerCase(Locale.ROOT) + " · " + DAY.format(p.when().atZone(zone));
    }

    /** True when {@code reason} will do for removing a photo (as {@link PhotoService#remove} asks: a few words). */
    public static boolean reasonGiven(String reason) {
        return reason != null && reason.strip().length() >= 3;
    }
}
