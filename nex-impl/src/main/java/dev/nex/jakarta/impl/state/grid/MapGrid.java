package dev.nex.jakarta.impl.state.grid;

import java.util.concurrent.ConcurrentMap;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import dev.nex.jakarta.NexConfig;

/**
 * A {@link Grid} over a cache that is a {@link ConcurrentMap}, as an Infinispan {@code Cache} is: its conditional
 * writes run on the key's primary owner, atomically for the whole cluster. Used through the JDK interface only,
 * so that the application needs no Infinispan module on its class path.
 */
final class MapGrid implements Grid {

    private final ConcurrentMap<String, String> cache;

    MapGrid(ConcurrentMap<String, String> cache) {
        this.cache = cache;
    }

    /** The Infinispan cache bound at {@code jndiName} ({@code nex.store=infinispan}). */
    static Grid infinispan(String jndiName) {
        Object cache;
        try {
            cache = new InitialContext().lookup(jndiName);
        } catch (NamingException | RuntimeException e) {
            throw new GridUnavailableException("nex.store=infinispan: no Infinispan cache is bound at '" + jndiName
                    + "'. Define a <distributed-cache> in a <cache-container> of the server's infinispan subsystem, "
                    + "and reference it from WEB-INF/web.xml with a <resource-env-ref> whose <lookup-name> is '"
                    + jndiName + "': WildFly starts a cache only for a deployment that declares it "
                    + "(docs/deployment.md, Clusters). Another cache: set " + NexConfig.INFINISPAN_CACHE, e);
        }
        if (!(cache instanceof ConcurrentMap<?, ?>)) {
            throw new GridUnavailableException("nex.store=infinispan: '" + jndiName + "' is a "
                    + cache.getClass().getName() + ", not an Infinispan cache (set " + NexConfig.INFINISPAN_CACHE + ")",
                    null);
        }
        @SuppressWarnings("unchecked")
        ConcurrentMap<String, String> map = (ConcurrentMap<String, String>) cache;
        return new MapGrid(map);
    }

    @Override
    public String get(String key) {
        return cache.get(key);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
        return cache.putIfAbsent(key, value) == null;
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
        return cache.keySet();
    }
}
