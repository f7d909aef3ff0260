package dev.nex.jakarta.tck.state;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import dev.nex.jakarta.tck.support.StatisticsResource;

/** The page-state test application, with the given {@code microprofile-config.properties} content. */
final class StateDeployment {

    static final String VIEW = """
            <%@ page contentType="text/html;charset=UTF-8" session="false" %>
            <html><body><p id="page">${nexPage.id}</p></body></html>
            """;

    private StateDeployment() {
    }

    static WebArchive create(String name, String config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(StateApplication.class, StateResource.class, StateView.class, PageCounter.class,
                        LifecycleLog.class, StatisticsResource.class)
                .addAsWebInfResource(new StringAsset(VIEW), "views/state.jsp")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
