package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletContext;

/** Nodes of one build agree on the application's version; another build differs (SPEC 10.8). */
class ApplicationVersionTest {

    @Test
    void theSameFilesListedInAnotherOrderAreTheSameVersion() {
        Map<String, String> files = Map.of("/WEB-INF/classes/a/A.class", "A1", "/WEB-INF/classes/B.class", "B1", "/WEB-INF/classes/C.class", "C1",
                "/WEB-INF/lib/x.jar", "X1");
        assertEquals(ApplicationVersion.of(web(files, false)), ApplicationVersion.of(web(files, true)));
    }

    @Test
    void oneChangedClassIsAnotherVersion() {
        String before = ApplicationVersion.of(web(Map.of("/WEB-INF/classes/a/A.class", "A1"), false));
        assertNotEquals(before, ApplicationVersion.of(web(Map.of("/WEB-INF/classes/a/A.class", "A2"), false)));
    }

    /** A web application holding {@code files} (path → content), its folders listed in either order. */
    private static ServletContext web(Map<String, String> files, boolean reversed) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getResourcePaths" -> children(files, (String) args[0], reversed);
                    case "getResourceAsStream" -> files.containsKey(args[0])
                            ? new ByteArrayInputStream(files.get(args[0]).getBytes(StandardCharsets.UTF_8)) : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Set<String> children(Map<String, String> files, String folder, boolean reversed) {
        Map<String, Boolean> children = new LinkedHashMap<>();
        for (String path : files.keySet()) {
            if (path.startsWith(folder)) {
                String rest = path.substring(folder.length());
                int slash = rest.indexOf('/');
                children.put(folder + (slash < 0 ? rest : rest.substring(0, slash + 1)), true);
            }
        }
        List<String> listed = new ArrayList<>(children.keySet());
        Collections.sort(listed);
        if (reversed) {
            Collections.reverse(listed);
        }
        return listed.isEmpty() ? null : new LinkedHashSet<>(listed);
    }
}
