package dev.nex.jakarta.bench.app;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Counts the HTTP sessions the application opened, for the GET flood ({@link HeapResource}). */
@WebListener
public class SessionCount implements HttpSessionListener {

    static final AtomicLong CREATED = new AtomicLong();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        CREATED.incrementAndGet();
    }
}
