package dev.nex.jakarta.impl.push;

/**
 * One event sent to a page: its place in the page's sequence (the SSE {@code id}, which a reconnecting browser
 * sends back as {@code Last-Event-ID}), its name and its HTML.
 */
record PushedEvent(long sequence, String name, String html) {
}
