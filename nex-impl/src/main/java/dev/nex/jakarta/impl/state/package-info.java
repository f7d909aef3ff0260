/**
 * Page state, whatever keeps it: one page's state ({@link dev.nex.jakarta.impl.state.Page}) and its beans
 * ({@link dev.nex.jakarta.impl.state.PageBeanStorage}), the backend SPI
 * ({@link dev.nex.jakarta.impl.state.PageStateBackend}), the page bound to a thread
 * ({@link dev.nex.jakarta.impl.state.PageBindingHolder}) and a page's start and end, the same for every backend
 * ({@link dev.nex.jakarta.impl.state.PageLifecycle}). Depends on no other package of Nex's but the configuration;
 * everything else depends on it.
 */
package dev.nex.jakarta.impl.state;
