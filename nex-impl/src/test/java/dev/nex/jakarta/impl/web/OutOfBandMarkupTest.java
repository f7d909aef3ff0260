package dev.nex.jakarta.impl.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SPEC 11.3: where an out-of-band fragment gets its mark. */
class OutOfBandMarkupTest {

    @Test
    void theFirstElementIsMarkedAfterItsName() {
        assertEquals("\n<span hx-swap-oob=\"true\" id=\"badge\">2</span>",
                OutOfBandMarkup.mark("\n<span id=\"badge\">2</span>", "true", "badge.jsp"));
        assertEquals("<li hx-swap-oob=\"beforeend:#log\">x</li><li>y</li>",
                OutOfBandMarkup.mark("<li>x</li><li>y</li>", "beforeend:#log", "log.jsp"));
    }

    @Test
    void commentsAndDeclarationsBeforeItAreSkipped() {
        assertEquals("<!-- <b> --><?xml version=\"1.0\"?> a < b <p hx-swap-oob=\"true\">",
                OutOfBandMarkup.mark("<!-- <b> --><?xml version=\"1.0\"?> a < b <p>", "true", "v"));
    }

    @Test
    void anElementTheViewMarkedItselfIsLeftAsItIs() {
        String marked = "<div id=\"a\" hx-swap-oob=\"innerHTML\">x</div>";
        assertEquals(marked, OutOfBandMarkup.mark(marked, "true", "v"));
    }

    @Test
    void theSwapIsEscaped() {
        assertEquals("<p hx-swap-oob=\"&quot;&gt;\">", OutOfBandMarkup.mark("<p>", "\">", "v"));
    }

    @Test
    void aViewWithoutAnElementIsAnError() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> OutOfBandMarkup.mark("just text <!-- <p> -->", "true", "empty.jsp"));
        assertTrue(failure.getMessage().contains("empty.jsp"), failure.getMessage());
    }
}
