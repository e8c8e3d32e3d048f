package org.needlepoint.photo;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image stream over a photo's bytes already in memory. ImageIO's own stream for an InputStream copies it
 * again, into a temporary file when it may (its cache): for a 12-megapixel photo that is megabytes written and
 * read back at every decoding. This one reads the array where it is.
 */
final class BytesImageInput extends ImageInputStreamImpl {
    private final byte[] bytes;

    BytesImageInput(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(len, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }
}
