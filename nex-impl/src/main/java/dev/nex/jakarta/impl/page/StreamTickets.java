package dev.nex.jakarta.impl.page;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * The tickets that name a page in its event stream's URL (SPEC 12.1). A browser's {@code EventSource} sends no
 * headers of its own, so the page must be named in the URL, where SPEC 3.5 forbids its id: the ticket is the id
 * encrypted (AES-GCM, a fresh nonce each time) under a key derived from the backend's id secret, so every node of a
 * cluster reads the tickets of every other. A ticket in an access log tells nothing and acts on nothing: the
 * stream still belongs to the page's session only.
 */
@ApplicationScoped
public class StreamTickets {

    /** Where a page's event stream is served, relative to the context root. */
    public static final String STREAM_PATH = "/nex/events";
    /** Request attribute marking a stream whose page is gone: it gets the final event at once. */
    public static final String PAGE_GONE = StreamTickets.class.getName() + ".page-gone";
    /** The query parameter carrying the ticket. */
    public static final String PARAMETER = "nex-ticket";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int ID_BYTES = PageIdCodec.LENGTH * 3 / 4;
    /** Base64 characters (unpadded) of nonce, encrypted id and tag. */
    private static final int LENGTH = ((NONCE_BYTES + ID_BYTES + TAG_BITS / 8) * 8 + 5) / 6;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private SecretKey key;

    @Inject
    void keyFrom(PageStateBackend states) {
        try {
            Mac derivation = Mac.getInstance("HmacSHA256");
            derivation.init(new SecretKeySpec(states.idSecret(), "HmacSHA256"));
            byte[] derived = derivation.doFinal("nex-stream-ticket".getBytes(StandardCharsets.US_ASCII));
            key = new SecretKeySpec(Arrays.copyOf(derived, 16), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java SE platform", e);
        }
    }

    /** A new ticket for page {@code pageId}. */
    public String issue(String pageId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = crypt(Cipher.ENCRYPT_MODE, nonce, Base64.getUrlDecoder().decode(pageId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required by every Java SE platform", e);
        }
        return ENCODER.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed)
                .array());
    }

    /**
     * The page id a ticket names; empty for a ticket of the right form that this application did not issue (forged,
     * altered, or issued before a redeploy changed the key), which names no page, as an unknown id (SPEC 3.4).
     *
     * @throws MalformedPageIdException if it is not of a ticket's length and alphabet (SPEC 3.3)
     */
    public Optional<String> pageId(String ticket) {
        if (ticket == null || ticket.length() != LENGTH || !PageIdCodec.isUrlSafeAlphabet(ticket)) {
            throw new MalformedPageIdException();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(ticket);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        try {
            return Optional.of(ENCODER.encodeToString(crypt(Cipher.DECRYPT_MODE, nonce, sealed)));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required by every Java SE platform", e);
        }
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        return cipher.doFinal(input);
    }
}
