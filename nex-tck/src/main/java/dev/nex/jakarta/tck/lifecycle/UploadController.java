package dev.nex.jakarta.tck.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PageStore;
import dev.nex.jakarta.PartType;

/**
 * Uploads (SPEC 11.4): actions that read {@code multipart/form-data}, files as method parameters and text fields
 * also in a {@code @BeanParam}; each keeps a line per upload in the page's store ({@code name|type|bytes|note}).
 */
@Controller
@Path("upload")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class UploadController {

    static final String FILES = "files";

    @Inject
    PageStore store;

    @Inject
    Models models;

    @GET
    public String page() {
        models.put("title", "Upload");
        return "home.jsp";
    }

    @POST
    @Path("attach")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String attach(@FormParam("file") @PartType({"text/plain", "image/*"}) EntityPart file,
                         @FormParam("note") String note) throws IOException {
        return keep(file, note);
    }

    @POST
    @Path("attach-text")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String attachText(@FormParam("file") @PartType("text/plain") EntityPart file, @BeanParam Note note)
            throws IOException {
        return keep(file, note.note);
    }

    /** Takes a number: from a urlencoded form, but no multipart body can carry it to an {@code int}. */
    @POST
    @Path("count")
    public String count(@FormParam("count") int count) {
        return keep("count " + count);
    }

    @GET
    @Path("files")
    public String files() {
        models.put("items", store.get(FILES, List.of()));
        return "cart-items.jsp";
    }

    private String keep(EntityPart file, String note) throws IOException {
        byte[] content = file.getContent(byte[].class);
        return keep(file.getFileName().orElse("?") + "|" + file.getMediaType().getType() + "/"
                + file.getMediaType().getSubtype() + "|" + content.length + "|" + note);
    }

    private String keep(String line) {
        models.put("items", store.update(FILES, List.<String>of(), files -> {
            List<String> more = new ArrayList<>(files);
            more.add(line);
            return List.copyOf(more);
        }));
        return "cart-items.jsp";
    }

    /** The text fields of an upload form, as a bean. */
    public static class Note {

        @FormParam("note")
        String note;
    }
}
