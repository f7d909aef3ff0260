package dev.nex.jakarta.impl.push;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's push buffer as the cluster shares it (SPEC 12.4), one String value on the data grid: the page's last
 * events in order, the last sequence number given out, the last one a stream took, the node holding the page's
 * stream ({@code ""}: none) and whether the page ended. Immutable; every change is a new log, written by
 * compare-and-set.
 *
 * @param lastSequence the number of the last event sent to the page
 * @param takenUpTo    the number of the last event a stream took
 * @param holder       the node holding the page's stream, or {@code ""}
 * @param ended        the page ended: the log takes no more events, and its stream gets the final event
 * @param events       the buffered events, oldest first
 */
record PushLog(long lastSequence, long takenUpTo, String holder, boolean ended, List<PushedEvent> events) {

    static final PushLog EMPTY = new PushLog(0, 0, "", false, List.of());

    /** The log after an append, and whether the append pushed out an event no stream had taken. */
    record Appended(PushLog log, boolean dropped) {
    }

    /** The log {@code raw} encodes; {@link #EMPTY} for {@code null}. */
    static PushLog decode(String raw) {
        if (raw == null) {
            return EMPTY;
        }
        Reader in = new Reader(raw);
        long lastSequence = in.number();
        long takenUpTo = in.number();
        boolean ended = in.number() == 1;
        String holder = in.text();
        int count = (int) in.number();
        List<PushedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new PushedEvent(in.number(), in.text(), in.text()));
        }
        return new PushLog(lastSequence, takenUpTo, holder, ended, List.copyOf(events));
    }

    /** Numbers end with {@code ,}; texts are their length, {@code :}, then themselves. */
    String encode() {
        StringBuilder out = new StringBuilder(64 + events.size() * 48);
        out.append(lastSequence).append(',').append(takenUpTo).append(',').append(ended ? 1 : 0).append(',');
        text(out, holder);
        out.append(events.size()).append(',');
        for (PushedEvent event : events) {
            out.append(event.sequence()).append(',');
            text(out, event.name());
            text(out, event.html());
        }
        return out.toString();
    }

    /** Appends the next event; beyond {@code capacity} the oldest goes. */
    Appended append(String name, String html, int capacity) {
        List<PushedEvent> next = new ArrayList<>(events.size() + 1);
        next.addAll(events);
        next.add(new PushedEvent(lastSequence + 1, name, html));
        boolean dropped = false;
        while (next.size() > capacity) {
            dropped |= next.remove(0).sequence() > takenUpTo;
        }
        return new Appended(new PushLog(lastSequence + 1, takenUpTo, holder, ended, List.copyOf(next)), dropped);
    }

    PushLog heldBy(String node) {
        return new PushLog(lastSequence, takenUpTo, node, ended, events);
    }

    /** No stream any more, if {@code node} held it. */
    PushLog releasedBy(String node) {
        return holder.equals(node) ? heldBy("") : this;
    }

    PushLog taken(long sequence) {
        return sequence <= takenUpTo ? this : new PushLog(lastSequence, sequence, holder, ended, events);
    }

    /** The page ended: no more events come in. */
    PushLog ending() {
        return new PushLog(lastSequence, takenUpTo, holder, true, events);
    }

    private static void text(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text);
    }

    /** Reads an encoded log front to back. */
    private static final class Reader {
        private final String raw;
        private int at;

        Reader(String raw) {
            this.raw = raw;
        }

        long number() {
            int comma = raw.indexOf(',', at);
            long value = Long.parseLong(raw, at, comma, 10);
            at = comma + 1;
            return value;
        }

        String text() {
            int colon = raw.indexOf(':', at);
            int length = Integer.parseInt(raw, at, colon, 10);
            at = colon + 1 + length;
            return raw.substring(colon + 1, at);
        }
    }
}
