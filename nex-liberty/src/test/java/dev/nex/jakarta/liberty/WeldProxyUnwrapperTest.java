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
    void unwrapsTheRequestAndTheResponseBehindAWeldProxy() {
        HttpServletRequest request = plain(HttpServletRequest.class);
        HttpServletResponse response = plain(HttpServletResponse.class);
        HttpServletRequest proxiedRequest = weldProxyOf(HttpServletRequest.class, request);
        HttpServletResponse proxiedResponse = weldProxyOf(HttpServletResponse.class, response);

        assertTrue(unwrapper.supports(proxiedRequest));
        assertTrue(unwrapper.supports(proxiedResponse));
        assertSame(request, unwrapper.unwrapRequest(proxiedRequest, HttpServletRequest.class));
        assertSame(response, unwrapper.unwrapResponse(proxiedResponse, HttpServletResponse.class));
    }

    @Test
    void leavesEverythingElseToKrazo() {
        assertFalse(unwrapper.supports(plain(HttpServletRequest.class)));
        assertFalse(unwrapper.supports(plain(HttpServletResponse.class)));
    }
}
