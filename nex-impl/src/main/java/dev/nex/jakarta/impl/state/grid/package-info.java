/**
 * The cluster backend: pages on the server's data grid ({@code nex.store=jcache} or {@code infinispan}), as
 * records compared-and-set on the grid.
 */
package dev.nex.jakarta.impl.state.grid;
