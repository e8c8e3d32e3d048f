package org.needlepoint.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void foldRemovesAccentsAndCase() {
        assertThat(Text.fold("José")).isEqualTo("jose");
        assertThat(Text.fold("ZOË")).isEqualTo("zoe");
        assertThat(Text.fold("Ström")).isEqualTo("strom");
        assertThat(Text.fold("Łukasz Øster Straße")).isEqualTo("lukasz oster strase");
        assertThat(Text.fold("  Ann  ")).isEqualTo("ann");
        assertThat(Text.fold(null)).isEmpty();
    }

    @Test
    void phoneDigitsDropFormattingAndTheNorthAmericanCountryCode() {
        assertThat(Text.phoneDigits("(555) 010-2345")).isEqualTo("5550102345");
        assertThat(Text.phoneDigits("+1 555 010 2345")).isEqualTo("5550102345");
        assertThat(Text.phoneDigits("+44 20 7946 0958")).isEqualTo("442079460958");
        assertThat(Text.phoneDigits("25550102345")).as("only a leading 1 is a country code").isEqualTo("25550102345");
        assertThat(Text.phoneDigits(null)).isEmpty();
    }

    @Test
    void cleanTrimsAndTurnsBlankIntoNull() {
        assertThat(Text.clean("  a b ")).isEqualTo("a b");
        assertThat(Text.clean(" \t ")).isNull();
        assertThat(Text.clean(null)).isNull();
    }
}
