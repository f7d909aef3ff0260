package dev.nex.jakarta;

import java.util.Map;

/**
 * Live page figures of one application, registered in the platform MBeanServer as
 * {@code dev.nex.jakarta:type=PageStatistics,context="/your-context-root"}.
 * <pre>{@code
 * MBeanServer server = ManagementFactory.getPlatformMBeanServer();
 * ObjectName name = PageStatisticsMXBean.objectName("/shop");
 * PageStatisticsMXBean pages = JMX.newMXBeanProxy(server, name, PageStatisticsMXBean.class);
 * int live = pages.getLivePages();
 * }</pre>
 * Or in JConsole/VisualVM under {@code dev.nex.jakarta}. Each sweep that ends pages also logs them at INFO.
 */
public interface PageStatisticsMXBean {

    /** Domain and type of the MBeans. */
    String OBJECT_NAME_PREFIX = "dev.nex.jakarta:type=PageStatistics";

    /**
     * The name under which an application is registered.
     *
     * @param contextPath the application's context path, e.g. {@code ""} or {@code "/shop"}
     * @return its MBean's name
     */
    static javax.management.ObjectName objectName(String contextPath) {
        try {
            return new javax.management.ObjectName(OBJECT_NAME_PREFIX + ",context="
                    + javax.management.ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath));
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Pages holding state now (pages that never stored anything are not counted: they cost nothing).
     *
     * @return the number of live pages
     */
    int getLivePages();

    /**
     * Pages that stored something, since deployment.
     *
     * @return the number of pages created
     */
    long getPagesCreated();

    /**
     * Pages ended since deployment, by reason.
     *
     * @return {@link PageEndReason} name to number of pages
     */
    Map<String, Long> getPagesEndedByReason();

    /**
     * {@code PageStore} entries over all live pages.
     *
     * @return the number of entries
     */
    long getStoreEntries();

    /**
     * Event streams open on this server (SPEC 12).
     *
     * @return the number of open streams
     */
    int getOpenStreams();

    /**
     * Pushed events dropped before any stream received them, since deployment: sent to a page whose buffer was
     * full ({@link NexConfig#PUSH_BUFFER}), because its browser read too slowly or had no stream open.
     *
     * @return the number of events dropped
     */
    long getPushEventsDropped();
}
