package dev.nex.jakarta.tck.state;

import java.io.Serializable;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import dev.nex.jakarta.CurrentPage;
import dev.nex.jakarta.PageScoped;

/** A {@code @PageScoped} bean that reports its identity and its destruction to {@link LifecycleLog}. */
@PageScoped
public class PageCounter implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LifecycleLog log;

    @Inject
    CurrentPage page;

    private final String identity = UUID.randomUUID().toString();
    private String pageId;
    private int count;
    private boolean destroyed;

    @PostConstruct
    void created() {
        pageId = page.getId();
    }

    @PreDestroy
    void destroyed() {
        destroyed = true;
        log.record(pageId, "preDestroy");
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
