package dev.nex.jakarta.impl.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.PassivationCapable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.nex.jakarta.NexConfig;
import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageEvent;
import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.page.CurrentPageBean;
import dev.nex.jakarta.impl.scope.PageContext;
import dev.nex.jakarta.impl.state.PageStateBackend.Found;
import dev.nex.jakarta.impl.store.PageStoreBean;

/**
 * What every backend promises, run against each one ({@code MemoryBackendContractTest},
 * {@code GridBackendContractTest} over an in-process grid): above all that an end sees its own page (SPEC 5.5) on
 * every end path, whichever page the thread that runs it was bound to, and gets that binding back afterwards.
 * <p>
 * Each page stores its own id under {@code mark} and has a {@code @PageScoped} {@link Witness} bean; the
 * witness's {@code @PreDestroy}, and the end events, note what {@code CurrentPage} and {@code PageStore} show.
 */
public abstract class PageStateBackendContract {

    protected static final String OWNER = "owner-key";
    protected static final String OTHER_OWNER = "other-owner-key";
    /** Short enough to wait for, long enough that a page in use does not expire between two steps. */
    protected static final long TTL_MILLIS = 300;

    /** What an end showed, in the order it happened: {@code "preDestroy page=P mark=P"}. */
    protected final List<String> seen = new CopyOnWriteArrayList<>();
    private final Witness witness = new Witness("witness", seen);
    private final Witness otherWitness = new Witness("other", seen);
    private final PageContext context = new PageContext();

    /** The configuration every backend of a test gets: a short TTL, two pages per session, five in all. */
    protected static NexSettings settings(String store) {
        Map<String, String> config = Map.of(NexConfig.STORE, store, NexConfig.PAGE_TTL, "PT" + TTL_MILLIS / 1000.0
                + "S", NexConfig.SWEEP_INTERVAL, "PT2S", NexConfig.MAX_PER_SESSION, "2", NexConfig.MAX_TOTAL, "5");
        return NexSettings.load(key -> Optional.ofNullable(config.get(key)));
    }

    @AfterEach
    void unbind() {
        PageBindingHolder.restore(null);
    }

    /** A backend with these beans: the one under test. */
    protected abstract PageStateBackend backend();

    /** Another node of the same cluster; the same backend where there is only one. */
    protected abstract PageStateBackend otherNode();

    /** The pages created and ended by {@link #backend()}. */
    protected abstract PageCounters counters();

    /** Whether ending the application ends its pages (a grid's pages outlive a node). */
    protected abstract boolean shutdownEndsPages();

    /** The beans a backend can look up by passivation id. */
    protected final List<Contextual<?>> beans() {
        return List.of(witness, otherWitness);
    }

    /** Records the end events with what the thread is bound to while they fire. */
    protected final PageLifecycle lifecycle() {
        return new PageLifecycle() {
            @Override
            void fire(Phase phase, PageEvent payload) {
                if (phase != Phase.INITIALIZED) {
                    seen.add(phase.name().toLowerCase() + " " + view());
                    if (phase == Phase.DESTROYED) {
                        seen.add("bean after destroy " + beanAfterDestroy());
                    }
                }
            }
        };
    }

    // --- every end path sees its own page (SPEC 5.5)

    @Test
    void expiryFoundByALookupSeesTheExpiredPage() throws InterruptedException { // SPEC 6.1, 6.2
        String page = idle("p1");
        PageBinding caller = bindRequestOf("caller");
        Thread.sleep(TTL_MILLIS + 100);
        assertEquals(Found.EXPIRED, otherNode().lookup(page, OWNER).found());
        assertSawOnly(page);
        assertSame(caller, PageBindingHolder.current(), "the caller's binding is back");
    }

    @Test
    void sweepSeesTheSweptPage() throws InterruptedException { // SPEC 6.2
        String page = idle("p1");
        Thread.sleep(TTL_MILLIS + 100);
        assertEquals(1, otherNode().sweep());
        assertSawOnly(page);
        assertNull(PageBindingHolder.current(), "the sweep's thread is left unbound");
    }

    @Test
    void sessionCapSeesTheEvictedPageNotTheNewOne() throws InterruptedException { // SPEC 6.3
        String first = idle("p1");
        Thread.sleep(5); // a grid orders pages by the millisecond of their last use
        idle("p2");
        PageBinding third = bindRequestOf("p3");
        third.stateForWrite().put("mark", "p3"); // the third page's first write: the session is over its cap
        assertSawOnly(first);
        assertSame(third, PageBindingHolder.current());
        third.release();
        assertEquals(1, counters().endedCount(PageEndReason.SESSION_LIMIT));
    }

    @Test
    void globalCapSeesTheEvictedPage() throws InterruptedException { // SPEC 6.4
        for (int i = 0; i < 6; i++) {
            idleOf(OWNER + i, "g" + i); // a session each: no session cap applies
            Thread.sleep(5);
        }
        backend().sweep(); // a grid applies the global cap at its sweep
        assertEquals(5, backend().livePages());
        assertSawOnly("g0");
        assertEquals(1, counters().endedCount(PageEndReason.GLOBAL_LIMIT));
    }

    @Test
    void sessionEndSeesEachEndingPageNotTheRequestsPage() { // SPEC 6.5, 6.8
        String other = idle("p1");
        idle("p2");
        PageBinding inFlight = enter("p2");
        backend().endOwner(OWNER, PageEndReason.SESSION_ENDED); // its node: the end waits for the request
        assertSawOnly(other);
        assertEquals("p2", new PageStoreBean().get("mark", "none"), "the request's own page is intact");
        seen.clear();
        inFlight.release(); // the request in flight is done: its page ends now
        assertSawOnly("p2");
    }

    @Test
    void unloadSeesTheUnloadedPage() { // SPEC 6.6
        String page = idle("p1");
        idle("p2");
        assertEquals(true, otherNode().endOwned(page, OWNER, PageEndReason.UNLOADED));
        assertSawOnly(page);
        assertEquals(false, otherNode().endOwned("p2", OTHER_OWNER, PageEndReason.UNLOADED), "only its own pages");
    }

    @Test
    void shutdownSeesEachPage() { // SPEC 6.7
        idle("p1");
        idle("p2");
        backend().shutdown();
        if (shutdownEndsPages()) {
            String ends = String.join("|", withoutOtherBean());
            assertEquals(Set.of(ended("p1") + "|" + ended("p2"), ended("p2") + "|" + ended("p1")).contains(ends),
                    true, ends);
        } else {
            assertEquals(List.of(), seen);
            assertEquals(2, otherNode().livePages());
        }
    }

    // --- what an end may do

    @Test
    void anEndWritingToTheStoreChangesOnlyTheEndingPage() { // SPEC 5.5
        String page = idle("p1");
        String other = idle("p2");
        witness.writeOnDestroy = true;
        otherNode().endOwned(page, OWNER, PageEndReason.UNLOADED);
        assertEquals(List.of("before_destroyed page=p1 mark=p1", "preDestroy page=p1 mark=p1 other=resolved",
                "destroyed page=p1 mark=written-by-p1", "bean after destroy refused"), withoutOtherBean());
        PageBinding request = enter(other);
        assertEquals("p2", new PageStoreBean().get("mark", "none"));
        request.release();
        assertEquals(Found.ABSENT, backend().lookup(page, OWNER).found(), "the write brought nothing back");
    }

    @Test
    void anEndDestroysEachBeanOnceAndRestoresTheCallersBinding() { // SPEC 5.3
        String page = idle("p1");
        PageBinding caller = bindRequestOf("caller");
        otherNode().endOwned(page, OWNER, PageEndReason.UNLOADED);
        otherNode().endOwned(page, OWNER, PageEndReason.UNLOADED);
        assertEquals(1, seen.stream().filter(line -> line.startsWith("preDestroy")).count());
        assertEquals(1, seen.stream().filter(line -> line.startsWith("other preDestroy")).count());
        assertSame(caller, PageBindingHolder.current());
    }

    @Test
    void aPageThatNeverHadABeanEndsRefusingNewOnes() { // SPEC 5.3, 5.5
        PageBinding request = PageBinding.withoutState("plain", true, backend(), () -> OWNER);
        PageBinding previous = PageBindingHolder.bind(request);
        try {
            new PageStoreBean().put("mark", "plain");
        } finally {
            PageBindingHolder.restore(previous);
            request.release();
        }
        otherNode().endOwned("plain", OWNER, PageEndReason.UNLOADED);
        assertEquals(List.of("before_destroyed page=plain mark=plain", "destroyed page=plain mark=plain",
                "bean after destroy refused"), seen);
    }

    // --- ownership (SPEC 3.2)

    @Test
    void anotherSessionsPageIsForeign() {
        String page = idle("p1");
        assertEquals(Found.FOREIGN, otherNode().lookup(page, OTHER_OWNER).found());
        assertThrows(ForeignPageException.class, () -> otherNode().allocate(page, OTHER_OWNER));
        assertEquals(List.of(), seen);
    }

    // --- helpers

    /** A page of {@link #OWNER} that stored its id under {@code mark} and has both beans, no request in it. */
    private String idle(String pageId) {
        return idleOf(OWNER, pageId);
    }

    private String idleOf(String owner, String pageId) {
        PageBinding request = PageBinding.withoutState(pageId, true, backend(), () -> owner);
        PageBinding previous = PageBindingHolder.bind(request);
        try {
            new PageStoreBean().put("mark", pageId);
            context.get(witness, new NoCreationalContext<>());
            context.get(otherWitness, new NoCreationalContext<>());
        } finally {
            PageBindingHolder.restore(previous);
            request.release();
        }
        return pageId;
    }

    /** Binds this thread to a request of a new page of {@link #OWNER} that has stored nothing yet. */
    private PageBinding bindRequestOf(String pageId) {
        PageBinding request = PageBinding.withoutState(pageId, true, backend(), () -> OWNER);
        PageBindingHolder.bind(request);
        return request;
    }

    /** Binds this thread to a request that entered the live page {@code pageId}. */
    private PageBinding enter(String pageId) {
        PageStateBackend.Lookup lookup = backend().lookup(pageId, OWNER);
        assertEquals(Found.LIVE, lookup.found());
        PageBinding request = PageBinding.live(lookup.page(), backend());
        PageBindingHolder.bind(request);
        return request;
    }

    private void assertSawOnly(String pageId) {
        assertEquals(List.of(ended(pageId).split("\\|")), withoutOtherBean());
    }

    /** What was seen, less the other bean's {@code @PreDestroy} (its order among the beans is not defined). */
    private List<String> withoutOtherBean() {
        return seen.stream().filter(line -> !line.startsWith("other")).toList();
    }

    /** What one page's end shows, with the page and its entry bound throughout. */
    private static String ended(String pageId) {
        return String.join("|", "before_destroyed page=" + pageId + " mark=" + pageId,
                "preDestroy page=" + pageId + " mark=" + pageId + " other=resolved",
                "destroyed page=" + pageId + " mark=" + pageId, "bean after destroy refused");
    }

    /** What {@code CurrentPage} and {@code PageStore} show now. */
    private static String view() {
        return "page=" + new CurrentPageBean().getId() + " mark=" + new PageStoreBean().get("mark", "none");
    }

    private String beanAfterDestroy() {
        try {
            context.get(witness, new NoCreationalContext<>());
            return "created";
        } catch (ContextNotActiveException expected) {
            return "refused";
        }
    }

    /** A {@code @PageScoped} bean whose {@code @PreDestroy} notes what it sees, as an application's would. */
    private final class Witness implements Contextual<Witness.Instance>, PassivationCapable, Serializable {

        private static final long serialVersionUID = 1L;

        /** The instance: serializable, as a passivating scope requires. */
        record Instance(String createdFor) implements Serializable {
        }

        private final String name;
        private final transient List<String> log;
        boolean writeOnDestroy;

        Witness(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public Instance create(CreationalContext<Instance> creationalContext) {
            return new Instance(new CurrentPageBean().getId());
        }

        @Override
        public void destroy(Instance instance, CreationalContext<Instance> creationalContext) {
            if (this == witness) {
                Object other = context.get(otherWitness);
                log.add("preDestroy " + view() + " other=" + (other != null ? "resolved" : "missing"));
                if (writeOnDestroy) {
                    new PageStoreBean().put("mark", "written-by-" + instance.createdFor());
                }
            } else {
                log.add("other preDestroy " + view());
            }
        }

        @Override
        public String getId() {
            return "contract-" + name;
        }

        @Override
        public String toString() {
            return getId();
        }
    }

    /** A creational context with no dependents to release. */
    public static final class NoCreationalContext<T> implements CreationalContext<T> {
        public NoCreationalContext() {
        }

        @Override
        public void push(T incompleteInstance) {
        }

        @Override
        public void release() {
        }
    }

    /** The bean with passivation id {@code id}, as a bean manager finds it. */
    protected final Contextual<?> bean(String id) {
        return beans().stream().filter(bean -> ((PassivationCapable) bean).getId().equals(id)).findFirst()
                .orElse(null);
    }
}
