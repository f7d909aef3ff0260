package dev.nex.jakarta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.NormalScope;

/**
 * One instance per page: created on first use, shared by every request of that page (the full-page request and
 * all its htmx actions), isolated from other pages and tabs, destroyed when the page ends (expiry, eviction,
 * session end, unload, undeploy), with {@code @PreDestroy} run exactly once.
 * <pre>{@code
 * @PageScoped
 * public class Counter implements Serializable {
 *     private int count;
 *     public int increment() { return ++count; }
 *     public int getCount() { return count; }
 * }
 *
 * @Controller @Path("counter") @RequestScoped
 * public class CounterController {
 *     @Inject Counter counter;
 *     @POST @Path("increment") public String increment() { counter.increment(); return "counter.jsp"; }
 * }
 * }</pre>
 * The scope is passivating, so beans must be {@link java.io.Serializable}. Parallel htmx requests of one page
 * share the instance: guard mutable state as for any shared bean. Lifecycle events:
 * {@code @Initialized(PageScoped.class)}, {@code @BeforeDestroyed(PageScoped.class)} and
 * {@code @Destroyed(PageScoped.class)}, each with a {@link PageEvent} payload.
 */
@NormalScope(passivating = true)
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface PageScoped {
}
