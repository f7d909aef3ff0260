/**
 * MicroProfile Health where the server provides it (SPEC 9): the page store's readiness. Nothing here is loaded
 * on a server without MicroProfile Health.
 */
package dev.nex.jakarta.impl.health;
