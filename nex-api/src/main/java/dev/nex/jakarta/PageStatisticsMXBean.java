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

    /** The name under which the application with {@code contextPath} (e.g. {@code ""} or {@code "/shop"}) is registered. */
    static javax.management.ObjectName objectName(String contextPath) {
        try {
            return new javax.management.ObjectName(OBJECT_NAME_PREFIX + ",context="
                    + javax.management.ObjectName.quote(contextPath.isEmpty() ? "/" : contextPath));
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Pages holding state now (pages that never stored anything are not counted: they cost nothing). */
    int getLivePages();

    /** Pages that stored something, since deployment. */
    long getPagesCreated();

    /** Pages ended since deployment, by {@link PageEndReason} name. */
    Map<String, Long> getPagesEndedByReason();

    /** {@code PageStore} entries over all live pages. */
    long getStoreEntries();
}
