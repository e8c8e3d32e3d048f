package org.needlepoint.photo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.schedule.ConsentService;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;
import org.needlepoint.store.StaleRecordException;

/**
 * Clinical photos: importing them onto a patient's record (attached to a visit or an adverse event, tagged by
 * view and moment), reading them, marking their pupils for alignment, and removing one (a marked removal with
 * its reason; the photo and its original stay).
 *
 * <p>Rules: importing needs the patient's photography consent, either a valid signed "Clinical photographs"
 * consent (schedule's ConsentService) or the record's photo-consent box. JPEG and PNG only; HEIC is refused
 * with a line saying how to set the camera to JPEG. A file is kept byte for byte under its SHA-256, stored once
 * whatever the number of imports; the same file imported again for the patient is the photo already there.
 * Each file is saved in a transaction of its own, so one bad file in a folder does not hold back the others.
 *
 * <p>Who may do what: any staff imports, reads and marks pupils; removing a photo is ADMIN or INJECTOR.
 * Every change is audited, and every read of a patient's photos (the list, and each photo opened full size)
 * is audited as a VIEW, as opening the record is.
 */
public final class PhotoService {
    /** The largest file accepted (a 50-megapixel JPEG is about 25 MB). */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final int MAX_REASON = 500;
    public static final int MAX_BODY_AREA = 60;
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    /** Photos in the order they were taken (those of one visit and time by import). */
    private static final Comparator<Photo> BY_TIME = Comparator.comparing(Photo::when).thenComparing(Photo::id);

    private final Database db;
    private final PhotoStore store;
    private final ConsentService consents;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public PhotoService(Database db, PhotoStore store, ConsentService consents, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.consents = consents;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ importing

    /** The visits and adverse events of the patient a photo can be attached to, newest first. Any staff. */
    public List<PhotoTarget> targets(long patientId) {
        session.require("read the record's visits", ANY_STAFF);
        return db.read(c -> store.targets(c, patientId, clock.getZone()));
    }

    /** True when the patient has photography consent today (a valid signed consent, or the record's box). Any staff. */
    public boolean hasConsent(long patientId) {
        session.require("read consents", ANY_STAFF);
        return db.read(c -> consented(c, patientId));
    }

    private boolean consented(Connection c, long patientId) throws SQLException {
        return store.photoConsentField(c, patientId) || consents.kindsCoverage(c, patientId,
                EnumSet.of(ConsentKind.PHOTOGRAPHY), today()).complete();
    }

    /**
     * Imports {@code files} (photos, or folders whose JPEG, PNG and HEIC files are taken, sub-folders too: a camera's
     * card) as {@code r} says. Refused as a whole with a {@link ValidationException}: no photography consent
     * (field "consent"), no visit or event of the patient (field "target"), a body-area photo without its area
     * (field "bodyArea"). Refused one by one, in the outcome: a file that cannot be read, is too large, is HEIC
     * or not a photo.
     */
    public ImportOutcome importFiles(ImportRequest r, List<Path> files) {
        return importFiles(r, files, (photo, original) -> { });
    }

    /** Told of each photo an import saved, in the importing thread, right after its transaction. */
    @FunctionalInterface
    public interface Saved {
        /** {@code photo} is on the record now; {@code original} is its file, as read (not to be changed). */
        void saved(Photo photo, byte[] original);
    }

    /**
     * As {@link #importFiles(ImportRequest, List)}, telling {@code each} of every new photo as soon as it is saved,
     * with the file's bytes still in memory: a screen makes its thumbnail from them rather than reading the
     * original back from the records.
     */
    public ImportOutcome importFiles(ImportRequest r, List<Path> files, Saved each) {
        List<Path> all = expand(files);
        User u = checkRequest(r);
        ImportOutcome[] parts = new ImportOutcome[all.size()];
        Map<String, String> unreadable = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        // one file in memory at a time: a card of 12-megapixel photos is hundreds of megabytes
        for (int i = 0; i < all.size(); i++) {
            Path f = all.get(i);
            String name = f.getFileName().toString();
            for (int k = 2; !names.add(name); k++) {
                name = f.getFileName() + " (" + k + ")";
            }
            try {
                long size = Files.size(f);
                if (size > MAX_FILE_BYTES) {
                    unreadable.put(name, name + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB, so it was not imported.");
                    continue;
                }
                Map<String, byte[]> one = new LinkedHashMap<>();
                one.put(name, Files.readAllBytes(f));
                parts[i] = importAll(u, r, one, new LinkedHashMap<>(), each);
            } catch (IOException e) {
                unreadable.put(name, name + " cannot be read (" + e.getMessage() + "), so it was not imported.");
            }
        }
        List<Photo> imported = new ArrayList<>();
        List<Photo> already = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                imported.addAll(parts[i].imported());
                already.addAll(parts[i].alreadyThere());
                refused.putAll(parts[i].refused());
            }
        }
        refused.putAll(unreadable);
        return new ImportOutcome(imported, already, refused);
    }

    /** Imports one photo given as bytes (a drop from another program); as {@link #importFiles}. */
    public ImportOutcome importBytes(ImportRequest r, String fileName, byte[] bytes) {
        User u = checkRequest(r);
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put(fileName, bytes);
        return importAll(u, r, one, new LinkedHashMap<>(), (photo, original) -> { });
    }

    private User checkRequest(ImportRequest r) {
        User u = session.require("import photos", ANY_STAFF);
        Map<String, String> e = new LinkedHashMap<>();
        if (r.target() == null || r.target().visitId() == null && r.target().adverseEventId() == null) {
            e.put("target", "Choose the visit (or adverse event) the photos belong to.");
        }
        if (r.pose() == null) {
            e.put("pose", "Choose the view the photos were taken in.");
        }
        if (r.moment() == null) {
            e.put("moment", "Choose before, after or follow-up.");
        }
        String area = Text.clean(r.bodyArea());
        if (r.pose() == Pose.BODY && area == null) {
            e.put("bodyArea", "Name the body area photographed (for example: left hand).");
        } else if (area != null && area.length() > MAX_BODY_AREA) {
            e.put("bodyArea", "The body area is at most " + MAX_BODY_AREA + " characters.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        db.read(c -> {
            Optional<Long> owner = r.target().visitId() != null ? store.patientOfVisit(c, r.target().visitId())
                    : store.patientOfEvent(c, r.target().adverseEventId());
            if (owner.isEmpty() || owner.get() != r.patientId()) {
                throw new ValidationException("target", "That visit or adverse event is not this patient's.");
            }
            if (!consented(c, r.patientId())) {
                throw new ValidationException("consent", "This patient has no photography consent, so no photo was"
                        + " imported. Have them sign the Clinical photographs consent (Consents tab), or tick Photo consent"
                        + " on their record if they gave it on paper.");
            }
            return null;
        });
        return u;
    }

    private ImportOutcome importAll(User u, ImportRequest r, Map<String, byte[]> files, Map<String, String> refused,
                                    Saved each) {
        List<Photo> imported = new ArrayList<>();
        List<Photo> already = new ArrayList<>();
        String area = r.pose() == Pose.BODY ? Text.clean(r.bodyArea()) : null;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            ImageFile image;
            try {
                image = ImageFile.probe(name, f.getValue());
            } catch (ValidationException e) {
                refused.put(name, e.getMessage());
                continue;
            }
            byte[] bytes = f.getValue();
            String stored = name.length() > 255 ? name.substring(name.length() - 255) : name;
            Photo[] result = new Photo[1];
            boolean isNew = db.tx(c -> {
                Optional<Photo> there = store.byHash(c, r.patientId(), image.sha256());
                if (there.isPresent()) {
                    result[0] = there.get();
                    return false;
                }
                if (!store.hasFile(c, image.sha256())) {
                    store.insertFile(c, image.sha256(), image.mediaType(), bytes, clock.instant());
                }
                long id = store.insertPhoto(c, r.patientId(), r.target().visitId(), r.target().adverseEventId(), image,
                        r.pose(), area, r.moment(), stored, clock.instant(), u.id());
                audit.log(c, Audit.CREATE, "photo", id, r.patientId(), "imported photo " + stored + " ("
                        + (area == null ? r.pose().label() : r.pose().label() + ": " + area) + ", "
                        + r.moment().label().toLowerCase(Locale.ROOT) + ") onto " + r.target().label()
                        + ", sha256 " + image.sha256());
                result[0] = store.photo(c, id).orElseThrow();
                return true;
            });
            if (isNew) {
                imported.add(result[0]);
                each.saved(result[0], bytes);
            } else if (result[0].removed()) {
                refused.put(name, name + " was on the record and was removed on " + result[0].removedAt()
                        .atZone(clock.getZone()).toLocalDate() + " (" + result[0].removalReason() + "); it was not"
                        + " imported again.");
            } else {
                already.add(result[0]);
            }
        }
        return new ImportOutcome(imported, already, refused);
    }

    /** The files of {@code paths}: each file as is, each folder's JPEG, PNG and HEIC files (sub-folders too), in name order. */
    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(PhotoService::looksLikePhoto).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new ValidationException("file", "The folder " + p + " cannot be read (" + e.getMessage() + ").");
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean looksLikePhoto(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png")
                || n.endsWith(".heic") || n.endsWith(".heif"));
    }

    // ------------------------------------------------------------------------------ reading

    /** The patient's photos (not removed), oldest first. Any staff; audited as a view of the patient's photos. */
    public List<Photo> photos(long patientId) {
        session.require("read photos", ANY_STAFF);
        return db.tx(c -> {
            List<Photo> list = store.photos(c, patientId);
            audit.log(c, Audit.VIEW, "photo", null, patientId, "viewed the " + list.size() + " photo(s) of chart "
                    + store.chartNumber(c, patientId));
            return list;
        });
    }

    /**
     * The original bytes of a photo of the list {@link #photos} returned, to make its thumbnail: that list's read
     * was audited. Any staff.
     */
    public byte[] thumbnailSource(Photo p) {
        session.require("read photos", ANY_STAFF);
        return db.read(c -> store.bytes(c, p.sha256())).orElseThrow(() -> new ValidationException("photo",
                "The original of " + p.fileName() + " is missing from the records."));
    }

    /** A photo opened full size (Compare): its bytes, exactly as imported. Any staff; audited as a view. */
    public byte[] original(long photoId) {
        session.require("read photos", ANY_STAFF);
        return db.tx(c -> {
            Photo p = store.photo(c, photoId).orElseThrow(() -> new ValidationException("photo", "This photo does not exist."));
            byte[] bytes = store.bytes(c, p.sha256()).orElseThrow(() -> new ValidationException("photo",
                    "The original of " + p.fileName() + " is missing from the records."));
            audit.log(c, Audit.VIEW, "photo", photoId, p.patientId(), "opened photo " + p.fileName() + " ("
                    + p.poseLabel() + ") of chart " + store.chartNumber(c, p.patientId()));
            return bytes;
        });
    }

    /** One photo as it stands (removed or not). Any staff. */
    public Photo photo(long photoId) {
        session.require("read photos", ANY_STAFF);
        return db.read(c -> store.photo(c, photoId)).orElseThrow(() -> new ValidationException("photo",
                "This photo does not exist."));
    }

    // ------------------------------------------------------------------------------ exports

    /**
     * The visit's before/after pair in {@code pose}, with their originals, for an export (the treatment record):
     * the first photo taken before and the last taken after (a follow-up photo when there is none after). Empty
     * when the visit has no photo in that view. Refused (ValidationException, field "photos") when the patient has
     * no photography consent today: photos never go into an export without it. Any staff; the export that
     * includes them is audited by its service.
     */
    public List<PhotoFile> visitPairForExport(long visitId, Pose pose) {
        session.require("read photos", ANY_STAFF);
        return db.read(c -> {
            List<Photo> of = store.photosOfVisit(c, visitId).stream().filter(p -> p.pose() == pose).toList();
            Optional<Photo> before = of.stream().filter(p -> p.moment() == Moment.BEFORE).min(BY_TIME);
            Optional<Photo> after = of.stream().filter(p -> p.moment() == Moment.AFTER).max(BY_TIME)
                    .or(() -> of.stream().filter(p -> p.moment() == Moment.FOLLOW_UP).max(BY_TIME));
            List<Photo> pair = new ArrayList<>();
            before.ifPresent(pair::add);
            after.ifPresent(pair::add);
            return withBytes(c, pair, "the treatment record");
        });
    }

    /**
     * The photos attached to an adverse event, with their originals, for its report (MedWatch). Empty when it has
     * none. Refused as {@link #visitPairForExport} without photography consent. Any staff.
     */
    public List<PhotoFile> eventPhotosForExport(long eventId) {
        session.require("read photos", ANY_STAFF);
        return db.read(c -> withBytes(c, store.photosOfEvent(c, eventId), "the adverse-event report"));
    }

    private List<PhotoFile> withBytes(Connection c, List<Photo> photos, String export) throws SQLException {
        if (photos.isEmpty()) {
            return List.of();
        }
        long patientId = photos.get(0).patientId();
        if (!consented(c, patientId)) {
            throw new ValidationException("photos", "Chart " + store.chartNumber(c, patientId) + " has no photography"
                    + " consent, so no photo can go into " + export + ". Export it without photos, or have the patient"
                    + " sign the Clinical photographs consent first.");
        }
        List<PhotoFile> out = new ArrayList<>();
        for (Photo p : photos) {
            byte[] bytes = store.bytes(c, p.sha256()).orElseThrow(() -> new ValidationException("photos",
                    "The original of " + p.fileName() + " is missing from the records: run check."));
            out.add(new PhotoFile(p, bytes));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ pupils and removal

    /**
     * Marks the two pupils of a front or oblique photo (for aligning it with another). {@code basedOnMarkId} is the
     * mark the person saw (0 for none): if someone else marked them meanwhile, a {@link StaleRecordException}.
     * Refused (field "pupils"): a profile or body photo, a point outside the photo, the two points too close.
     * Any staff; audited.
     */
    public Photo markPupils(long photoId, long basedOnMarkId, Pupils p) {
        User u = session.require("mark pupils on photos", ANY_STAFF);
        return db.tx(c -> {
            Photo photo = store.photo(c, photoId).orElseThrow(() -> new ValidationException("photo",
                    "This photo does not exist."));
            if (!photo.pose().showsBothPupils()) {
                throw new ValidationException("pupils", "Pupils are marked on front and oblique photos only.");
            }
            if (!inside(p.leftX(), p.leftY(), photo) || !inside(p.rightX(), p.rightY(), photo)) {
                throw new ValidationException("pupils", "Mark both pupils inside the photo.");
            }
            if (p.distance() < Math.max(4, photo.width() / 100.0)) {
                throw new ValidationException("pupils", "The two pupils are marked on the same spot: mark the left"
                        + " pupil, then the right one.");
            }
            long current = photo.pupils() == null ? 0 : photo.pupils().markId();
            if (current != basedOnMarkId) {
                throw new StaleRecordException("Someone else marked the pupils of this photo meanwhile: look at their"
                        + " marks, then mark again if they are wrong.");
            }
            long id = store.insertPupils(c, photoId, p, clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "photo", photoId, photo.patientId(), String.format(Locale.ROOT,
                    "marked the pupils of photo %s at (%.0f, %.0f) and (%.0f, %.0f), mark %d", photo.fileName(),
                    p.leftX(), p.leftY(), p.rightX(), p.rightY(), id));
            return store.photo(c, photoId).orElseThrow();
        });
    }

    private static boolean inside(double x, double y, Photo p) {
        return x >= 0 && y >= 0 && x <= p.width() && y <= p.height();
    }

    /**
     * Takes a photo off the record: a marked removal with {@code reason} (field "reason"), kept in the audit log;
     * the photo and its original stay in the records. ADMIN or INJECTOR. A photo removed already (by someone
     * else meanwhile) is a {@link StaleRecordException}.
     */
    public void remove(long photoId, String reason) {
        User u = session.require("remove photos", Role.ADMIN, Role.INJECTOR);
        String why = Text.clean(reason);
        if (why == null || why.length() < 3) {
            throw new ValidationException("reason", "Say why the photo is removed (for example: wrong patient).");
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationException("reason", "The reason is at most " + MAX_REASON + " characters.");
        }
        db.tx(c -> {
            Photo photo = store.photo(c, photoId).orElseThrow(() -> new ValidationException("photo",
                    "This photo does not exist."));
            if (!store.insertRemoval(c, photoId, why, clock.instant(), u.id())) {
                throw new StaleRecordException("This photo was removed already (by someone else meanwhile).");
            }
            audit.log(c, Audit.UPDATE, "photo", photoId, photo.patientId(), "removed photo " + photo.fileName() + " ("
                    + photo.poseLabel() + ", sha256 " + photo.sha256() + ") from the record: " + why);
            return null;
        });
    }
}
