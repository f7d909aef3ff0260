package dev.nex.jakarta.impl.state.grid;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What this version of the application can read of a record another version wrote (SPEC 10.8): each value is
 * read once, and a class it cannot read is logged at WARNING once per node.
 */
final class VersionCheck {

    private static final Logger LOG = Logger.getLogger(VersionCheck.class.getName());

    private final ClassLoader application;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    VersionCheck(ClassLoader application) {
        this.application = application;
    }

    /** {@code record} without what this version cannot read: {@code record} itself if it can read all of it. */
    PageRecord readablePart(PageRecord record) {
        Set<String> entryKeys = unreadable(record.entries());
        Set<String> beanIds = unreadable(record.beans());
        return entryKeys.isEmpty() && beanIds.isEmpty() ? record : record.without(entryKeys, beanIds);
    }

    /** Logs, once per class, that pages holding values of its class end. */
    void warn(UnreadableValueException unreadable) {
        String className = String.valueOf(unreadable.className());
        if (warned.add(className)) {
            LOG.warning(() -> "Page state of class " + className + ", written by another version of the "
                    + "application, cannot be read by this version (" + unreadable.getCause() + "): pages holding "
                    + "it end as if expired (SPEC 10.8). Logged once per class.");
        }
    }

    private Set<String> unreadable(Map<String, byte[]> values) {
        Set<String> keys = new HashSet<>();
        values.forEach((key, bytes) -> {
            try {
                Values.read(bytes, application);
            } catch (UnreadableValueException e) {
                keys.add(key);
                warn(e);
            }
        });
        return keys;
    }
}
