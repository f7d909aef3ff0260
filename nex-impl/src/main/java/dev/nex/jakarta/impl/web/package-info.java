/**
 * Jakarta MVC and JAX-RS integration: layouts, the page script and its injection, directives, error responses,
 * CSRF, the unload endpoint and the htmx WebJar.
 */
package dev.nex.jakarta.impl.web;
