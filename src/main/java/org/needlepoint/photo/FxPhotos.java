package org.needlepoint.photo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Decoded photos handed to the screen. A photo decoded by {@link ImageFile} is copied into a JavaFX image in one
 * pass over its pixels (the general conversion draws it into another image first); run it in the background, as
 * the decoding.
 */
final class FxPhotos {
    private FxPhotos() {
    }

    /**
     * {@code img} as a JavaFX image. Its pixels are taken over: {@code img} is not to be used afterwards (an opaque
     * photo's alpha is set in place).
     */
    static Image image(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        WritableImage out = new WritableImage(w, h);
        switch (img.getType()) {
            case BufferedImage.TYPE_INT_RGB -> {
                int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
                if (whole(img, w * h)) {
                    for (int i = 0; i < px.length; i++) {
                        px[i] |= 0xFF000000; // opaque
                    }
                    out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
                    return out;
                }
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                if (whole(img, w * h * 3) && img.getSampleModel() instanceof PixelInterleavedSampleModel) {
                    for (int i = 0; i + 2 < px.length; i += 3) {
                        byte blue = px[i]; // B, G, R -> R, G, B
                        px[i] = px[i + 2];
                        px[i + 2] = blue;
                    }
                    out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteRgbInstance(), px, 0, w * 3);
                    return out;
                }
            }
            default -> {
                // any other layout: the general conversion below
            }
        }
        return SwingFXUtils.toFXImage(img, out);
    }

    /** True when the image's raster is its whole data buffer (not a part of a larger one). */
    private static boolean whole(BufferedImage img, int elements) {
        return img.getRaster().getDataBuffer().getSize() == elements && img.getRaster().getSampleModelTranslateX() == 0
                && img.getRaster().getSampleModelTranslateY() == 0;
    }
}
