/**
 * Uploads (SPEC 11.4): a {@code multipart/form-data} body is checked while the JAX-RS runtime reads it, so that a
 * part over its size, a body that is not well-formed multipart and a part of a type the action does not take are
 * refused with 413, 400 and 415 before the action runs. Depends on no other Nex package but {@code config}.
 */
package dev.nex.jakarta.impl.upload;
