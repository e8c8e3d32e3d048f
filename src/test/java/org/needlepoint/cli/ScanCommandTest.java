package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.testing.MutableClock;

/** scan with its standard input given directly, and its JSON. */
class ScanCommandTest {
    private static CliRun scan(InputStream in, String... args) {
        return CliRun.capture((o, e) -> new ScanCommand(o, e, in, MutableClock.morning()).run(List.of(args)));
    }

    private static InputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void standardInputAsAScannerSendsIt() {
        CliRun r = scan(stdin("]d20109506000134352" + "17280200" + "10L(1)" + "\u001D" + "21SN-9\r\n"), "-");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"gtin\":\"09506000134352\",\"lot\":\"L(1)\",\"expiry\":\"2028-02-29\","
                + "\"serial\":\"SN-9\",\"productionDate\":null}" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void emptyOrTwoLineStandardInputIsRefused() {
        CliRun empty = scan(stdin(""), "-");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).startsWith("Nothing was scanned");

        CliRun two = scan(stdin("(01)09506000134352(10)A\n(01)09506000134352(10)B\n"), "-");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).contains("line break").contains("one pack at a time");
        assertThat(two.out()).isEmpty();
    }

    @Test
    void endlessStandardInputIsCutAndRefused() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '9';
            }
        };
        CliRun r = scan(endless, "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("too long");
    }

    @Test
    void anUnreadableStandardInputExitsOne() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        CliRun r = scan(broken, "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Cannot read standard input: device gone" + System.lineSeparator());
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertThat(ScanCommand.string("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(ScanCommand.string("\n\r\t\u0001\u007F\u2028")).isEqualTo("\"\\n\\r\\t\\u0001\\u007f\\u2028\"");
        assertThat(ScanCommand.string(null)).isEqualTo("null");
        assertThat(ScanCommand.json(new Gs1Code("09506000134352", LocalDate.of(2027, 1, 31), null, "S\"1", null)))
                .isEqualTo("{\"gtin\":\"09506000134352\",\"lot\":null,\"expiry\":\"2027-01-31\",\"serial\":\"S\\\"1\","
                        + "\"productionDate\":null}");
    }
}
