package dev.nex.jakarta.liberty;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.krazo.core.HttpCommunicationUnwrapper;

/**
 * Hands Krazo the servlet request behind CDI's client proxy, so that Krazo 3 can forward to a JSP on Open Liberty.
 *
 * <p>Krazo renders a view by forwarding the {@code HttpServletRequest} it got injected, which on a Weld-based
 * server is Weld's client proxy. Liberty's request dispatcher refuses a request that is not its own request
 * class or a {@code ServletRequestWrapper} around one ("SRV.8.2: RequestWrapper objects must extend
 * ServletRequestWrapper", krazo#364, open-liberty#23774); Krazo fixed it only in Krazo 4 (Jakarta EE 11).
 * Krazo looks this class up through its own SPI ({@code META-INF/services}); its priority puts it before
 * Krazo's own unwrappers. Weld's proxy API is reached reflectively through the proxy's class loader because
 * Liberty does not show Weld's packages to applications.
 *
 * <p>Nothing to configure: a WAR for Open Liberty lists {@code nex-liberty} beside {@code nex-impl}. Other
 * Weld-based servers (WildFly, Payara, GlassFish) accept the unwrapped request as well, so one WAR can serve
 * Liberty and WildFly (as Krazo 4 does everywhere); objects that are not Weld proxies are left to Krazo.
 */
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class WeldProxyUnwrapper implements HttpCommunicationUnwrapper {

    private static final String WELD_CLIENT_PROXY = "org.jboss.weld.proxy.WeldClientProxy";

    @Override
    public boolean supports(Object candidate) {
        Class<?> proxyType = load(WELD_CLIENT_PROXY, candidate.getClass().getClassLoader());
        return proxyType != null && proxyType.isInstance(candidate);
    }

    @Override
    public HttpServletRequest unwrapRequest(HttpServletRequest request, Class<HttpServletRequest> type) {
        return type.cast(instanceBehind(request));
    }

    @Override
    public HttpServletResponse unwrapResponse(HttpServletResponse response, Class<HttpServletResponse> type) {
        return type.cast(instanceBehind(response));
    }

    /** {@code ((WeldClientProxy) proxy).getMetadata().getContextualInstance()}, without linking to Weld. */
    private static Object instanceBehind(Object proxy) {
        try {
            Method metadata = load(WELD_CLIENT_PROXY, proxy.getClass().getClassLoader()).getMethod("getMetadata");
            Object proxyMetadata = metadata.invoke(proxy);
            Method instance = metadata.getReturnType().getMethod("getContextualInstance");
            return instance.invoke(proxyMetadata);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("This Weld's client proxy API is not the one Nex knows", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Weld could not give the instance behind its proxy", e.getCause());
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
