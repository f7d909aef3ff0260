/**
 * The statistics MBean (SPEC 9).
 */
package dev.nex.jakarta.impl.monitoring;
