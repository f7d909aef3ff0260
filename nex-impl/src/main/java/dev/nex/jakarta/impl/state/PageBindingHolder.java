package dev.nex.jakarta.impl.state;

/**
 * The page bound to the current thread. {@link dev.nex.jakarta.impl.page.PageRequestFilter} binds it for the whole
 * request (JSP forwards and includes run on the same thread), and removes it afterwards so no container thread keeps
 * it.
 */
public final class PageBindingHolder {

    private static final ThreadLocal<PageBinding> CURRENT = new ThreadLocal<>();

    private PageBindingHolder() {
    }

    /** The current binding, or {@code null}. */
    public static PageBinding current() {
        return CURRENT.get();
    }

    /** The current binding (SPEC 4.5: no shared namespace for unbound code, a clear error instead). */
    public static PageBinding require() {
        PageBinding binding = CURRENT.get();
        if (binding == null) {
            throw new NoPageBoundException();
        }
        return binding;
    }

    /** Binds {@code binding} ({@code null}: none); returns the previous binding for {@link #restore}. */
    public static PageBinding bind(PageBinding binding) {
        PageBinding previous = CURRENT.get();
        if (binding == null) {
            CURRENT.remove(); // no entry left on a container thread
        } else {
            CURRENT.set(binding);
        }
        return previous;
    }

    public static void restore(PageBinding previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
