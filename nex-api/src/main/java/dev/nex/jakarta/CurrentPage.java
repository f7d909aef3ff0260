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
 * <p>
 * Work an action hands to a Jakarta Concurrency executor keeps its page (store, {@code @PageScoped} beans, this
 * bean) when the executor's context service propagates the thread context type {@value #THREAD_CONTEXT}, as a
 * {@code ContextServiceDefinition} does by default ({@code ALL_REMAINING}):
 * <pre>{@code
 * @ContextServiceDefinition(name = "java:app/concurrent/PageContext")
 * @ManagedExecutorDefinition(name = "java:app/concurrent/PageExecutor", context = "java:app/concurrent/PageContext")
 * @WebServlet("/reports") // any component class may carry the definitions
 * public class ReportServlet extends HttpServlet { … }
 *
 * @Resource(lookup = "java:app/concurrent/PageExecutor") ManagedExecutorService executor;
 * @POST @Path("slow") public CompletionStage<String> slow() {
 *     return executor.supplyAsync(() -> "<b>" + store.update("hits", 0, n -> n + 1) + "</b>");
 * }
 * }</pre>
 * An asynchronous request keeps its page alive until it completes (SPEC 6.8).
 */
public interface CurrentPage {

    /** The EL name of the current page. */
    String EL_NAME = "nexPage";

    /**
     * Where Nex serves htmx, relative to the context root, when the application has htmx's WebJar
     * ({@code org.webjars.npm:htmx.org}) in {@code WEB-INF/lib}: a layout loads it with
     * {@code <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>}.
     */
    String HTMX_PATH = "/nex/htmx.min.js";

    /**
     * Where Nex serves htmx's SSE extension, relative to the context root, when the application has its WebJar
     * ({@code org.webjars.npm:htmx-ext-sse}) in {@code WEB-INF/lib}; {@link PagePush} shows its use.
     */
    String SSE_EXTENSION_PATH = "/nex/htmx-ext-sse.js";

    /** The Jakarta Concurrency thread context type that carries the current page to other threads. */
    String THREAD_CONTEXT = "dev.nex.jakarta.Page";

    /**
     * The page id.
     *
     * @return URL-safe text of at most 64 characters
     */
    String getId();

    /**
     * Whether this request started the page.
     *
     * @return {@code true} for a full-page request, which started this page; {@code false} for an action
     */
    boolean isNew();

    /**
     * The URL of this page's event stream (SPEC 12), for htmx's {@code sse-connect}: the page's own, and only
     * for the session that owns the page. It names the page by an opaque ticket, never by its id.
     * <pre>{@code
     * <div hx-ext="sse" sse-connect="${nexPage.streamUrl}"><span sse-swap="progress"></span></div>
     * }</pre>
     *
     * @return an absolute path, under the JAX-RS application that rendered the page
     * @throws IllegalStateException outside a request
     */
    String getStreamUrl();
}
