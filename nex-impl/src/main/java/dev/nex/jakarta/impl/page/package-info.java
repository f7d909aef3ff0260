/**
 * Requests and their pages: classifying a request, minting and checking page ids, owner keys of sessions, and
 * binding each request to its page for its whole run (the servlet filter).
 */
package dev.nex.jakarta.impl.page;
