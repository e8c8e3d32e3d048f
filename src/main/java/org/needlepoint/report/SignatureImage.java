package org.needlepoint.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A drawn signature (a PNG with transparency) as an image of a PDF: its colours, with its alpha as the soft mask,
 * pixel for pixel what the PNG holds. PDFBox's own {@code PDImageXObject.createFromByteArray} stores the same two
 * images but first tries PNG predictors on every row of the colours (and for a small image, the plain encoding too,
 * keeping the smaller): most of a consent's PDF time at the desk, for a few hundred bytes saved on an image that is
 * one ink on nothing. Here the colours and the alpha are simply deflated.
 */
final class SignatureImage {
    private SignatureImage() {
    }

    static PDImageXObject of(PDDocument doc, byte[] png) throws IOException {
        BufferedImage src = ImageIO.read(new ByteArrayInputStream(png));
        if (src == null) {
            throw new IOException("the signature is not a PNG image");
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int[] argb = src.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[w * h * 3];
        byte[] alpha = new byte[w * h];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            rgb[3 * i] = (byte) (p >>> 16);
            rgb[3 * i + 1] = (byte) (p >>> 8);
            rgb[3 * i + 2] = (byte) p;
            alpha[i] = (byte) (p >>> 24);
        }
        PDImageXObject image = new PDImageXObject(doc, deflated(rgb), COSName.FLATE_DECODE, w, h, 8,
                PDDeviceRGB.INSTANCE);
        if (src.getColorModel().hasAlpha()) {
            image.getCOSObject().setItem(COSName.SMASK, new PDImageXObject(doc, deflated(alpha), COSName.FLATE_DECODE, w,
                    h, 8, PDDeviceGray.INSTANCE));
        }
        return image;
    }

    private static ByteArrayInputStream deflated(byte[] samples) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length / 16);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(samples);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
