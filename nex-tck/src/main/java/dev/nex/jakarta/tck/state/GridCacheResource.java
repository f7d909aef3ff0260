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
 * Closes this node's JCache cache of page state ({@code nex.store=jcache}), as a member that lost its cache
 * would have it: for the readiness test (SPEC 9), the last test of a cluster run.
 */
@Path("grid-cache")
@RequestScoped
public class GridCacheResource {

    @POST
    @Path("close")
    @Produces(MediaType.TEXT_PLAIN)
    public String close() throws NamingException {
        Config config = ConfigProvider.getConfig();
        String managerName = config.getOptionalValue(NexConfig.JCACHE_MANAGER, String.class)
                .orElse(NexConfig.DEFAULT_JCACHE_MANAGER);
        String cacheName = config.getOptionalValue(NexConfig.JCACHE_CACHE, String.class)
                .orElse(NexConfig.DEFAULT_JCACHE_CACHE);
        CacheManager manager = managerName.equals("default") ? Caching.getCachingProvider().getCacheManager()
                : (CacheManager) new InitialContext().lookup(managerName);
        manager.getCache(cacheName, String.class, String.class).close();
        return "closed";
    }
}
