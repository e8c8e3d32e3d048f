package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.Consents;

class SignatureImageTest {
    @Test
    void theSignatureReadsBackFromThePdfPixelForPixelAsPdfBoxsOwnEmbeddingOfThePng() throws Exception {
        byte[] png = Consents.signature().png();
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(png));
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject ours = SignatureImage.of(doc, png);
            PDImageXObject pdfBoxs = PDImageXObject.createFromByteArray(doc, png, "signature.png");
            assertThat(ours.getSoftMask()).as("the transparency is kept").isNotNull();
            BufferedImage back = ours.getImage();
            BufferedImage expected = pdfBoxs.getImage();
            assertThat(back.getWidth()).isEqualTo(drawn.getWidth()).isEqualTo(expected.getWidth());
            assertThat(back.getHeight()).isEqualTo(drawn.getHeight()).isEqualTo(expected.getHeight());
            int ink = 0;
            for (int y = 0; y < back.getHeight(); y++) {
                for (int x = 0; x < back.getWidth(); x++) {
                    assertThat(back.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
                    int alpha = drawn.getRGB(x, y) >>> 24;
                    assertThat(back.getRGB(x, y) >>> 24).as("alpha at %d,%d", x, y).isEqualTo(alpha);
                    if (alpha == 255) {
                        assertThat(back.getRGB(x, y)).isEqualTo(drawn.getRGB(x, y));
                        ink++;
                    }
                }
            }
            assertThat(ink).as("solid ink pixels").isGreaterThan(500);
        }
    }
}
