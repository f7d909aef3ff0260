package dev.nex.jakarta.impl.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A random secret of one browser, kept in an {@code HttpOnly} cookie instead of server memory, so that a
 * full page allocates nothing on the server (SPEC 2) and yet pages and CSRF tokens are bound to the browser:
 * <ul>
 * <li>its {@link #csrfToken() CSRF token} (the double-submit token the page script sends) is a hash of the
 * secret: the page shows the token, never the secret;</li>
 * <li>its {@link #ownerKey() owner key} becomes the owner key of the HTTP session Nex creates on the first write
 * (SPEC 3.2), so requests a browser sends before it holds that session's cookie (htmx fires them in parallel)
 * own the page together instead of racing for it.</li>
 * </ul>
 * The cookie is {@code __Host-Nex-Key} on HTTPS (a sibling domain cannot set or overwrite it), {@code Nex-Key}
 * on plain HTTP, always {@code SameSite=Lax}; docs/security.md has the threat model.
 */
public final class BrowserKey {

    static final String SECURE_COOKIE = "__Host-Nex-Key";
    static final String PLAIN_COOKIE = "Nex-Key";
    /** Request attribute holding the request's key, once read or minted: the cookie is parsed once per request. */
    private static final String ATTRIBUTE = BrowserKey.class.getName();
    private static final int SECRET_BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String secret;
    /** Hashes of the secret, computed on first use: the CSRF check and the owner lookup ask for them repeatedly. */
    private String csrfToken;
    private String ownerKey;

    private BrowserKey(String secret) {
        this.secret = secret;
    }

    /** The key the request's browser sent (or this request minted); creates nothing. */
    public static Optional<BrowserKey> of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof BrowserKey key) {
            return Optional.of(key);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            String name = cookieName(request);
            for (Cookie cookie : cookies) {
                // a garbage value is no key: the browser gets a new one (never a 500)
                if (name.equals(cookie.getName()) && WELL_FORMED.matcher(cookie.getValue()).matches()) {
                    BrowserKey sent = new BrowserKey(cookie.getValue());
                    request.setAttribute(ATTRIBUTE, sent);
                    return Optional.of(sent);
                }
            }
        }
        return Optional.empty();
    }

    /** The request's key, minted and set as a cookie on {@code response} if the browser has none. */
    public static BrowserKey ensure(HttpServletRequest request, HttpServletResponse response) {
        Optional<BrowserKey> sent = of(request);
        if (sent.isPresent()) {
            return sent.get();
        }
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        BrowserKey key = new BrowserKey(ENCODER.encodeToString(random));
        request.setAttribute(ATTRIBUTE, key);
        response.addCookie(key.cookie(request));
        return key;
    }

    /** The double-submit CSRF token of this browser. */
    public String csrfToken() {
        if (csrfToken == null) {
            csrfToken = hash("csrf:"); // a race only computes the same value twice
        }
        return csrfToken;
    }

    /** The page owner key of this browser's sessions (SPEC 3.2). */
    public String ownerKey() {
        if (ownerKey == null) {
            ownerKey = hash("owner:");
        }
        return ownerKey;
    }

    private Cookie cookie(HttpServletRequest request) {
        Cookie cookie = new Cookie(cookieName(request), secret);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        // __Host- requires Path=/; on plain HTTP the cookie stays with this application
        cookie.setPath(request.isSecure() || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String cookieName(HttpServletRequest request) {
        return request.isSecure() ? SECURE_COOKIE : PLAIN_COOKIE;
    }

    private String hash(String purpose) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return ENCODER.encodeToString(digest.digest((purpose + secret).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
