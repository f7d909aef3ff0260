package dev.nex.jakarta.tck.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the messages of the WARNING (and worse) records this server logs while the application runs, whichever
 * logger logs them: tests count what an implementation warned about, not how it names its loggers.
 */
@ApplicationScoped
public class WarningLog {

    private static final List<String> MESSAGES = new CopyOnWriteArrayList<>();

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getMessage() != null) {
                MESSAGES.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    void listen(@Observes @Initialized(ApplicationScoped.class) Object application) {
        Logger.getLogger("").addHandler(handler);
    }

    @PreDestroy
    void stop() {
        Logger.getLogger("").removeHandler(handler);
    }

    /** How many kept messages contain {@code text}. */
    static long naming(String text) {
        return MESSAGES.stream().filter(message -> message.contains(text)).count();
    }
}
