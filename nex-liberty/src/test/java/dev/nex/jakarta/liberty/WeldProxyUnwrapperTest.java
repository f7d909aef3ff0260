package dev.nex.jakarta.liberty;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.Test;

/** The unwrapping itself; that Krazo then renders JSPs on Liberty is proven by the TCK run on Liberty. */
class WeldProxyUnwrapperTest {

    private final WeldProxyUnwrapper unwrapper = new WeldProxyUnwrapper();

    /** What Weld injects for {@code @Inject HttpServletRequest}: a client proxy in front of the real object. */
    private static <T> T weldProxyOf(Class<T> type, T behind) {
        WeldClientProxy.Metadata metadata = new WeldClientProxy.Metadata() {
            @Override
            public jakarta.enterprise.inject.spi.Bean<?> getBean() {
                return null;
            }

            @Override
            public Object getContextualInstance() {
                return behind;
            }
        };
        return type.cast(Proxy.newProxyInstance(WeldProxyUnwrapperTest.class.getClassLoader(),
                new Class<?>[] {type, WeldClientProxy.class},
                (proxy, method, args) -> method.getName().equals("getMetadata") ? metadata : null));
    }

    private static <T> T plain(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(WeldProxyUnwrapperTest.class.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> null));
    }

    @Test
    void unwrapsTheRequestBehindAWeldProxy() {
        HttpServletRequest real = plain(HttpServletRequest.class);
        HttpServletRequest proxied = weldProxyOf(HttpServletRequest.class, real);

        assertTrue(unwrapper.supports(proxied));
        assertSame(real, unwrapper.unwrapRequest(proxied, HttpServletRequest.class));
    }

    @Test
    void unwrapsTheResponseBehindAWeldProxy() {
        HttpServletResponse real = plain(HttpServletResponse.class);
        HttpServletResponse proxied = weldProxyOf(HttpServletResponse.class, real);

        assertTrue(unwrapper.supports(proxied));
        assertSame(real, unwrapper.unwrapResponse(proxied, HttpServletResponse.class));
    }

    @Test
    void leavesEverythingElseToKrazo() {
        assertFalse(unwrapper.supports(plain(HttpServletRequest.class)));
        assertFalse(unwrapper.supports(plain(HttpServletResponse.class)));
    }
}
