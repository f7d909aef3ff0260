package dev.nex.jakarta.impl.monitoring;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.nex.jakarta.PageEndReason;
import dev.nex.jakarta.PageStatisticsMXBean;
import dev.nex.jakarta.impl.push.PushCounters;
import dev.nex.jakarta.impl.state.PageLifecycle;
import dev.nex.jakarta.impl.state.PageStateBackend;

/** SPEC 9: the application's {@link PageStatisticsMXBean}, registered at startup and removed at undeploy. */
@ApplicationScoped
public class PageStatistics implements PageStatisticsMXBean {

    private static final Logger LOG = Logger.getLogger(PageStatistics.class.getName());

    @Inject
    PageStateBackend states;

    @Inject
    PageLifecycle lifecycle;

    @Inject
    PushCounters push;

    private ObjectName name;

    /** Registers the MBean for the application at {@code contextPath}. */
    public void register(String contextPath) {
        ObjectName candidate = PageStatisticsMXBean.objectName(contextPath);
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, candidate);
            name = candidate;
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Nex page statistics are not available as " + candidate, e);
        }
    }

    @PreDestroy
    public void unregister() {
        if (name != null) {
            ObjectName registered = name;
            name = null;
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            try {
                server.unregisterMBean(registered);
            } catch (JMException e) {
                LOG.log(Level.FINE, "Already unregistered: " + registered, e);
            }
        }
    }

    @Override
    public int getLivePages() {
        return states.livePages();
    }

    @Override
    public long getPagesCreated() {
        return lifecycle.counters().createdCount();
    }

    @Override
    public Map<String, Long> getPagesEndedByReason() {
        Map<String, Long> ended = new TreeMap<>();
        for (PageEndReason reason : PageEndReason.values()) {
            ended.put(reason.name(), lifecycle.counters().endedCount(reason));
        }
        return ended;
    }

    @Override
    public long getStoreEntries() {
        return states.storeEntries();
    }

    @Override
    public int getOpenStreams() {
        return push.openStreams();
    }

    @Override
    public long getPushEventsDropped() {
        return push.droppedCount();
    }
}
