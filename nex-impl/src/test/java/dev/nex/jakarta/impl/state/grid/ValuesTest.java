package dev.nex.jakarta.impl.state.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Which classes page state on the grid may hold (SPEC 10.8). Here "the application" is a class loader below this
 * test's: the test's own classes then stand for a server's, which the grid must neither write nor read back.
 */
class ValuesTest {

    private final ClassLoader application = new URLClassLoader(new URL[0], ValuesTest.class.getClassLoader());

    @Test
    void theJdksClassesAreWrittenAndReadBack() {
        List<Object> value = new ArrayList<>(List.of("text", 42, new int[] {1, 2}));
        Object read = Values.read(Values.write(value, "value", application), application);
        assertEquals(value.subList(0, 2), ((List<?>) read).subList(0, 2));
    }

    @Test
    void aClassOfNeitherTheApplicationNorTheJdkIsRefusedAtTheWrite() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Values.write(List.of(new Outside()), "The value stored under 'k'", application));
        assertTrue(refused.getMessage().contains(Outside.class.getName()), refused.getMessage());
    }

    @Test
    void aClassOfNeitherTheApplicationNorTheJdkIsNotReadBack() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream(); // by a grid entry Nex did not write
        try (ObjectOutputStream out = new ObjectOutputStream(written)) {
            out.writeObject(new ArrayList<>(List.of(new Outside())));
        }
        UnreadableValueException refused = assertThrows(UnreadableValueException.class,
                () -> Values.read(written.toByteArray(), application));
        assertEquals(Outside.class.getName(), refused.className());
    }

    @Test
    void theApplicationsClassesAreWrittenAndReadBack() {
        Object read = Values.read(Values.write(new Outside(), "value", ValuesTest.class.getClassLoader()),
                ValuesTest.class.getClassLoader());
        assertTrue(read instanceof Outside);
    }

    /** Defined by this test's class loader, not by {@link #application}. */
    static final class Outside implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
