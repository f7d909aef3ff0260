package dev.nex.jakarta.tck.state;

import dev.nex.jakarta.PageScoped;

/** A {@code @PageScoped} bean that is not {@code Serializable}: a passivating scope must refuse it (SPEC 5.1). */
@PageScoped
public class UnserializablePageBean {

    public String hello() {
        return "never deployed";
    }
}
