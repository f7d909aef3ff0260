/**
 * The default backend: live pages in this JVM's heap ({@code nex.store=memory}).
 */
package dev.nex.jakarta.impl.state.memory;
