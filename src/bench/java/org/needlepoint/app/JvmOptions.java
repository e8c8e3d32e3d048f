package org.needlepoint.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options the app runs with. Their one source is the {@code needlepoint.jvm.options}
 * property in pom.xml: {@code mvn javafx:run} passes it to the app's JVM, and Maven copies it into
 * the benchmark's filtered resource {@code org/needlepoint/app/jvm.options} (src/bench/resources),
 * which this class reads for the benchmark's child JVMs. Why these options: README, "Performance".
 */
public final class JvmOptions {
    static final String RESOURCE = "/org/needlepoint/app/jvm.options";
    static final String SERVER_RESOURCE = "/org/needlepoint/app/server.jvm.options";

    private JvmOptions() {
    }

    /** The options, in order; fails if the resource is missing or was not filtered by Maven. */
    public static List<String> list() {
        return read(RESOURCE);
    }

    /**
     * What the clinic server's launcher adds after {@link #list()} ({@code needlepoint.server.jvm.options}: a
     * server's heap; the installer's NeedlepointServer launcher passes both).
     */
    public static List<String> server() {
        return read(SERVER_RESOURCE);
    }

    private static List<String> read(String resource) {
        try (InputStream in = JvmOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.contains("${")) {
                throw new IllegalStateException(resource + " was not filtered by Maven: " + text);
            }
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
