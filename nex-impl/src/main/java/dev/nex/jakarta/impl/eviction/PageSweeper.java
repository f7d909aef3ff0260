package dev.nex.jakarta.impl.eviction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import dev.nex.jakarta.impl.config.NexSettings;
import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * SPEC 6.2: a non-persistent interval timer that asks the backend to end expired pages every
 * {@code nex.page.sweep-interval}. Cancelled at undeploy (SPEC 6.7). Expiry does not depend on it: lookups check
 * the TTL themselves. In a cluster every node has this timer; the grid backend lets one node at a time sweep.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // backends are thread-safe; never queue a sweep
public class PageSweeper {

    @Resource
    TimerService timers;

    @Inject
    PageStateBackend states;

    @Inject
    NexSettings settings;

    @PostConstruct
    void schedule() {
        long interval = settings.sweepInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("nex-page-sweep", false));
    }

    @Timeout
    void sweep() {
        states.sweep();
    }

    @PreDestroy
    void cancel() {
        for (Timer timer : timers.getTimers()) {
            timer.cancel();
        }
    }
}
