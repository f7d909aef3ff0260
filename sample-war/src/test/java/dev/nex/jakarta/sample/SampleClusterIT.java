package dev.nex.jakarta.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.nex.jakarta.tck.cluster.ClusterLauncher;
import dev.nex.jakarta.tck.cluster.ClusterNode;
import dev.nex.jakarta.tck.cluster.RoundRobinProxy;
import dev.nex.jakarta.testing.Browser;

/**
 * SPEC 10.2 and 12.4 as a visitor sees them: the packaged sample on a two-node cluster of the server's data grid,
 * in Chromium with real htmx, behind a load balancer without sticky sessions. Pages work as on one server.
 */
class SampleClusterIT {

    private static List<ClusterNode> nodes;

    @BeforeAll
    static void startCluster() throws Exception {
        WebArchive sample = ShrinkWrap.create(ZipImporter.class, "nex-sample.war")
                .importFrom(new File(System.getProperty("sample.war"))).as(WebArchive.class);
        nodes = ClusterLauncher.configured().start(sample, "");
    }

    @AfterAll
    static void stopCluster() {
        if (nodes != null) {
            nodes.forEach(ClusterNode::close);
        }
    }

    // SPEC 10.2: every request goes to the other node
    @Test
    void cartWorksWhenEveryRequestGoesToTheOtherNode() throws Exception {
        try (RoundRobinProxy proxy = RoundRobinProxy.start(nodes.get(0).base(), nodes.get(1).base());
             Browser browser = Browser.open()) {
            browser.get(proxy.base().toURL(), "cart");
            SampleIT.add(browser, "apple", "bread", "cheese");
            assertEquals(List.of("apple", "bread", "cheese"), SampleIT.items(browser));
            browser.driver().findElements(By.cssSelector("#cart-items .remove")).get(1).click();
            SampleIT.waitForItems(browser, List.of("apple", "cheese"));
            assertTrue(proxy.forwardedTo(0) >= 3 && proxy.forwardedTo(1) >= 3,
                    "both nodes served the page: " + proxy.forwardedTo(0) + " and " + proxy.forwardedTo(1));

            String page = SampleIT.pageId(browser);
            browser.driver().navigate().refresh();
            browser.find(By.id("cart-items"));
            assertEquals(List.of(), SampleIT.items(browser), "a refresh starts a fresh cart, on any node");
            assertNotEquals(page, SampleIT.pageId(browser));
        }
    }

    // SPEC 12.4: an event sent on one node reaches the stream held by the other, in order
    @Test
    void importRunningOnOneNodeFillsTheProgressBarStreamedFromTheOther() throws Exception {
        try (RoundRobinProxy proxy = RoundRobinProxy.start(nodes.get(0).base(), nodes.get(1).base());
             Browser browser = Browser.open()) {
            proxy.pin("/nex/events", 0);
            proxy.pin("/import/start", 1);
            SampleIT.importFillsTheProgressBarOfItsOwnTab(browser, proxy.base().toURL());
        }
    }
}
