package dev.nex.jakarta.bench.app;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What the server's heap retains, for the GET-flood measurement: heap in use after full collections, and the
 * live pages of every Nex application on the server (from its statistics MBean). Benchmark use only.
 */
@Path("heap")
public class HeapResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String retained() throws JMException, InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long livePages = 0;
        for (ObjectName name : server.queryNames(new ObjectName("dev.nex.jakarta:type=PageStatistics,*"), null)) {
            livePages += ((Number) server.getAttribute(name, "LivePages")).longValue();
        }
        return "used=" + used + "\nlivePages=" + livePages + "\nsessionsCreated=" + SessionCount.CREATED.get() + "\n";
    }
}
