package dev.nex.jakarta;

/**
 * Server push to the current page (SPEC 12): named events carrying HTML, which htmx's SSE extension swaps into
 * the page while it shows. The page opens its event stream with {@link CurrentPage#getStreamUrl()}; Nex serves
 * the extension from its WebJar ({@code org.webjars.npm:htmx-ext-sse} in {@code WEB-INF/lib}) at
 * {@value CurrentPage#SSE_EXTENSION_PATH}.
 * <pre>{@code
 * <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>
 * <script src="${pageContext.request.contextPath}/nex/htmx-ext-sse.js"></script>
 * <div hx-ext="sse" sse-connect="${nexPage.streamUrl}">
 *   <div sse-swap="progress">Not started</div>
 * </div>
 * }</pre>
 * An action hands long work to a managed executor whose tasks carry the page (see {@link CurrentPage}); the task
 * reports its progress to that page, and to no other tab:
 * <pre>{@code
 * @Inject PagePush push;
 * @Resource(lookup = "java:app/concurrent/PageExecutor") ManagedExecutorService executor;
 *
 * @POST @Path("import")
 * public String startImport() {
 *     executor.execute(() -> {
 *         for (int done = 10; done <= 100; done += 10) {
 *             importNextBatch();
 *             push.send("progress", "<progress value=\"" + done + "\" max=\"100\"></progress>");
 *         }
 *         push.send("progress", "<p>Imported.</p>");
 *     });
 *     return "import-started.jsp";
 * }
 * }</pre>
 * Sending never waits for the browser. Events sent while the page has no stream open are kept, up to
 * {@link NexConfig#PUSH_BUFFER} per page, and delivered in order when it connects or reconnects; beyond that the
 * oldest are dropped and counted ({@link PageStatisticsMXBean#getPushEventsDropped()}). When the page ends, its
 * stream gets the final event {@value #END_EVENT} and closes; Nex's page script then closes the browser's
 * {@code EventSource}, so it does not reconnect.
 */
public interface PagePush {

    /** The name of the last event of a page's stream, sent when the page ends. */
    String END_EVENT = "nex-end";

    /**
     * Sends the event {@code name}, with {@code html} as its data, to the current page's stream.
     *
     * @param name the event name, as htmx's {@code sse-swap} names it: letters, digits, {@code - _ . :}
     * @param html the fragment htmx swaps in; may span lines
     * @throws IllegalArgumentException if {@code name} is not such a name
     * @throws jakarta.enterprise.context.ContextNotActiveException where no page is bound
     */
    void send(String name, String html);
}
