package dev.nex.jakarta.tck.state;

import java.util.TreeSet;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.PageStore;

/** Exposes the page state API over HTTP, as plain text, so tests can drive it with real requests. */
@Path("state")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class StateResource {

    static final String NONE = "<none>";

    @Inject
    PageStore store;

    @Inject
    CurrentPage page;

    @Inject
    PageCounter counter;

    /** The store key {@link #holdBean} marks its page with once it holds the bean's turn. */
    static final String HELD = "held";

    @Inject
    LifecycleLog log;

    @Inject
    BeanManager beans;

    @Context
    HttpServletRequest request;

    /** A full page: its "mount" may store {@code put=value} and touch the page bean; answers the page id. */
    @GET
    @Path("page")
    public String page(@QueryParam("put") String key, @QueryParam("value") String value,
                       @QueryParam("bean") boolean bean) {
        if (key != null) {
            store.put(key, value);
        }
        if (bean) {
            counter.increment();
        }
        return page.getId();
    }

    @GET
    @Path("get")
    public String get(@QueryParam("key") String key) {
        return String.valueOf(store.get(key, (Object) NONE));
    }

    @POST
    @Path("put")
    public String put(@FormParam("key") String key, @FormParam("value") String value) {
        store.put(key, value);
        return "ok";
    }

    /** Stores a value that is not Serializable: refused on a data grid (SPEC 4.4), answered with the error. */
    @POST
    @Path("put-unserializable")
    public String putUnserializable(@FormParam("key") String key) {
        try {
            store.put(key, new Object());
            return "stored";
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    /**
     * Stores a value of a class the server provides (JAX-RS's {@code MultivaluedHashMap}, Serializable): a grid
     * hands back only the application's and the JDK's classes (SPEC 10.8), so it is refused at the put.
     */
    @POST
    @Path("put-server-class")
    public String putServerClass(@FormParam("key") String key) {
        try {
            store.put(key, new MultivaluedHashMap<String, String>());
            return "stored";
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    @POST
    @Path("increment")
    public String increment(@FormParam("key") String key) {
        return String.valueOf(store.update(key, 0, n -> n + 1));
    }

    @POST
    @Path("delete")
    public String delete(@FormParam("key") String key) {
        store.delete(key);
        return "ok";
    }

    @GET
    @Path("keys")
    public String keys() {
        return String.join(",", new TreeSet<>(store.keys()));
    }

    @POST
    @Path("clear")
    public String clear() {
        store.clear();
        return "ok";
    }

    @GET
    @Path("bean")
    public String bean() {
        return counter.describe();
    }

    @POST
    @Path("bean/increment")
    public String incrementBean() {
        return String.valueOf(counter.increment());
    }

    /**
     * Increments the page bean, marks the page as held in the store, and keeps the bean's turn for
     * {@code millis} (SPEC 5.6): a slow action, as a report or a payment would be.
     */
    @POST
    @Path("bean/hold")
    public String holdBean(@FormParam("millis") long millis) throws InterruptedException {
        int count = counter.increment();
        store.put(HELD, "since " + count);
        Thread.sleep(millis);
        return String.valueOf(count);
    }

    /** What CDI knows of the scope (SPEC 5.1), and whether its context is active for this request. */
    @GET
    @Path("scope")
    public String scope() {
        boolean active;
        try {
            active = beans.getContext(PageScoped.class).isActive();
        } catch (ContextNotActiveException e) {
            active = false;
        }
        return "normal=" + beans.isNormalScope(PageScoped.class) + ";passivating="
                + beans.isPassivatingScope(PageScoped.class) + ";active=" + active;
    }

    @GET
    @Path("is-new")
    public String isNew() {
        return String.valueOf(page.isNew());
    }

    /** Invalidates the session, then shows the page is still intact for this in-flight request (SPEC 6.8). */
    @POST
    @Path("invalidate")
    public String invalidate() {
        request.getSession().invalidate();
        return "destroyed=" + counter.isDestroyed() + ";value=" + store.get("k", NONE);
    }

    @GET
    @Path("log")
    public String log(@QueryParam("page") String pageId) {
        return log.describe(pageId);
    }
}
