package org.needlepoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final char[] PASSWORD = "correct-horse-1".toCharArray();
    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void theDefaultStoresPbkdf2Sha256WithTheOwaspFactor() {
        // The one slow test (about half a second): the production work factor.
        PasswordHasher production = new PasswordHasher();
        String stored = production.hash(PASSWORD);

        assertThat(stored).startsWith("pbkdf2-sha256$600000$");
        String[] parts = stored.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(Base64.getDecoder().decode(parts[2])).as("salt").hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).as("hash").hasSize(32);
        assertThat(production.verify(PASSWORD, stored)).isTrue();
    }

    @Test
    void verifiesTheRightPasswordAndRefusesAWrongOne() {
        String stored = fast.hash(PASSWORD);
        assertThat(stored).startsWith("pbkdf2-sha256$1000$");
        assertThat(fast.verify("correct-horse-1".toCharArray(), stored)).isTrue();
        assertThat(fast.verify("correct-horse-2".toCharArray(), stored)).isFalse();
        assertThat(fast.verify("Correct-horse-1".toCharArray(), stored)).isFalse();
        assertThat(fast.verify(new char[0], stored)).isFalse();
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        String a = fast.hash(PASSWORD);
        String b = fast.hash(PASSWORD);
        assertThat(a.split("\\$")[2]).isNotEqualTo(b.split("\\$")[2]);
        assertThat(a).isNotEqualTo(b);
        assertThat(fast.verify(PASSWORD, a)).isTrue();
        assertThat(fast.verify(PASSWORD, b)).isTrue();
    }

    @Test
    void aHashMadeWithAnotherFactorStillVerifies() {
        String older = new PasswordHasher(500).hash(PASSWORD);
        assertThat(fast.verify(PASSWORD, older)).isTrue();
        assertThat(fast.verify("nope-nope".toCharArray(), older)).isFalse();
    }

    @Test
    void aMissingOrDamagedStoredHashNeverVerifies() {
        String good = fast.hash(PASSWORD);
        String[] p = good.split("\\$");
        assertThat(fast.verify(PASSWORD, null)).isFalse();
        assertThat(fast.verify(PASSWORD, "")).isFalse();
        assertThat(fast.verify(PASSWORD, "plain-text-password")).isFalse();
        assertThat(fast.verify(PASSWORD, "md5$1000$" + p[2] + "$" + p[3])).as("other algorithm").isFalse();
        assertThat(fast.verify(PASSWORD, p[0] + "$many$" + p[2] + "$" + p[3])).as("bad factor").isFalse();
        assertThat(fast.verify(PASSWORD, p[0] + "$0$" + p[2] + "$" + p[3])).as("zero factor").isFalse();
        assertThat(fast.verify(PASSWORD, p[0] + "$1000$" + "not*base64!" + "$" + p[3])).as("bad salt").isFalse();
        assertThat(fast.verify(PASSWORD, p[0] + "$1000$" + p[2])).as("no hash").isFalse();
    }
}
