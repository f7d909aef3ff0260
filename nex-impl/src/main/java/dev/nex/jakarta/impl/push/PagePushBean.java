package dev.nex.jakarta.impl.push;

import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.nex.jakarta.PagePush;
import dev.nex.jakarta.impl.state.PageBindingHolder;

/** {@link PagePush}: events go to the page bound to the calling thread, which they allocate like a write. */
@ApplicationScoped
public class PagePushBean implements PagePush {

    /** What htmx's {@code sse-swap} can name, and what cannot break an SSE frame. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    @Inject
    PushStreams streams;

    @Override
    public void send(String name, String html) {
        if (name == null || !NAME.matcher(name).matches() || PagePush.END_EVENT.equals(name)) {
            throw new IllegalArgumentException("Not an event name: '" + name + "' (letters, digits, - _ . :)");
        }
        Objects.requireNonNull(html, "html");
        // the page's end comes to every page that exists, and takes its channel along
        streams.send(PageBindingHolder.require().stateForWrite(), name, html);
    }
}
