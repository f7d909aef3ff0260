package dev.nex.jakarta.tck.state;

import java.io.Serializable;

import dev.nex.jakarta.PageScoped;

/**
 * The application's next version of {@code UpgradeBean}: one field more, the same {@code serialVersionUID}, so
 * instances the first version wrote are read back (the new field then holds its default, not its initializer).
 */
@PageScoped
public class UpgradeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private int count;
    private String since = "v2";

    /** Counts one more: {@code v2:<count>:<since>}. */
    public synchronized String increment() {
        return "v2:" + ++count + ":" + since;
    }
}
