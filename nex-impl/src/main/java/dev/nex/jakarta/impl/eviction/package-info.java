/**
 * What ends pages from outside a request: the sweep timer and the end of HTTP sessions.
 */
package dev.nex.jakarta.impl.eviction;
