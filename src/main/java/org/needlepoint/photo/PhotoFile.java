package org.needlepoint.photo;

/** A photo with its original's bytes, exactly as imported: what an export that includes the photo is given. */
public record PhotoFile(Photo photo, byte[] bytes) {
}
