package dev.nex.jakarta.bench.app;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A full page of a typical size: a title and a table of twenty rows rendered by JSP. */
@Controller
@Path("page")
@RequestScoped
@Produces(MediaType.TEXT_HTML)
public class PageController {

    public static final List<Row> ROWS = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> new Row(i, "Item " + i, i * 125)).toList();

    @Inject
    Models models;

    @GET
    public String page() {
        models.put("title", "Benchmark page");
        models.put("rows", ROWS);
        return "page.jsp";
    }

    /** One table row (public accessors for EL). */
    public record Row(int id, String name, int cents) {
    }
}
