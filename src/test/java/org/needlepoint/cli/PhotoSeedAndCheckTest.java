package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.cli.CliRun.run;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.store.Database;

/**
 * seed-demo's drawn photos (issue 14) and {@code check}'s verification of every stored photo: the seeded clinic has
 * photos of consenting patients only, before and after at each photographed visit, the front views' pupils
 * marked; {@code check} prints the photo count and passes; a photo whose stored bytes were changed, or whose
 * original is gone (both done with raw SQL as the database's owner, the guards put back after), is one PROBLEM
 * line and exit 1.
 */
class PhotoSeedAndCheckTest {
    private static final Pattern PHOTOS = Pattern.compile("Photos: (\\d+) synthetic drawn photos of (\\d+) patients");

    @TempDir
    static Path template;
    private static String seededOut;

    @TempDir
    Path dir;
    private Path clinic;

    @BeforeAll
    static void seedOnce() {
        CliRun seeded = run("--data", template.resolve("clinic").toString(), "seed-demo", "--patients", "25", "--seed", "7");
        assertThat(seeded.code()).as(seeded.err()).isZero();
        seededOut = seeded.out();
    }

    @BeforeEach
    void copyTheClinic() throws Exception {
        clinic = ClinicCopy.of(template.resolve("clinic"), dir);
    }

    @Test
    void seedDemoDrawsBeforeAndAfterPhotosOfConsentingPatientsAndCheckCountsThem() {
        Matcher m = PHOTOS.matcher(seededOut);
        assertThat(m.find()).as(seededOut).isTrue();
        long seeded = Long.parseLong(m.group(1));
        assertThat(seeded).isGreaterThanOrEqualTo(12);
        assertThat(Long.parseLong(m.group(2))).isBetween(1L, (long) DemoPhotos.PHOTOGRAPHED_PATIENTS);

        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(*) FROM photo")).isEqualTo(seeded);
        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(*) FROM photo p WHERE NOT EXISTS (SELECT 1 FROM signed_consent c JOIN consent_text t"
                + " ON t.id = c.text_id WHERE c.patient_id = p.patient_id AND t.kind = 'PHOTOGRAPHY') AND NOT EXISTS (SELECT 1 FROM patient x"
                + " WHERE x.id = p.patient_id AND x.photo_consent)")).as("photos only of patients with consent").isZero();
        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(*) FROM visit v WHERE EXISTS (SELECT 1 FROM photo p WHERE p.visit_id = v.id)"
                + " AND (NOT EXISTS (SELECT 1 FROM photo p WHERE p.visit_id = v.id AND p.pose = 'FRONT' AND p.moment"
                + " = 'BEFORE') OR NOT EXISTS (SELECT 1 FROM photo p WHERE p.visit_id = v.id AND p.pose = 'FRONT' AND"
                + " p.moment = 'AFTER'))")).as("each photographed visit has its front before and after").isZero();
        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(DISTINCT pose) FROM photo")).isEqualTo(5);
        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(*) FROM photo p WHERE p.pose = 'FRONT' AND p.visit_id IS NOT NULL AND NOT EXISTS"
                + " (SELECT 1 FROM photo_pupils m WHERE m.photo_id = p.id)")).as("front views' pupils marked").isZero();
        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(*) FROM photo WHERE width <> 800 OR height <> 1000")).isZero();
        assertThat(ClinicCopy.count(clinic, "SELECT COUNT(DISTINCT sha256) FROM photo")).as("every drawing differs").isEqualTo(seeded);

        CliRun r = run("--data", clinic.toString(), "check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("photos: " + seeded, "photo files: " + seeded, "photos removed: 0");
        assertThat(r.out()).contains("check: OK");
    }

    @Test
    void aStoredPhotoWhoseBytesWereChangedIsAProblemAndExit1() throws Exception {
        String sha;
        long photo;
        try (Database db = Database.open(clinic)) {
            sha = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT MIN(sha256) FROM photo_blob")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
        photo = ClinicCopy.count(clinic, "SELECT MIN(id) FROM photo WHERE sha256 = '" + sha + "'");
        // the owner flips bytes in the middle of the stored JPEG, the guard put back after
        try (Database db = Database.open(clinic)) {
            db.tx(c -> {
                byte[] bytes;
                try (PreparedStatement ps = c.prepareStatement("SELECT bytes FROM photo_blob WHERE sha256 = ?")) {
                    ps.setString(1, sha);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        bytes = rs.getBytes(1);
                    }
                }
                for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
                    bytes[i] ^= 0x5A;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TRIGGER photo_blob_no_update");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE photo_blob SET bytes = ? WHERE sha256 = ?")) {
                    ps.setBytes(1, bytes);
                    ps.setString(2, sha);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TRIGGER photo_blob_no_update BEFORE UPDATE ON photo_blob FOR EACH ROW CALL"
                            + " 'org.needlepoint.store.AppendOnlyTrigger'");
                }
                return null;
            });
        }

        CliRun r = run("--data", clinic.toString(), "check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("PROBLEM photo file " + sha + " does not match its hash: it was damaged");
        assertThat(r.out()).contains("check: 1 problem(s)");
        assertThat(photo).isPositive();
    }

    @Test
    void aPhotoWhoseOriginalIsMissingIsAProblemAndExit1() {
        long photo = ClinicCopy.count(clinic, "SELECT MIN(id) FROM photo");
        String sha;
        try (Database db = Database.open(clinic)) {
            sha = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT sha256 FROM photo WHERE id = " + photo)) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
        ClinicCopy.sql(clinic, "DROP TRIGGER photo_blob_no_delete", "DELETE FROM photo_blob WHERE sha256 = '" + sha + "'",
                "CREATE TRIGGER photo_blob_no_delete BEFORE DELETE ON photo_blob FOR EACH ROW CALL"
                        + " 'org.needlepoint.store.AppendOnlyTrigger'");

        CliRun r = run("--data", clinic.toString(), "check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("PROBLEM photo " + photo + ": its original (" + sha + ") is missing");
        assertThat(r.out()).contains("check: 1 problem(s)");
    }
}
