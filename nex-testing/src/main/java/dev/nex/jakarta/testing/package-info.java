/**
 * Tests for Nex applications, against the application on a real server: {@link dev.nex.jakarta.testing.NexClient}
 * opens pages and sends their actions as htmx does, {@link dev.nex.jakarta.testing.NexResponse} reads what they
 * answered, {@link dev.nex.jakarta.testing.Browser} drives a real headless Chromium where real htmx must run.
 * <pre>{@code
 * NexPage page = NexClient.at(base).open("app/cart");
 * page.post("app/cart/add_item", Map.of("item", "tea")).assertStatus(200);
 * }</pre>
 */
package dev.nex.jakarta.testing;
