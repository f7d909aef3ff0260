/**
 * Server push to a page (SPEC 12): each page's event buffer and its one open stream, the JAX-RS endpoint that
 * opens streams, and the {@link dev.nex.jakarta.PagePush} bean that sends. Depends on {@code page} and
 * {@code state}; nothing depends on it but through {@link dev.nex.jakarta.impl.state.PageEndListener}.
 */
package dev.nex.jakarta.impl.push;
