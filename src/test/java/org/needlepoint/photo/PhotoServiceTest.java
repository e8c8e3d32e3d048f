package org.needlepoint.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.AuditFilter;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.store.Sql;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.testing.TestClinic;

class PhotoServiceTest {
    @TempDir
    Path dir;

    @Test
    void theSameFileImportedTwiceIsOnePhotoStoredOnceUnderItsHash() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Hash", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            byte[] jpeg = TestPhotos.jpeg(320, 240, 1);
            Path file = Files.write(dir.resolve("front.jpg"), jpeg);
            Path copy = Files.write(dir.resolve("front-copy.jpg"), jpeg);

            ImportOutcome first = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), List.of(file));
            ImportOutcome again = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), List.of(copy));

            assertThat(first.imported()).hasSize(1);
            Photo p = first.imported().get(0);
            assertThat(p.sha256()).isEqualTo(ImageFile.sha256(jpeg)).hasSize(64);
            assertThat(p.width()).isEqualTo(320);
            assertThat(p.height()).isEqualTo(240);
            assertThat(p.mediaType()).isEqualTo("image/jpeg");
            assertThat(again.imported()).isEmpty();
            assertThat(again.alreadyThere()).extracting(Photo::id).containsExactly(p.id());
            assertThat(clinic.services.photos().photos(f.patient.id())).hasSize(1);
            assertThat(count(clinic, "SELECT COUNT(*) FROM photo_blob")).isEqualTo(1);
            assertThat(clinic.services.photos().original(p.id())).isEqualTo(jpeg); // byte for byte
        }
    }

    @Test
    void aPngAndAFolderImportAndHeicIsRefusedWithHowToSetTheCameraToJpeg() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Folder", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            Path card = Files.createDirectories(dir.resolve("card/DCIM/100CANON"));
            Files.write(card.resolve("IMG_0001.JPG"), TestPhotos.jpeg(200, 100, 2));
            Files.write(card.resolve("IMG_0002.png"), TestPhotos.png(200, 100, 3));
            Files.write(card.resolve("IMG_0003.HEIC"), TestPhotos.heic());
            Files.writeString(card.resolve("notes.txt"), "not a photo"); // not taken from a folder

            ImportOutcome out = clinic.services.photos().importFiles(f.front(visit, Moment.AFTER), List.of(dir.resolve("card")));

            assertThat(out.imported()).extracting(Photo::fileName).containsExactly("IMG_0001.JPG", "IMG_0002.png");
            assertThat(out.imported()).extracting(Photo::mediaType).containsExactly("image/jpeg", "image/png");
            assertThat(out.refused()).containsOnlyKeys("IMG_0003.HEIC");
            assertThat(out.refused().get("IMG_0003.HEIC")).contains("HEIC").contains("JPEG").contains("Most Compatible");
            assertThat(out.summary()).isEqualTo("2 photos imported, 1 refused");
        }
    }

    @Test
    void aHeicFileIsRefusedByItsContentWhateverItsName() {
        assertThatThrownBy(() -> ImageFile.probe("photo.jpg", TestPhotos.heic())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("HEIC").hasMessageContaining("Set the camera to save JPEG");
        assertThatThrownBy(() -> ImageFile.probe("notes.jpg", "hello".getBytes())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a JPEG or PNG");
    }

    @Test
    void exifOrientationSixAndEightComeOutUpright() throws Exception {
        for (int orientation : new int[] {6, 8}) {
            byte[] file = TestPhotos.sideways(120, 200, orientation);
            ImageFile f = ImageFile.probe("sideways.jpg", file);
            assertThat(f.orientation()).isEqualTo(orientation);
            assertThat(f.rawWidth()).isEqualTo(200); // stored landscape
            assertThat(f.width()).isEqualTo(120); // shown portrait
            assertThat(f.height()).isEqualTo(200);
            BufferedImage shown = ImageFile.decode(file, f.orientation(), 400);
            assertThat(shown.getWidth()).isEqualTo(120);
            assertThat(shown.getHeight()).isEqualTo(200);
            assertThat(isRed(shown.getRGB(60, 40))).as("orientation %d: the top is red", orientation).isTrue();
            assertThat(isBlue(shown.getRGB(60, 160))).as("orientation %d: the bottom is blue", orientation).isTrue();
            // the reddish marker corner of the upright picture is top-left
            assertThat(isBlue(shown.getRGB(110, 190))).isTrue();
        }
    }

    @Test
    void aThumbnailIsDecodedSmallFromALargePhoto() throws Exception {
        byte[] big = TestPhotos.jpeg(4000, 3000, 4);
        BufferedImage thumb = ImageFile.decode(big, 1, 240);
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(240);
        assertThat(thumb.getHeight()).isEqualTo(180);
    }

    @Test
    void aThumbnailFitsItsBoxExactlyAndAScreenViewIsReadAtNoLessThanItsSize() throws Exception {
        byte[] landscape = TestPhotos.jpeg(4000, 3000, 4);
        BufferedImage wide = ImageFile.decodeToFit(landscape, 1, 200, 150, 2);
        assertThat(wide.getWidth()).isEqualTo(200);
        assertThat(wide.getHeight()).isEqualTo(150);
        byte[] portrait = TestPhotos.jpeg(3000, 4000, 5);
        BufferedImage tall = ImageFile.decodeToFit(portrait, 1, 200, 150, 2);
        assertThat(tall.getHeight()).isEqualTo(150); // the height limits a portrait photo in a landscape box
        assertThat(tall.getWidth()).isBetween(112, 113);

        // for a view of 700 pixels: every 2nd pixel (2000 x 1500), averaged two by two (1000 x 750)
        BufferedImage screen = ImageFile.decodeAtLeast(landscape, 1, 700);
        assertThat(screen.getWidth()).isEqualTo(1000);
        assertThat(screen.getHeight()).isEqualTo(750);
        assertThat(ImageFile.decodeAtLeast(landscape, 1, 5000).getWidth()).isEqualTo(4000); // never more than the photo

        // turned upright by the EXIF orientation, as the thumbnails and the full-size decoding are
        byte[] sideways = TestPhotos.sideways(120, 200, 6);
        BufferedImage upright = ImageFile.decodeAtLeast(sideways, 6, 200);
        assertThat(upright.getWidth()).isEqualTo(120);
        assertThat(upright.getHeight()).isEqualTo(200);
        assertThat(isRed(upright.getRGB(60, 40))).isTrue();
        assertThat(isBlue(upright.getRGB(60, 160))).isTrue();
        BufferedImage boxed = ImageFile.decodeToFit(sideways, 6, 60, 60, 2);
        assertThat(boxed.getHeight()).isEqualTo(60);
        assertThat(boxed.getWidth()).isEqualTo(36);
        assertThat(isRed(boxed.getRGB(18, 10))).isTrue();
    }

    @Test
    void halvingAveragesEachTwoByTwoWhateverTheImagesLayout() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage img = new BufferedImage(4, 2, type);
            img.setRGB(0, 0, 0xFF0000);
            img.setRGB(1, 0, 0x00FF00);
            img.setRGB(0, 1, 0x0000FF);
            img.setRGB(1, 1, 0xFFFFFF);
            for (int x = 2; x < 4; x++) { // a black and white checkerboard: grey
                img.setRGB(x, 0, x == 2 ? 0xFFFFFF : 0);
                img.setRGB(x, 1, x == 2 ? 0 : 0xFFFFFF);
            }
            BufferedImage half = ImageFile.halve(img);
            assertThat(half.getWidth()).isEqualTo(2);
            assertThat(half.getHeight()).isEqualTo(1);
            assertThat(half.getRGB(0, 0) & 0xFFFFFF).as("type %d", type).isEqualTo(0x7F7F7F);
            assertThat(half.getRGB(1, 0) & 0xFFFFFF).as("type %d", type).isEqualTo(0x7F7F7F);
        }
    }

    @Test
    void anImportTellsEachNewPhotoWithItsFileSoTheScreenNeedNotReadItBack() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Told", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            byte[] one = TestPhotos.jpeg(320, 240, 1);
            byte[] two = TestPhotos.png(200, 300, 2);
            Path a = Files.write(dir.resolve("a.jpg"), one);
            Path b = Files.write(dir.resolve("b.png"), two);
            java.util.Map<Long, byte[]> told = new java.util.LinkedHashMap<>();

            ImportOutcome out = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), List.of(a, b),
                    (photo, original) -> told.put(photo.id(), original));

            assertThat(out.imported()).hasSize(2);
            assertThat(told.keySet()).containsExactlyElementsOf(out.imported().stream().map(Photo::id).toList());
            assertThat(told.get(out.imported().get(0).id())).isEqualTo(one);
            assertThat(told.get(out.imported().get(1).id())).isEqualTo(two);
            told.clear();
            ImportOutcome again = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), List.of(a),
                    (photo, original) -> told.put(photo.id(), original));
            assertThat(again.alreadyThere()).hasSize(1);
            assertThat(told).isEmpty(); // nothing new was saved
        }
    }

    private static long count(TestClinic clinic, String sql) {
        return clinic.db.read(c -> Sql.count(c, sql));
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xFF) > 180 && (rgb & 0xFF) < 80;
    }

    private static boolean isBlue(int rgb) {
        return (rgb & 0xFF) > 180 && ((rgb >> 16) & 0xFF) < 80;
    }

    @Test
    void withoutPhotographyConsentNothingIsImportedAndTheRecordsBoxIsEnough() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "NoConsent", false);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            Path file = Files.write(dir.resolve("a.jpg"), TestPhotos.jpeg(100, 100, 5));

            assertThatThrownBy(() -> clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), List.of(file)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsKey("consent"));
            assertThat(count(clinic, "SELECT COUNT(*) FROM photo")).isZero();
            assertThat(count(clinic, "SELECT COUNT(*) FROM photo_blob")).isZero();

            // the photo-consent box on the record (consent given on paper) is consent too
            var p = clinic.services.patients().open(f.patient.id());
            var d = p.details();
            clinic.services.patients().update(p, new org.needlepoint.patient.PatientDetails(d.firstName(), d.middleName(),
                    d.lastName(), d.preferredName(), d.birthDate(), d.sex(), d.mobilePhone(), d.otherPhone(), d.email(),
                    d.addressLine(), d.city(), d.region(), d.postalCode(), d.emergencyName(), d.emergencyPhone(),
                    d.emergencyRelation(), d.allergies(), d.medications(), d.conditions(), d.pregnancy(), true,
                    d.marketingConsent(), d.alerts(), d.notes(), d.rewardsProgramme(), d.rewardsMember()));
            assertThat(clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE), List.of(file)).imported())
                    .hasSize(1);
        }
    }

    @Test
    void aBodyPhotoNeedsItsAreaAndAnotherPatientsVisitIsRefused() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Body", true);
            PhotoFixture other = new PhotoFixture(clinic, "Other", true);
            PhotoTarget theirs = other.visit(clinic.clock.instant());
            Path file = Files.write(dir.resolve("b.jpg"), TestPhotos.jpeg(100, 100, 6));
            PhotoTarget mine = f.visit(clinic.clock.instant());

            assertThatThrownBy(() -> clinic.services.photos().importFiles(new ImportRequest(f.patient.id(), mine, Pose.BODY,
                    " ", Moment.BEFORE), List.of(file))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("bodyArea"));
            assertThatThrownBy(() -> clinic.services.photos().importFiles(f.front(theirs, Moment.BEFORE), List.of(file)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("target"));
            Photo hand = clinic.services.photos().importFiles(new ImportRequest(f.patient.id(), mine, Pose.BODY,
                    "left hand", Moment.BEFORE), List.of(file)).imported().get(0);
            assertThat(hand.poseLabel()).isEqualTo("Body area: left hand");
        }
    }

    @Test
    void removingKeepsThePhotoItsBytesAndTheAuditRowWithTheReason() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Remove", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            byte[] jpeg = TestPhotos.jpeg(100, 80, 7);
            Photo p = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE),
                    List.of(Files.write(dir.resolve("r.jpg"), jpeg))).imported().get(0);

            assertThatThrownBy(() -> clinic.services.photos().remove(p.id(), " ")).isInstanceOf(ValidationException.class);
            clinic.services.photos().remove(p.id(), "wrong patient in the frame");

            assertThat(clinic.services.photos().photos(f.patient.id())).isEmpty();
            Photo removed = clinic.services.photos().photo(p.id());
            assertThat(removed.removed()).isTrue();
            assertThat(removed.removalReason()).isEqualTo("wrong patient in the frame");
            assertThat(clinic.services.photos().original(p.id())).isEqualTo(jpeg);
            assertThat(count(clinic, "SELECT COUNT(*) FROM photo")).isEqualTo(1);
            assertThatThrownBy(() -> clinic.services.photos().remove(p.id(), "again")).isInstanceOf(StaleRecordException.class);
            // raw SQL cannot delete it either
            assertThatThrownBy(() -> clinic.db.tx(c -> c.createStatement().executeUpdate("DELETE FROM photo_blob")))
                    .hasMessageContaining("append-only");

            clinic.signIn("admin");
            var rows = clinic.services.audit().find(AuditFilter.all());
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.recordType()).isEqualTo("photo");
                assertThat(r.recordId()).isEqualTo(p.id());
                assertThat(r.summary()).contains("removed photo r.jpg").contains("wrong patient in the frame");
            });
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.action()).isEqualTo("VIEW");
                assertThat(r.recordType()).isEqualTo("photo");
                assertThat(r.patientId()).isEqualTo(f.patient.id());
            });
            // a re-import of the removed photo is refused, saying so
            ImportOutcome again = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE),
                    List.of(dir.resolve("r.jpg")));
            assertThat(again.refused().get("r.jpg")).contains("was removed");
        }
    }

    @Test
    void theFrontDeskCannotRemoveAPhoto() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Desk", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            Photo p = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE),
                    List.of(Files.write(dir.resolve("d.jpg"), TestPhotos.jpeg(90, 90, 8)))).imported().get(0);
            clinic.signIn("desk");
            assertThatThrownBy(() -> clinic.services.photos().remove(p.id(), "blurred"))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }

    @Test
    void pupilsAreStoredWithThePhotoAndAConcurrentMarkIsAConflict() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Pupils", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            Photo p = clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE),
                    List.of(Files.write(dir.resolve("p.jpg"), TestPhotos.jpeg(400, 300, 9)))).imported().get(0);

            Photo marked = clinic.services.photos().markPupils(p.id(), 0, Pupils.of(150, 120, 250, 122));
            assertThat(marked.pupils().leftX()).isEqualTo(150);
            assertThat(marked.pupils().rightY()).isEqualTo(122);
            clinic.clock.advance(Duration.ofMinutes(1));
            assertThatThrownBy(() -> clinic.services.photos().markPupils(p.id(), 0, Pupils.of(140, 120, 250, 122)))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> clinic.services.photos().markPupils(p.id(), marked.pupils().markId(),
                    Pupils.of(150, 120, 900, 122))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("pupils"));
            Photo again = clinic.services.photos().markPupils(p.id(), marked.pupils().markId(), Pupils.of(151, 119, 249, 121));
            assertThat(clinic.services.photos().photo(p.id()).pupils()).isEqualTo(again.pupils());
        }
    }

    @Test
    void checkCountsThePhotosAndFindsADamagedOrMissingOriginal() throws Exception {
        try (TestClinic clinic = new TestClinic(dir.resolve("db")).withStaff()) {
            PhotoFixture f = new PhotoFixture(clinic, "Check", true);
            PhotoTarget visit = f.visit(clinic.clock.instant());
            clinic.services.photos().importFiles(f.front(visit, Moment.BEFORE),
                    List.of(Files.write(dir.resolve("c.jpg"), TestPhotos.jpeg(100, 100, 10))));
            PhotoStore store = new PhotoStore();
            assertThat(clinic.db.read(store::counts)).containsEntry("photos", 1L).containsEntry("photo files", 1L);
            assertThat(clinic.db.read(store::problems)).isEmpty();

            // a damaged original (as a disk fault would leave it): the guard is lifted to make it
            clinic.db.tx(c -> {
                try (var st = c.createStatement()) {
                    st.execute("DROP TRIGGER photo_blob_no_update");
                    st.execute("UPDATE photo_blob SET bytes = X'FFD8FF00'");
                }
                return null;
            });
            assertThat(clinic.db.read(store::problems)).anySatisfy(p -> assertThat(p).contains("does not match its hash"))
                    .anySatisfy(p -> assertThat(p).contains("guards"));
        }
    }
}
