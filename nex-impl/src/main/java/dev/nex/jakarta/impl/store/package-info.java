/**
 * The {@code PageStore} API over the bound page's state.
 */
package dev.nex.jakarta.impl.store;
