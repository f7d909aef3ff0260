package dev.nex.jakarta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The media types an uploaded part may declare (SPEC 11.4), on a {@code @FormParam} of a {@code multipart/form-data}
 * action: a part of any other type is refused with 415 before the action runs, so nothing of the request is stored.
 * Wildcards as in {@code @Consumes}.
 * <pre>{@code
 * @POST @Path("attach")
 * @Consumes(MediaType.MULTIPART_FORM_DATA)
 * public String attach(@FormParam("file") @PartType({"text/plain", "image/*"}) EntityPart file,
 *                      @FormParam("note") String note) throws IOException {
 *     store.put("attachment", new Attachment(file.getFileName().orElse("file"), file.getContent(byte[].class)));
 *     return "attachment.jsp";
 * }
 * }</pre>
 * The type is the one the browser declares for the part (it guesses from the file's name), not a check of the
 * content. Without this annotation an {@code EntityPart} or {@code InputStream} parameter takes a part of any type,
 * and a {@code String} parameter a text part only ({@code text/*}, or no type).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface PartType {

    /** @return media types such as {@code image/png}, or ranges such as {@code image/*} */
    String[] value();
}
