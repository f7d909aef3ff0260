package dev.nex.jakarta.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** SPEC 8: defaults, parsing, and a message naming every bad key. */
class NexSettingsTest {

    private static NexSettings load(Map<String, String> values) {
        return NexSettings.load(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsAreTheSpecs() {
        NexSettings settings = load(Map.of());
        assertEquals(Duration.ofHours(1), settings.pageTtl());
        assertEquals(Duration.ofMinutes(5), settings.sweepInterval());
        assertEquals(32, settings.maxPerSession());
        assertEquals(100_000, settings.maxTotal());
        assertEquals(ExpiredPagePolicy.RESET, settings.expiredPolicy());
        assertEquals("X-Nex-Page-Id", settings.pageHeader());
        assertEquals(Optional.empty(), settings.layout());
        assertTrue(settings.scriptInject());
        assertTrue(settings.unloadBeacon());
        assertEquals(List.of(422), settings.swapStatuses());
        assertEquals(StoreKind.MEMORY, settings.store());
        assertEquals("nex-pages", settings.jcacheCache());
        assertEquals("payara/CacheManager", settings.jcacheManager());
        assertEquals("java:jboss/infinispan/cache/nex/pages", settings.infinispanCache());
        assertEquals(10L << 20, settings.uploadMaxSize());
        assertEquals(50L << 20, settings.uploadMaxRequestSize());
    }

    @Test
    void uploadLimitsAreSizesInBytesOrWithAUnit() { // SPEC 11.4
        assertEquals(512, load(Map.of("nex.upload.max-size", "512")).uploadMaxSize());
        assertEquals(64 << 10, load(Map.of("nex.upload.max-size", " 64kb")).uploadMaxSize());
        assertEquals(2L << 30, load(Map.of("nex.upload.max-request-size", "2 GB")).uploadMaxRequestSize());
        for (String bad : new String[]{"0", "-1", "10 MiB", "1.5MB", "MB", "9999999999"}) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> load(Map.of("nex.upload.max-size", bad)), bad);
            assertTrue(failure.getMessage().contains("nex.upload.max-size='" + bad + "'"), failure.getMessage());
        }
    }

    @Test
    void gridStoresAreChosenByName() { // SPEC 10.1
        assertEquals(StoreKind.JCACHE, load(Map.of("nex.store", "JCache")).store());
        assertEquals(StoreKind.INFINISPAN, load(Map.of("nex.store", " infinispan ")).store());
        assertEquals("java:jboss/infinispan/cache/web/pages",
                load(Map.of("nex.store.infinispan.cache", "java:jboss/infinispan/cache/web/pages")).infinispanCache());
    }

    @Test
    void valuesAreParsedLeniantlyAsToCaseAndSpace() {
        NexSettings settings = load(Map.of("nex.page.ttl", " PT30M ", "nex.page.expired", "Refresh",
                "nex.page.max-per-session", "4", "nex.layout", "layout.jsp", "nex.unload-beacon", "FALSE"));
        assertEquals(Duration.ofMinutes(30), settings.pageTtl());
        assertEquals(ExpiredPagePolicy.REFRESH, settings.expiredPolicy());
        assertEquals(4, settings.maxPerSession());
        assertEquals(Optional.of("layout.jsp"), settings.layout());
        assertFalse(settings.unloadBeacon());
    }

    @Test
    void swapStatusesAreAListOfHttpStatuses() { // SPEC 11.2
        assertEquals(List.of(422, 409), load(Map.of("nex.swap-statuses", " 422, 409")).swapStatuses());
        for (String bad : new String[]{"422;409", "four", "99", "600", "422,"}) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> load(Map.of("nex.swap-statuses", bad)), bad);
            assertTrue(failure.getMessage().contains("nex.swap-statuses='" + bad + "'"), failure.getMessage());
        }
    }

    @Test
    void everyBadKeyIsNamedInOneFailure() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> load(Map.of(
                "nex.page.ttl", "an hour", "nex.page.sweep-interval", "PT0S", "nex.page.max-per-session", "0",
                "nex.page.max-total", "lots", "nex.page.expired", "ignore", "nex.page.header", "X Page",
                "nex.script.inject", "yes", "nex.store", "redis", "nex.store.jcache.cache", " ")));
        for (String key : new String[]{"nex.page.ttl", "nex.page.sweep-interval", "nex.page.max-per-session",
                "nex.page.max-total", "nex.page.expired", "nex.page.header", "nex.script.inject", "nex.store",
                "nex.store.jcache.cache"}) {
            assertTrue(failure.getMessage().contains(key + "="), () -> key + " in: " + failure.getMessage());
        }
    }
}
