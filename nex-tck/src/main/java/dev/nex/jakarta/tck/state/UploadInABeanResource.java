package dev.nex.jakarta.tck.state;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;

/**
 * SPEC 11.4: a file in a {@code @BeanParam}, which RESTEasy would leave null: a deployment error. A CDI bean, as
 * every Jakarta MVC controller is: Nex checks the resources CDI discovers.
 */
@Path("upload-in-a-bean")
@RequestScoped
public class UploadInABeanResource {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String attach(@BeanParam Files files) {
        return files.file.getName();
    }

    /** The form, with its file. */
    public static class Files {
        @FormParam("file")
        EntityPart file;
    }
}
