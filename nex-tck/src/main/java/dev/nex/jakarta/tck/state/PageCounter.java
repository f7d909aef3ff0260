package dev.nex.jakarta.tck.state;

import java.io.Serializable;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.PageScoped;
import dev.nex.jakarta.PageStore;

/**
 * A {@code @PageScoped} bean that reports its identity and its destruction to {@link LifecycleLog}. As an
 * application releasing what its page held would, it marks its page in the store when created and, in
 * {@code @PreDestroy}, reads {@code CurrentPage} and that mark: both must name its own page (SPEC 5.5).
 */
@PageScoped
public class PageCounter implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LifecycleLog log;

    @Inject
    CurrentPage page;

    @Inject
    PageStore store;

    private final String identity = UUID.randomUUID().toString();
    private String pageId;
    private int count;
    private boolean destroyed;

    @PostConstruct
    void created() {
        pageId = page.getId();
        store.put(LifecycleLog.MARK, pageId);
    }

    @PreDestroy
    void destroyed() {
        destroyed = true;
        log.record(pageId, "preDestroy");
        log.witness(pageId, "preDestroy", page, store);
    }

    public synchronized int increment() {
        return ++count;
    }

    public synchronized String describe() {
        return identity + ":" + count;
    }

    public boolean isDestroyed() {
        return destroyed;
    }
}
