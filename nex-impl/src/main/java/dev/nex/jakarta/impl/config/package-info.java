/**
 * The configuration, read once from MicroProfile Config and checked at deployment (SPEC 8).
 */
package dev.nex.jakarta.impl.config;
