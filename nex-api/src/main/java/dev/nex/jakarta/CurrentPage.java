package dev.nex.jakarta;

/**
 * The page the current request is bound to. Injectable, and named {@code nexPage} in EL.
 * <pre>{@code
 * @Inject CurrentPage page;
 * log.fine(() -> "action on page " + page.getId().substring(0, 8));
 * }</pre>
 * In a view: {@code <div data-page="${nexPage.id}">}. The id is a secret of the tab that owns the page: never
 * put it into URLs or logs (beyond a short prefix). Where no page is bound, the methods throw
 * {@link jakarta.enterprise.context.ContextNotActiveException}.
 */
public interface CurrentPage {

    /** The EL name of the current page. */
    String EL_NAME = "nexPage";

    /** The page id: URL-safe text of at most 64 characters. */
    String getId();

    /** {@code true} for a full-page request, which started this page; {@code false} for an action. */
    boolean isNew();
}
