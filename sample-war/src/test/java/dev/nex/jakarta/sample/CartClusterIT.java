package dev.nex.jakarta.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.nex.jakarta.tck.cluster.ClusterLauncher;
import dev.nex.jakarta.tck.cluster.ClusterNode;
import dev.nex.jakarta.tck.cluster.RoundRobinProxy;
import dev.nex.jakarta.testing.Browser;

/**
 * SPEC 10.2 as a visitor sees it: the packaged sample on a two-node cluster of the server's data grid, behind a
 * load balancer that sends every request to the other node. The cart in Chromium with real htmx works as on one
 * server.
 */
class CartClusterIT {

    @Test
    void cartWorksWhenEveryRequestGoesToTheOtherNode() throws Exception {
        WebArchive sample = ShrinkWrap.create(ZipImporter.class, "nex-sample.war")
                .importFrom(new File(System.getProperty("sample.war"))).as(WebArchive.class);
        List<ClusterNode> nodes = ClusterLauncher.configured().start(sample, "");
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
        } finally {
            nodes.forEach(ClusterNode::close);
        }
    }
}
