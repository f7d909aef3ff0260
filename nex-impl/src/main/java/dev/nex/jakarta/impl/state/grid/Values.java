package dev.nex.jakarta.impl.state.grid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/** Java serialization of stored values and bean instances, read back with the application's class loader. */
final class Values {

    private Values() {
    }

    /**
     * {@code value} as bytes.
     *
     * @throws IllegalArgumentException if it is not serializable: said at the {@code put}, not at some later
     *                                  replication (SPEC 4.4)
     */
    static byte[] write(Object value, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException(what + " holds a " + e.getMessage() + ", which is not Serializable: "
                    + "page state on a data grid (nex.store) must be Serializable (SPEC 4.4)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be serialized for the data grid (nex.store)", e);
        }
        return bytes.toByteArray();
    }

    static Object read(byte[] bytes, ClassLoader loader) {
        try (ObjectInputStream in = new ApplicationObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("A page state value on the grid cannot be read", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A page state value on the grid is of a class this application does not "
                    + "have: " + e.getMessage(), e);
        }
    }

    /** Resolves classes with the application's class loader: the caller's thread may be a grid or timer thread. */
    private static final class ApplicationObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        ApplicationObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description); // primitives and the JDK's own
            }
        }
    }
}
