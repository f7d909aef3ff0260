package dev.nex.jakarta.impl.state.grid;

import java.util.Iterator;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import dev.nex.jakarta.NexConfig;

/**
 * A {@link Grid} over a JSR-107 cache (Payara's Hazelcast, or any provider the application brings). Only this
 * class names JCache types: on a server without the JCache API it is never loaded.
 */
final class JCacheGrid implements Grid {

    private final Cache<String, String> cache;

    JCacheGrid(Cache<String, String> cache) {
        this.cache = cache;
    }

    /** Cache {@code cacheName} of the manager bound at {@code managerJndiName}, created if absent. */
    static Grid open(String managerJndiName, String cacheName) {
        CacheManager manager = cacheManager(managerJndiName);
        try {
            Cache<String, String> cache = manager.getCache(cacheName, String.class, String.class);
            if (cache == null) {
                try {
                    cache = manager.createCache(cacheName, new MutableConfiguration<String, String>()
                            .setTypes(String.class, String.class).setStoreByValue(true));
                } catch (CacheException createdMeanwhile) { // by another node or deployment
                    cache = manager.getCache(cacheName, String.class, String.class);
                }
            }
            return new JCacheGrid(cache);
        } catch (RuntimeException e) {
            throw new GridUnavailableException("nex.store=jcache: cache '" + cacheName + "' of " + manager.getURI()
                    + " cannot hold String keys and values (set " + NexConfig.JCACHE_CACHE + ")", e);
        }
    }

    private static CacheManager cacheManager(String jndiName) {
        try {
            if (jndiName.equals("default")) {
                return Caching.getCachingProvider().getCacheManager();
            }
            return (CacheManager) new InitialContext().lookup(jndiName);
        } catch (NamingException | RuntimeException e) {
            throw new GridUnavailableException("nex.store=jcache: no JCache CacheManager at '" + jndiName
                    + "'. Payara binds its Hazelcast one at 'payara/CacheManager'; on other servers add a JSR-107 "
                    + "provider to the application and set " + NexConfig.JCACHE_MANAGER + "=default", e);
        }
    }

    @Override
    public String get(String key) {
        return cache.get(key);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(String key, String expected, String value) {
        return cache.replace(key, expected, value);
    }

    @Override
    public boolean remove(String key, String expected) {
        return cache.remove(key, expected);
    }

    @Override
    public Iterable<String> keys() {
        return () -> new Iterator<>() {
            private final Iterator<Cache.Entry<String, String>> entries = cache.iterator();

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public String next() {
                return entries.next().getKey();
            }
        };
    }
}
