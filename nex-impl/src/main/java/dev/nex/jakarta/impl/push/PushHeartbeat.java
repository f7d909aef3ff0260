package dev.nex.jakarta.impl.push;

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

/**
 * SPEC 12.3: a non-persistent interval timer that sends every open stream a heartbeat each
 * {@code nex.push.heartbeat}. The container cancels it with the application, before the application stops
 * accepting tasks.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // a beat only enqueues; never queue one behind another
public class PushHeartbeat {

    @Resource
    TimerService timers;

    @Inject
    PushStreams streams;

    @Inject
    NexSettings settings;

    @PostConstruct
    void schedule() {
        long interval = settings.push().heartbeat().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("nex-push-heartbeat", false));
    }

    @Timeout
    void beat() {
        streams.beat();
    }

    @PreDestroy
    void cancel() {
        for (Timer timer : timers.getTimers()) {
            timer.cancel();
        }
    }
}
