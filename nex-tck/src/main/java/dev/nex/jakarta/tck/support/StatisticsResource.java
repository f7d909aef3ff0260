package dev.nex.jakarta.tck.support;

import java.lang.management.ManagementFactory;

import javax.management.JMX;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.nex.jakarta.PageStatisticsMXBean;

/**
 * Add to a test deployment to read its {@link PageStatisticsMXBean} over HTTP:
 * {@code live=3;created=7;entries=4;streams=1;dropped=0;ended.EXPIRED=1;…} at {@value #PATH} under the JAX-RS application.
 */
@Path(StatisticsResource.PATH)
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class StatisticsResource {

    public static final String PATH = "nex-statistics";

    @Inject
    ServletContext servletContext;

    @GET
    public String statistics() {
        PageStatisticsMXBean stats = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                PageStatisticsMXBean.objectName(servletContext.getContextPath()), PageStatisticsMXBean.class);
        StringBuilder out = new StringBuilder().append("live=").append(stats.getLivePages())
                .append(";created=").append(stats.getPagesCreated())
                .append(";entries=").append(stats.getStoreEntries())
                .append(";streams=").append(stats.getOpenStreams())
                .append(";dropped=").append(stats.getPushEventsDropped());
        stats.getPagesEndedByReason().forEach((reason, count) -> out.append(";ended.").append(reason).append('=')
                .append(count));
        return out.toString();
    }
}
