package dev.nex.jakarta.impl.state.grid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;

/**
 * Java serialization of stored values and bean instances. Only the application's classes, the JDK's and the CDI
 * container's handles of injected beans are written and read back (SPEC 10.8): a filter, not a stream wide open
 * to whatever class a grid entry names.
 */
final class Values {

    /** Classes of the CDI container (Weld, on every supported server) that stand in for injected beans. */
    private static final String CDI_HANDLES = "org.jboss.weld.";

    private Values() {
    }

    /**
     * {@code value} as bytes.
     *
     * @param application the class loader of the application's classes (and of Nex, which the WAR holds)
     * @throws IllegalArgumentException if it is not serializable or holds a class that would not be read back:
     *                                  said at the {@code put}, not at some later read (SPEC 4.4)
     */
    static byte[] write(Object value, String what, ClassLoader application) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (ObjectOutputStream out = new CheckedOutputStream(bytes, application)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(what + " holds a " + e.getMessage() + ", which is not Serializable: "
                    + "page state on a data grid (nex.store) must be Serializable (SPEC 4.4)", e);
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException(what + " holds a " + e.classname + ", a class of neither the "
                    + "application nor the JDK: page state on a data grid (nex.store) reads back only those", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be serialized for the data grid (nex.store)", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The value {@code bytes} hold, its classes resolved with {@code application}.
     *
     * @throws UnreadableValueException if this version of the application cannot read it
     */
    static Object read(byte[] bytes, ClassLoader application) {
        CheckedInputStream in = null;
        try {
            in = new CheckedInputStream(new ByteArrayInputStream(bytes), application);
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new UnreadableValueException(e.getMessage(), e);
        } catch (InvalidClassException e) {
            throw new UnreadableValueException(in != null && in.refused != null ? in.refused : e.classname, e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableValueException(null, e);
        }
    }

    /** Whether values of {@code type} are written and read back. */
    static boolean allowed(Class<?> type, ClassLoader application) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        ClassLoader loader = element.getClassLoader();
        if (element.isPrimitive() || loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return true; // the JDK's
        }
        if (element.getName().startsWith(CDI_HANDLES)) {
            return true;
        }
        for (ClassLoader each = loader; each != null; each = each.getParent()) {
            if (each == application) {
                return true; // the application's, or a proxy the CDI container defined for one of them
            }
        }
        return false;
    }

    /** Refuses, as it writes it, a class that would not be read back. */
    private static final class CheckedOutputStream extends ObjectOutputStream {
        private final ClassLoader application;

        CheckedOutputStream(OutputStream out, ClassLoader application) throws IOException {
            super(out);
            this.application = application;
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            if (!allowed(type, application)) {
                throw new InvalidClassException(type.getName(), "not read back from the grid");
            }
        }
    }

    /**
     * Resolves classes with the application's class loader (the thread may be a grid or timer thread) and filters
     * them.
     */
    private static final class CheckedInputStream extends ObjectInputStream {
        private final ClassLoader application;
        /** The class the filter refused, if it did. */
        String refused;

        CheckedInputStream(InputStream in, ClassLoader application) throws IOException {
            super(in);
            this.application = application;
            setObjectInputFilter(this::check);
        }

        private ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
            Class<?> type = info.serialClass();
            if (type == null || allowed(type, application)) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            refused = type.getName();
            return ObjectInputFilter.Status.REJECTED;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, application);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description); // primitives
            }
        }
    }
}
