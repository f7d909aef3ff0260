package dev.nex.jakarta.tck.state;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PageStore;

/** Only in the application's first version: stores an {@link UpgradeNote}, a class the next version removes. */
@Path("state/upgrade-note")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class UpgradeNoteResource {

    @Inject
    PageStore store;

    @POST
    public String note() {
        store.put("note", new UpgradeNote("written by v1"));
        return "noted";
    }
}
