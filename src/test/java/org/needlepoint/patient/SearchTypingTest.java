package org.needlepoint.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search screen's rules without a window: a keystroke cancels the search before it; the line above the list. */
class SearchTypingTest {

    @Test
    void eachKeystrokeCancelsTheSearchBeforeItAndOnlyTheLastIsCurrent() {
        SearchTyping typing = new SearchTyping();
        SearchTyping.Run b = typing.start();
        assertThat(typing.isCurrent(b)).isTrue();
        assertThat(b.cancel().isCancelled()).isFalse();

        SearchTyping.Run ba = typing.start();
        assertThat(b.cancel().isCancelled()).as("the keystroke before").isTrue();
        assertThat(typing.isCurrent(b)).isFalse();
        assertThat(typing.isCurrent(ba)).isTrue();
        assertThat(ba.generation()).isGreaterThan(b.generation());

        typing.stop(); // the box was cleared
        assertThat(ba.cancel().isCancelled()).isTrue();
        assertThat(typing.isCurrent(ba)).isFalse();
        SearchTyping.Run again = typing.start();
        assertThat(typing.isCurrent(again)).isTrue();
        assertThat(again.cancel().isCancelled()).isFalse();
    }

    @Test
    void theLineSaysHowManyOfHowMany() {
        assertThat(SearchTyping.hint(1, false, null)).isEqualTo("1 patient. ↓ moves to the results, Enter opens.");
        assertThat(SearchTyping.hint(14, false, null)).startsWith("14 patients.");
        assertThat(SearchTyping.hint(100, true, null))
                .isEqualTo("The first 100 matches (counting the rest…) — keep typing to narrow the list.");
        assertThat(SearchTyping.hint(100, true, 4812L)).startsWith("100 of 4,812 — keep typing to narrow the list.");
        assertThat(SearchTyping.hint(100, true, 10_000L)).startsWith("100 of 10,000 — keep typing");
        assertThat(SearchTyping.hint(100, true, 10_001L)).startsWith("100 of more than 10,000 — keep typing");
    }
}
