package dev.nex.jakarta.tck.state;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PageStore;

/**
 * What a rolling upgrade is watched through (SPEC 10.8), the same in both versions of the application: the bean
 * that gains a field, the stored note whose class goes away ({@link UpgradeNoteResource} stores it), and the
 * node's warnings about that class.
 */
@Path("state/upgrade")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class UpgradeResource {

    /** The class the next version removes, by name: this resource is in both versions. */
    static final String REMOVED_CLASS = UpgradeResource.class.getPackageName() + ".UpgradeNote";

    @Inject
    UpgradeBean bean;

    @Inject
    PageStore store;

    @POST
    @Path("bean/increment")
    public String incrementBean() {
        return bean.increment();
    }

    @GET
    @Path("note")
    public String readNote() {
        return String.valueOf(store.get("note", "none"));
    }

    /** How many WARNING records this node logged that name the class the next version removes. */
    @GET
    @Path("warnings")
    public String warnings() {
        return String.valueOf(WarningLog.naming(REMOVED_CLASS));
    }
}
