package dev.nex.jakarta;

/**
 * MicroProfile Config keys of Nex, with their defaults. Set them in {@code META-INF/microprofile-config.properties},
 * system properties or environment variables ({@code nex.page.ttl} is {@code NEX_PAGE_TTL}).
 * <pre>{@code
 * # META-INF/microprofile-config.properties
 * nex.page.ttl=PT30M
 * nex.page.max-per-session=16
 * nex.page.expired=refresh
 * }</pre>
 * An invalid value fails the deployment with a message that names the key.
 */
public final class NexConfig {

    /** Idle time after which a page ends (ISO-8601 duration, sliding). Default {@value #DEFAULT_PAGE_TTL}. */
    public static final String PAGE_TTL = "nex.page.ttl";
    /** Default of {@link #PAGE_TTL}. */
    public static final String DEFAULT_PAGE_TTL = "PT1H";

    /** Interval of the timer that removes expired pages (ISO-8601 duration). Default {@value #DEFAULT_SWEEP_INTERVAL}. */
    public static final String SWEEP_INTERVAL = "nex.page.sweep-interval";
    /** Default of {@link #SWEEP_INTERVAL}. */
    public static final String DEFAULT_SWEEP_INTERVAL = "PT5M";

    /**
     * How long a request waits for its turn at a page's {@code @PageScoped} beans in cluster mode (ISO-8601
     * duration): requests of one page that use its beans take turns across the cluster, and one that waits longer
     * is answered 503 with {@code Retry-After}. Default {@value #DEFAULT_PAGE_LOCK_TIMEOUT}.
     */
    public static final String PAGE_LOCK_TIMEOUT = "nex.page.lock-timeout";
    /** Default of {@link #PAGE_LOCK_TIMEOUT}. */
    public static final String DEFAULT_PAGE_LOCK_TIMEOUT = "PT10S";

    /** Live pages per HTTP session before the least recently used ends. Default {@value #DEFAULT_MAX_PER_SESSION}. */
    public static final String MAX_PER_SESSION = "nex.page.max-per-session";
    /** Default of {@link #MAX_PER_SESSION}. */
    public static final int DEFAULT_MAX_PER_SESSION = 32;

    /** Live pages per application before the least recently used ends. Default {@value #DEFAULT_MAX_TOTAL}. */
    public static final String MAX_TOTAL = "nex.page.max-total";
    /** Default of {@link #MAX_TOTAL}. */
    public static final int DEFAULT_MAX_TOTAL = 100_000;

    /**
     * What an action on an unknown or expired page does: {@code reset} (run against empty state) or
     * {@code refresh} (do not run; answer {@code HX-Refresh: true}). Default {@value #DEFAULT_PAGE_EXPIRED}.
     */
    public static final String PAGE_EXPIRED = "nex.page.expired";
    /** Default of {@link #PAGE_EXPIRED}. */
    public static final String DEFAULT_PAGE_EXPIRED = "reset";

    /** Request header carrying the page id on htmx requests. Default {@value #DEFAULT_PAGE_HEADER}. */
    public static final String PAGE_HEADER = "nex.page.header";
    /** Default of {@link #PAGE_HEADER}. */
    public static final String DEFAULT_PAGE_HEADER = "X-Nex-Page-Id";

    /** Default layout view wrapping full pages; none if absent. */
    public static final String LAYOUT = "nex.layout";

    /** Whether the page script is injected before {@code </body>} of full pages. Default {@code true}. */
    public static final String SCRIPT_INJECT = "nex.script.inject";

    /** Whether the page script ends a page with a beacon when its tab goes away. Default {@code true}. */
    public static final String UNLOAD_BEACON = "nex.unload-beacon";

    /**
     * HTTP statuses whose responses htmx swaps into the target like a success (htmx swaps no 4xx or 5xx by itself),
     * comma-separated. Default {@value #DEFAULT_SWAP_STATUSES}: an action answers a form with its errors as 422.
     * <pre>{@code
     * # also swap 409 Conflict answers
     * nex.swap-statuses=422,409
     * }</pre>
     */
    public static final String SWAP_STATUSES = "nex.swap-statuses";
    /** Default of {@link #SWAP_STATUSES}. */
    public static final String DEFAULT_SWAP_STATUSES = "422";

    /**
     * Largest part of a {@code multipart/form-data} request, its headers included (SPEC 11.4): a bigger part is
     * refused with 413 while it arrives, before the action runs. A size in bytes, or with a unit {@code KB},
     * {@code MB} or {@code GB} (powers of 1024). Default {@value #DEFAULT_UPLOAD_MAX_SIZE}.
     * <pre>{@code
     * nex.upload.max-size=2MB
     * }</pre>
     */
    public static final String UPLOAD_MAX_SIZE = "nex.upload.max-size";
    /** Default of {@link #UPLOAD_MAX_SIZE}. */
    public static final String DEFAULT_UPLOAD_MAX_SIZE = "10MB";

    /**
     * Largest {@code multipart/form-data} request body, all parts together; refused with 413 like a part over
     * {@link #UPLOAD_MAX_SIZE}, at once when its {@code Content-Length} says so. Default
     * {@value #DEFAULT_UPLOAD_MAX_REQUEST_SIZE}.
     */
    public static final String UPLOAD_MAX_REQUEST_SIZE = "nex.upload.max-request-size";
    /** Default of {@link #UPLOAD_MAX_REQUEST_SIZE}. */
    public static final String DEFAULT_UPLOAD_MAX_REQUEST_SIZE = "50MB";

    /**
     * Where page state lives: {@code memory} (this JVM; the default), {@code jcache} (a JSR-107 cache, such as
     * Payara's Hazelcast) or {@code infinispan} (a WildFly Infinispan cache), the last two shared by every node of
     * a cluster. Default {@value #DEFAULT_STORE}.
     * <pre>{@code
     * # META-INF/microprofile-config.properties of a WAR for a Payara cluster
     * nex.store=jcache
     * }</pre>
     */
    public static final String STORE = "nex.store";
    /** Default of {@link #STORE}. */
    public static final String DEFAULT_STORE = "memory";

    /** Name of the JCache cache holding page state ({@code nex.store=jcache}). Default {@value #DEFAULT_JCACHE_CACHE}. */
    public static final String JCACHE_CACHE = "nex.store.jcache.cache";
    /** Default of {@link #JCACHE_CACHE}. */
    public static final String DEFAULT_JCACHE_CACHE = "nex-pages";

    /**
     * JNDI name of the JCache {@code CacheManager} ({@code nex.store=jcache}); {@code default} takes the one of
     * {@code Caching.getCachingProvider()}. Default {@value #DEFAULT_JCACHE_MANAGER} (Payara's Hazelcast).
     */
    public static final String JCACHE_MANAGER = "nex.store.jcache.manager";
    /** Default of {@link #JCACHE_MANAGER}. */
    public static final String DEFAULT_JCACHE_MANAGER = "payara/CacheManager";

    /**
     * JNDI name of the Infinispan cache holding page state ({@code nex.store=infinispan}), defined in the server's
     * configuration. Default {@value #DEFAULT_INFINISPAN_CACHE}.
     */
    public static final String INFINISPAN_CACHE = "nex.store.infinispan.cache";
    /** Default of {@link #INFINISPAN_CACHE}. */
    public static final String DEFAULT_INFINISPAN_CACHE = "java:jboss/infinispan/cache/nex/pages";

    /**
     * Pushed events a page keeps for its stream (SPEC 12.2): those sent while no stream is open, and the last ones
     * delivered, which a reconnecting stream asks for again ({@code Last-Event-ID}). Beyond it the oldest are
     * dropped and counted. Default {@value #DEFAULT_PUSH_BUFFER}.
     */
    public static final String PUSH_BUFFER = "nex.push.buffer";
    /** Default of {@link #PUSH_BUFFER}. */
    public static final int DEFAULT_PUSH_BUFFER = 32;

    /**
     * Event streams one HTTP session may hold open on one server (SPEC 12.3); one more is refused with 429. A
     * page has at most one: its reconnect replaces its stream. Default {@value #DEFAULT_PUSH_MAX_PER_SESSION}.
     */
    public static final String PUSH_MAX_PER_SESSION = "nex.push.max-per-session";
    /** Default of {@link #PUSH_MAX_PER_SESSION}. */
    public static final int DEFAULT_PUSH_MAX_PER_SESSION = 16;

    /**
     * How often an idle event stream gets a heartbeat comment (ISO-8601 duration), so that proxies keep it open
     * and a browser that went away is noticed (SPEC 12.3). Default {@value #DEFAULT_PUSH_HEARTBEAT}.
     */
    public static final String PUSH_HEARTBEAT = "nex.push.heartbeat";
    /** Default of {@link #PUSH_HEARTBEAT}. */
    public static final String DEFAULT_PUSH_HEARTBEAT = "PT20S";

    private NexConfig() {
    }
}
