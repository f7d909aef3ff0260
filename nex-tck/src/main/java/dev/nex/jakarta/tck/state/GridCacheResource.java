package dev.nex.jakarta.tck.state;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.nex.jakarta.NexConfig;

/**
 * Stops this node's cache of page state, as a member that lost its cache would have it: the JCache cache
 * ({@code nex.store=jcache}) is closed, the Infinispan cache ({@code nex.store=infinispan}) stopped. For the
 * readiness test (SPEC 9), the last test of a cluster run.
 */
@Path("grid-cache")
@RequestScoped
public class GridCacheResource {

    @POST
    @Path("close")
    @Produces(MediaType.TEXT_PLAIN)
    public String close() throws Exception {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue(NexConfig.STORE, String.class).orElse("").equals("infinispan")) {
            stopInfinispanCache(config.getOptionalValue(NexConfig.INFINISPAN_CACHE, String.class)
                    .orElse(NexConfig.DEFAULT_INFINISPAN_CACHE));
        } else {
            closeJCacheCache(config);
        }
        return "closed";
    }

    /** Through its {@code Lifecycle.stop()}: the application sees the cache as a {@code ConcurrentMap} only. */
    private static void stopInfinispanCache(String jndiName) throws Exception {
        Object cache = new InitialContext().lookup(jndiName);
        cache.getClass().getMethod("stop").invoke(cache);
    }

    private static void closeJCacheCache(Config config) throws NamingException {
        String managerName = config.getOptionalValue(NexConfig.JCACHE_MANAGER, String.class)
                .orElse(NexConfig.DEFAULT_JCACHE_MANAGER);
        String cacheName = config.getOptionalValue(NexConfig.JCACHE_CACHE, String.class)
                .orElse(NexConfig.DEFAULT_JCACHE_CACHE);
        CacheManager manager = managerName.equals("default") ? Caching.getCachingProvider().getCacheManager()
                : (CacheManager) new InitialContext().lookup(managerName);
        manager.getCache(cacheName, String.class, String.class).close();
    }
}
