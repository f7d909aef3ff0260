/**
 * The CDI side of {@code @PageScoped}: the context, a thin layer over the bound page's bean storage.
 */
package dev.nex.jakarta.impl.scope;
