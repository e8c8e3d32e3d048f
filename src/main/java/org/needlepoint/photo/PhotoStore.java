package org.needlepoint.photo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;

/**
 * All the SQL of photos: the originals by content hash ({@code photo_blob}), the photos on the records, their
 * marked pupils and removals (all append-only, V17); what a photo can be attached to; the backup's side of the
 * originals (listed and streamed into a backup's {@code photos/}, loaded back on restore after checking each
 * against its name); and {@code check}'s counts and hash verification.
 */
public final class PhotoStore implements RecordCheck {
    /** The table of the originals: left out of a backup's SQL but for its definition (its rows are the backup's files). */
    public static final String FILE_TABLE = "PHOTO_BLOB";
    /** The folder of a backup that holds the originals. */
    public static final String BACKUP_FOLDER = "photos";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One original, as a backup lists it: photos/{sha256}{.jpg|.png}. */
    public record StoredFile(String sha256, String mediaType, long size) {
        public String name() {
            return sha256 + ImageFile.extension(mediaType);
        }
    }

    private static final String SELECT = "SELECT p.id, p.patient_id, p.visit_id, v.started_at AS visit_started,"
            + " p.adverse_event_id, p.sha256, b.media_type, b.size_bytes, p.pose, p.body_area, p.moment, p.file_name,"
            + " p.width, p.height, p.orientation, p.taken_at, p.imported_at, u.full_name AS importer,"
            + " m.id AS mark_id, m.left_x, m.left_y, m.right_x, m.right_y, r.removed_at, r.reason"
            + " FROM photo p LEFT JOIN photo_blob b ON b.sha256 = p.sha256 LEFT JOIN visit v ON v.id = p.visit_id"
            + " LEFT JOIN app_user u ON u.id = p.imported_by LEFT JOIN photo_removal r ON r.photo_id = p.id"
            + " LEFT JOIN photo_pupils m ON m.id = (SELECT MAX(x.id) FROM photo_pupils x WHERE x.photo_id = p.id)";

    // ------------------------------------------------------------------------------ originals

    public boolean hasFile(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM photo_blob WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Stores an original under its hash (the caller checked it is not there yet). */
    public void insertFile(Connection c, String sha256, String mediaType, byte[] bytes, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photo_blob (sha256, media_type, size_bytes, bytes,"
                + " stored_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, sha256);
            ps.setString(2, mediaType);
            ps.setLong(3, bytes.length);
            ps.setBinaryStream(4, new java.io.ByteArrayInputStream(bytes), bytes.length);
            Sql.setInstant(ps, 5, at);
            ps.executeUpdate();
        }
    }

    /**
     * The original's bytes, exactly as imported: read into one array of their stored size (reading the blob whole
     * grows a buffer as it goes, several times the photo's size in garbage; a screen decoding thumbnails during an
     * import reads one of these every few frames).
     */
    public Optional<byte[]> bytes(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size_bytes, bytes FROM photo_blob WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long size = rs.getLong(1);
                try (InputStream in = rs.getBinaryStream(2)) {
                    if (size < 0 || size > Integer.MAX_VALUE - 8) {
                        return Optional.of(in.readAllBytes());
                    }
                    byte[] out = new byte[(int) size];
                    int n = in.readNBytes(out, 0, out.length);
                    if (n == out.length && in.read() < 0) {
                        return Optional.of(out);
                    }
                    // not the size recorded (check reports it): what is there, as it is
                    byte[] rest = in.readAllBytes();
                    byte[] all = java.util.Arrays.copyOf(out, n + rest.length);
                    System.arraycopy(rest, 0, all, n, rest.length);
                    return Optional.of(all);
                } catch (IOException e) {
                    throw new SQLException("The photo " + sha256 + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------ photos

    public long insertPhoto(Connection c, long patientId, Long visitId, Long adverseEventId, ImageFile f, Pose pose,
                            String bodyArea, Moment moment, String fileName, Instant at, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photo (patient_id, visit_id, adverse_event_id, sha256,"
                + " pose, body_area, moment, file_name, width, height, orientation, taken_at, imported_at, imported_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, patientId);
            Sql.setLong(ps, 2, visitId);
            Sql.setLong(ps, 3, adverseEventId);
            ps.setString(4, f.sha256());
            ps.setString(5, pose.name());
            ps.setString(6, bodyArea);
            ps.setString(7, moment.name());
            ps.setString(8, fileName);
            ps.setInt(9, f.width());
            ps.setInt(10, f.height());
            ps.setInt(11, f.orientation());
            Sql.setInstant(ps, 12, f.takenAt());
            Sql.setInstant(ps, 13, at);
            ps.setLong(14, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public Optional<Photo> photo(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.id = ?")) {
            ps.setLong(1, id);
            List<Photo> l = list(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    /** The patient's photo of this content, removed or not. */
    public Optional<Photo> byHash(Connection c, long patientId, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.patient_id = ? AND p.sha256 = ?")) {
            ps.setLong(1, patientId);
            ps.setString(2, sha256);
            List<Photo> l = list(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    /** The patient's photos not removed, the oldest visit first, then by pose and import. */
    public List<Photo> photos(Connection c, long patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.patient_id = ? AND r.photo_id IS NULL"
                + " ORDER BY COALESCE(p.taken_at, v.started_at, p.imported_at), p.id")) {
            ps.setLong(1, patientId);
            return list(ps);
        }
    }

    /** The photos attached to a visit (not removed), by pose and moment. */
    public List<Photo> photosOfVisit(Connection c, long visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.visit_id = ? AND r.photo_id IS NULL"
                + " ORDER BY p.pose, p.moment, p.id")) {
            ps.setLong(1, visitId);
            return list(ps);
        }
    }

    /** The photos attached to an adverse event (not removed), in the order they were taken. */
    public List<Photo> photosOfEvent(Connection c, long eventId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.adverse_event_id = ? AND r.photo_id IS NULL"
                + " ORDER BY COALESCE(p.taken_at, p.imported_at), p.id")) {
            ps.setLong(1, eventId);
            return list(ps);
        }
    }

    private static List<Photo> list(PreparedStatement ps) throws SQLException {
        List<Photo> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long markId = rs.getLong("mark_id");
                Pupils pupils = rs.wasNull() ? null : new Pupils(markId, rs.getDouble("left_x"), rs.getDouble("left_y"),
                        rs.getDouble("right_x"), rs.getDouble("right_y"));
                out.add(new Photo(rs.getLong("id"), rs.getLong("patient_id"), Sql.getLong(rs, "visit_id"),
                        Sql.getInstant(rs, "visit_started"), Sql.getLong(rs, "adverse_event_id"), rs.getString("sha256"),
                        rs.getString("media_type"), rs.getLong("size_bytes"), Pose.valueOf(rs.getString("pose")),
                        rs.getString("body_area"), Moment.valueOf(rs.getString("moment")), rs.getString("file_name"),
                        rs.getInt("width"), rs.getInt("height"), rs.getInt("orientation"), Sql.getInstant(rs, "taken_at"),
                        Sql.getInstant(rs, "imported_at"), rs.getString("importer"), pupils,
                        Sql.getInstant(rs, "removed_at"), rs.getString("reason")));
            }
        }
        return out;
    }

    public long insertPupils(Connection c, long photoId, Pupils p, Instant at, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photo_pupils (photo_id, left_x, left_y, right_x, right_y,"
                + " marked_at, marked_by) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, photoId);
            ps.setDouble(2, p.leftX());
            ps.setDouble(3, p.leftY());
            ps.setDouble(4, p.rightX());
            ps.setDouble(5, p.rightY());
            Sql.setInstant(ps, 6, at);
            ps.setLong(7, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    /** Marks the photo removed; false when it was removed already (by someone else meanwhile). */
    public boolean insertRemoval(Connection c, long photoId, String reason, Instant at, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photo_removal (photo_id, reason, removed_at, removed_by)"
                + " SELECT ?, ?, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM photo_removal WHERE photo_id = ?)")) {
            ps.setLong(1, photoId);
            ps.setString(2, reason);
            Sql.setInstant(ps, 3, at);
            ps.setLong(4, by);
            ps.setLong(5, photoId);
            return ps.executeUpdate() == 1;
        }
    }

    // ------------------------------------------------------------------------------ what photos attach to

    /** The patient's visits (newest first) and adverse events (newest first), as a photo's possible places. */
    public List<PhotoTarget> targets(Connection c, long patientId, ZoneId zone) throws SQLException {
        List<PhotoTarget> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.id, v.started_at, v.status FROM visit v"
                + " WHERE v.patient_id = ? ORDER BY v.started_at DESC, v.id DESC")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = Sql.getInstant(rs, "started_at");
                    out.add(PhotoTarget.visit(rs.getLong(1), at, "Visit " + DAY.format(at.atZone(zone))
                            + ("DRAFT".equals(rs.getString(3)) ? " (draft)" : "")));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.onset_date, e.event_type FROM adverse_event e"
                + " WHERE e.patient_id = ? ORDER BY e.onset_date DESC, e.id DESC")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.time.LocalDate onset = Sql.getDate(rs, "onset_date");
                    String type = rs.getString(3).toLowerCase(Locale.ROOT).replace('_', ' ');
                    out.add(PhotoTarget.adverseEvent(rs.getLong(1), onset.atStartOfDay(zone).toInstant(),
                            "Adverse event " + DAY.format(onset) + " (" + type + ")"));
                }
            }
        }
        return out;
    }

    /** The patient a visit belongs to. */
    public Optional<Long> patientOfVisit(Connection c, long visitId) throws SQLException {
        return patientOf(c, "SELECT patient_id FROM visit WHERE id = ?", visitId);
    }

    /** The patient an adverse event belongs to. */
    public Optional<Long> patientOfEvent(Connection c, long eventId) throws SQLException {
        return patientOf(c, "SELECT patient_id FROM adverse_event WHERE id = ?", eventId);
    }

    private static Optional<Long> patientOf(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The chart number of a patient (for the audit's words). */
    public long chartNumber(Connection c, long patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT chart_number FROM patient WHERE id = ?")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The patient's photography consent checkbox on the record. */
    public boolean photoConsentField(Connection c, long patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT photo_consent FROM patient WHERE id = ?")) {
            ps.setLong(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    // ------------------------------------------------------------------------------ backups

    /** Every original, in hash order, as the backup lists them. */
    public List<StoredFile> files(Connection c) throws SQLException {
        List<StoredFile> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sha256, media_type, size_bytes"
                + " FROM photo_blob ORDER BY sha256")) {
            while (rs.next()) {
                out.add(new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }

    /** Writes one original's bytes to {@code out}; false when there is none of that hash. */
    public boolean copyFile(Connection c, String sha256, OutputStream out) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM photo_blob WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.transferTo(out);
                }
                return true;
            }
        }
    }

    /**
     * Loads a restored backup's originals from {@code folder} (files named {sha256}.jpg or .png) into the
     * records on {@code c}. Refused (IOException naming the file) when a file's content does not hash to its
     * name. Returns how many were loaded.
     */
    public int loadFiles(Connection c, Path folder, Instant at) throws SQLException, IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO photo_blob (sha256, media_type, size_bytes, bytes,"
                + " stored_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String sha = dot < 0 ? name : name.substring(0, dot);
                String ext = dot < 0 ? "" : name.substring(dot);
                String type = ".png".equals(ext) ? ImageFile.PNG : ".jpg".equals(ext) ? ImageFile.JPEG : null;
                if (type == null || !sha.matches("[0-9a-f]{64}")) {
                    throw new IOException("photos/" + name + " is not a photo of Needlepoint's");
                }
                if (!sha.equals(hashOf(f))) {
                    throw new IOException("photos/" + name + " does not match its hash");
                }
                long size = Files.size(f);
                try (InputStream in = Files.newInputStream(f)) {
                    ps.setString(1, sha);
                    ps.setString(2, type);
                    ps.setLong(3, size);
                    ps.setBinaryStream(4, in, size);
                    Sql.setInstant(ps, 5, at);
                    ps.executeUpdate();
                }
                n++;
            }
        }
        return n;
    }

    private static String hashOf(Path f) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------ check

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("photos", Sql.count(c, "SELECT COUNT(*) FROM photo p WHERE NOT EXISTS (SELECT 1 FROM photo_removal r"
                + " WHERE r.photo_id = p.id)"));
        m.put("photos removed", Sql.count(c, "SELECT COUNT(*) FROM photo_removal"));
        m.put("photo files", Sql.count(c, "SELECT COUNT(*) FROM photo_blob"));
        return m;
    }

    /**
     * A photo whose original is missing, an original whose bytes no longer hash to its name or size, a photo
     * attached to another patient's visit or event, and missing append-only guards.
     */
    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        long guards = Sql.count(c, "SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME IN"
                + " ('PHOTO_BLOB_NO_UPDATE', 'PHOTO_BLOB_NO_DELETE', 'PHOTO_NO_UPDATE', 'PHOTO_NO_DELETE',"
                + " 'PHOTO_PUPILS_NO_UPDATE', 'PHOTO_PUPILS_NO_DELETE', 'PHOTO_REMOVAL_NO_UPDATE', 'PHOTO_REMOVAL_NO_DELETE')");
        if (guards < 8) {
            out.add("photos: the append-only guards of the photo tables are missing");
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT p.id, p.sha256 FROM photo p"
                + " WHERE NOT EXISTS (SELECT 1 FROM photo_blob b WHERE b.sha256 = p.sha256) ORDER BY p.id")) {
            while (rs.next()) {
                out.add("photo " + rs.getLong(1) + ": its original (" + rs.getString(2) + ") is missing");
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT p.id FROM photo p"
                + " LEFT JOIN visit v ON v.id = p.visit_id LEFT JOIN adverse_event e ON e.id = p.adverse_event_id"
                + " WHERE (v.id IS NOT NULL AND v.patient_id <> p.patient_id)"
                + " OR (e.id IS NOT NULL AND e.patient_id <> p.patient_id) ORDER BY p.id")) {
            while (rs.next()) {
                out.add("photo " + rs.getLong(1) + " is attached to another patient's visit or adverse event");
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sha256, size_bytes, bytes"
                + " FROM photo_blob ORDER BY sha256")) {
            while (rs.next()) {
                String sha = rs.getString(1);
                MessageDigest d = sha256();
                long size = 0;
                try (InputStream in = rs.getBinaryStream(3)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        d.update(buf, 0, n);
                        size += n;
                    }
                } catch (IOException e) {
                    out.add("photo file " + sha + " cannot be read: " + e.getMessage());
                    continue;
                }
                if (!HexFormat.of().formatHex(d.digest()).equals(sha) || size != rs.getLong(2)) {
                    out.add("photo file " + sha + " does not match its hash: it was damaged");
                }
            }
        }
        return out;
    }
}
