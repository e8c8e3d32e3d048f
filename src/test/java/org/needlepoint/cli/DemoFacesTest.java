package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.needlepoint.photo.ImageFile;
import org.needlepoint.photo.Pose;
import org.needlepoint.photo.Pupils;
import org.needlepoint.photo.Similarity;

/**
 * seed-demo's drawn faces: a JPEG of the size asked for each view, the front view's pupils where the pupils were
 * drawn (dark), two sittings that differ (tilt, volume) giving different files, and the alignment of two front
 * views by their pupils undoing the tilt and shift. With -Dscreenshots=true the drawings go to target/screenshots.
 */
class DemoFacesTest {
    private static final DemoFaces.Sitter WHO = DemoFaces.Sitter.random(new Random(3), true);
    private static final DemoFaces.Sitting FIRST = new DemoFaces.Sitting(0, 0, 0, 1, -0.6, 1.0, 0.1, 0.2, 0.9,
            DemoFaces.Marks.NONE);
    private static final DemoFaces.Sitting LATER = new DemoFaces.Sitting(4, 30, -20, 1.08, 0.5, 0.95, 0.9, 0.7, 0.2,
            DemoFaces.Marks.TEMPLES_AND_CHEEKS);

    @Test
    void eachViewIsAJpegOfTheSizeAskedAndOnlyTheFrontHasItsPupils() throws Exception {
        for (Pose pose : new Pose[] {Pose.FRONT, Pose.LEFT_PROFILE, Pose.RIGHT_PROFILE, Pose.LEFT_OBLIQUE,
            Pose.RIGHT_OBLIQUE}) {
            for (DemoFaces.Sitting s : new DemoFaces.Sitting[] {FIRST, LATER}) {
                DemoFaces.Drawn d = DemoFaces.draw(pose, WHO, s, 800);
                ImageFile probed = ImageFile.probe("face.jpg", d.jpeg());
                assertThat(probed.mediaType()).isEqualTo(ImageFile.JPEG);
                assertThat(probed.width()).isEqualTo(800);
                assertThat(probed.height()).isEqualTo(1000);
                assertThat(d.pupils() != null).as(pose.name()).isEqualTo(pose == Pose.FRONT);
                save(pose.name() + (s == FIRST ? "-first" : "-later"), d.jpeg());
            }
        }
        assertThat(DemoFaces.draw(Pose.FRONT, WHO, FIRST, 800).jpeg()).as("a sitting draws the same file every time")
                .isEqualTo(DemoFaces.draw(Pose.FRONT, WHO, FIRST, 800).jpeg());
        assertThat(DemoFaces.draw(Pose.FRONT, WHO, FIRST, 800).jpeg()).isNotEqualTo(
                DemoFaces.draw(Pose.FRONT, WHO, LATER, 800).jpeg());
    }

    @Test
    void theFrontViewsPupilsAreOnTheDrawnPupilsAndAlignTheTwoSittings() throws Exception {
        DemoFaces.Drawn a = DemoFaces.draw(Pose.FRONT, WHO, FIRST, 800);
        DemoFaces.Drawn b = DemoFaces.draw(Pose.FRONT, WHO, LATER, 800);
        for (DemoFaces.Drawn d : new DemoFaces.Drawn[] {a, b}) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(d.jpeg()));
            assertThat(luma(img, d.pupils().leftX(), d.pupils().leftY())).as("left pupil is dark").isLessThan(60);
            assertThat(luma(img, d.pupils().rightX(), d.pupils().rightY())).as("right pupil is dark").isLessThan(60);
            assertThat(d.pupils().leftX()).as("the patient's left pupil shows on the image's right")
                    .isGreaterThan(d.pupils().rightX());
        }
        // the later sitting is tilted 4 degrees, nearer and shifted: the alignment undoes it
        Similarity t = Similarity.aligning(b.pupils(), a.pupils());
        assertThat(t.degrees()).isCloseTo(-4, org.assertj.core.data.Offset.offset(0.01));
        assertThat(t.scale()).isCloseTo(1 / 1.08, org.assertj.core.data.Offset.offset(0.001));
        Pupils p = b.pupils();
        double[] left = t.apply(p.leftX(), p.leftY());
        assertThat(left[0]).isCloseTo(a.pupils().leftX(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aTwelveMegapixelDrawingIsTheSameFaceLarger() {
        BufferedImage big = DemoFaces.render(Pose.FRONT, WHO, FIRST, 3000);
        assertThat(big.getWidth() * (long) big.getHeight()).isGreaterThanOrEqualTo(11_000_000L);
        BufferedImage small = DemoFaces.render(Pose.FRONT, WHO, FIRST, 800);
        // the same point of the face (the left cheek) in both sizes is about the same colour
        Color s = new Color(small.getRGB(300, 520));
        Color l = new Color(big.getRGB(300 * 3000 / 800, 520 * 3000 / 800));
        assertThat(Math.abs(s.getRed() - l.getRed())).isLessThan(25);
    }

    private static double luma(BufferedImage img, double x, double y) {
        Color c = new Color(img.getRGB((int) Math.round(x), (int) Math.round(y)));
        return 0.3 * c.getRed() + 0.59 * c.getGreen() + 0.11 * c.getBlue();
    }

    private static void save(String name, byte[] jpeg) throws Exception {
        if (Boolean.getBoolean("screenshots")) {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve("demo-face-" + name + ".jpg"), jpeg);
        }
    }
}
