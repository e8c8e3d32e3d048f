package org.needlepoint.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build of Needlepoint, as Maven packaged it; "development" when run from the classes folder. */
public final class AppVersion {
    private static final String POM = "/META-INF/maven/org.needlepoint/needlepoint/pom.properties";

    private AppVersion() {
    }

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) {
            return v;
        }
        try (InputStream in = AppVersion.class.getResourceAsStream(POM)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String fromPom = p.getProperty("version");
                if (fromPom != null && !fromPom.isBlank()) {
                    return fromPom.strip();
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "development";
    }
}
