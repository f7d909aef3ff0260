package dev.nex.jakarta.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for something the server does on its own time (a timer, a session timeout). Polling with a generous
 * limit, never a fixed sleep: fast machines finish early, slow ones still pass.
 * <pre>{@code
 * Poll.until("page ended", Duration.ofSeconds(20), () -> client.log(id).get("destroyed").equals("1"));
 * }</pre>
 */
public final class Poll {

    private Poll() {
    }

    public static void until(String what, Duration limit, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + limit + ": " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
