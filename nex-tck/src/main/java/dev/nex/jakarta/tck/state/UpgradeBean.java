package dev.nex.jakarta.tck.state;

import java.io.Serializable;

import dev.nex.jakarta.PageScoped;

/**
 * A {@code @PageScoped} bean as the application's first version has it; the next version (src/upgrade) adds a
 * field and keeps the {@code serialVersionUID} (SPEC 10.8).
 */
@PageScoped
public class UpgradeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private int count;

    /** Counts one more, and says which version counted: {@code v1:<count>}. */
    public synchronized String increment() {
        return "v1:" + ++count;
    }
}
