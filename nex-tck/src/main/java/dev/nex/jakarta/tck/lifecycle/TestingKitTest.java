package dev.nex.jakarta.tck.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nex.jakarta.testing.NexClient;
import dev.nex.jakarta.testing.NexPage;
import dev.nex.jakarta.testing.NexResponse;

/**
 * Nex's testing kit ({@code nex-testing}) against a real server: what its page client sends is what a tab's htmx
 * and page script send, and what it reads from an answer is what htmx would swap.
 */
@ExtendWith(ArquillianExtension.class)
class TestingKitTest {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LifecycleDeployment.create();
    }

    // SPEC 2, 3.2, 7.6: the kit's actions carry their page's id and CSRF token: each page goes on, tabs stay apart
    @Test
    void actionsOfTheKitContinueTheirOwnPage() {
        NexClient client = NexClient.at(base);
        NexPage first = client.open("app/counter");
        NexPage second = client.open("app/counter");
        assertNotEquals(first.id(), second.id());
        assertEquals("1", increment(first));
        assertEquals("2", increment(first));
        assertEquals("1", increment(second), "another tab of the same session");
    }

    // SPEC 11.3: the main fragment is read without its out-of-band parts; each part is found by its target
    @Test
    void answerIsReadAsMainFragmentAndOutOfBandParts() {
        NexPage cart = NexClient.at(base).open("app/cart");
        NexResponse added = cart.post("app/cart/add_item_everywhere", Map.of("item", "tea")).assertStatus(200);
        assertEquals(1, added.fragment().children().size(), added.body());
        assertEquals(List.of("tea"), added.fragment().select("#cart-items li").eachText());
        assertEquals(2, added.outOfBand().size());
        assertEquals("1", added.outOfBand("cart-count").text());
        assertEquals("tea", added.outOfBand("cart-log").text(), "found by its swap's target, beforeend:#cart-log");
        assertThrows(AssertionError.class, () -> added.outOfBand("cart-items"), "the main fragment is not one");
    }

    // SPEC 7.4: directives are the answer's HX-* headers
    @Test
    void directivesAreTheAnswersHtmxHeaders() {
        NexPage page = NexClient.at(base).open("app/counter");
        NexResponse swapped = page.post("app/directives/swap", Map.of()).assertStatus(200);
        Map<String, String> directives = swapped.directives();
        assertEquals(3, directives.size(), directives::toString);
        assertEquals("#other", directives.get("HX-Retarget"));
        assertEquals("innerHTML", directives.get("HX-Reswap"));
        assertEquals("#part", directives.get("HX-Reselect"));
        assertEquals("#other", swapped.directive("hx-retarget").orElseThrow(), "names are case-insensitive");
        assertThrows(IllegalArgumentException.class, () -> swapped.directive("Location"), "not a directive");
    }

    // SPEC 11.5: a plain form is sent as a browser sends it, its hidden fields (the CSRF token) included
    @Test
    void plainFormIsSubmittedWithItsHiddenFields() {
        NexClient client = NexClient.at(base);
        NexPage form = client.open("app/signup/plain");
        NexResponse posted = form.submit("#plain-signup", Map.of("name", "Ada")).assertStatus(303);
        NexPage landed = client.open(posted.header("Location").orElseThrow());
        assertEquals("Welcome Ada", landed.document().select("#flash").text());
        assertThrows(AssertionError.class, () -> form.submit("#no-such-form", Map.of()));
    }

    // SPEC 6.6, 3.4: end() ends the page as the unload beacon does, expired() stands for a page that expired: the
    // next action of either starts the page over (nex.page.expired=reset), and no other page is touched
    @Test
    void endedAndExpiredPagesStartOver() {
        NexPage counter = NexClient.at(base).open("app/counter");
        assertEquals("1", increment(counter));
        assertEquals("2", increment(counter));
        NexPage expired = counter.expired();
        assertNotEquals(counter.id(), expired.id());
        assertEquals(counter.id().length(), expired.id().length());
        assertEquals("1", increment(expired), "an id the server never minted is an expired page");
        assertEquals("3", increment(counter), "the page itself went on");
        counter.end();
        assertEquals("1", increment(counter), "the ended page started over");
    }

    private static String increment(NexPage page) {
        return page.post("app/counter/increment", Map.of()).assertStatus(200).fragment().select("#count").text();
    }
}
