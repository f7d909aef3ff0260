package dev.nex.jakarta.bench.app.plain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.nex.jakarta.bench.app.PageController;

/** The rows of the benchmark page, for the Faces page that shows them too. */
@Named
@ApplicationScoped
public class Catalog {

    public List<PageController.Row> getRows() {
        return PageController.ROWS;
    }
}
