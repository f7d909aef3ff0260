package dev.nex.jakarta.impl.page;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.nex.jakarta.impl.state.PageStateBackend;

/**
 * Mints and checks page ids (SPEC 3.1, 3.3).
 * <p>
 * An id is 128 random bits from {@link SecureRandom}, the second it was minted, and an HMAC of both under a key
 * of this application instance, as 50 URL-safe characters. The MAC lets an action tell, without any memory
 * spent at mint time (SPEC 2: a GET flood costs nothing), a page of ours that never stored anything (run it
 * against empty state) from an id we never minted or that expired (SPEC 3.4: {@code nex.page.expired}). The key
 * comes from the page-state backend, so that in a cluster every node checks the ids every other node mints.
 */
@ApplicationScoped
public class PageIdCodec {

    public static final int LENGTH = 50;
    private static final int RANDOM_BYTES = 16;
    private static final int TIME_BYTES = 4; // epoch seconds, unsigned: good until 2106
    private static final int MAC_BYTES = 17;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    /**
     * Initialised once and cloned per id: {@code Mac.getInstance} looks the provider up on every call, several
     * times the cost of a clone. Not a thread-local: container threads are not ours to leave state on.
     */
    private volatile Mac keyed;

    /** Ids under a random key of this instance; CDI then re-keys it with {@link #keyFrom}. */
    public PageIdCodec() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        keyed = keyedMac(secret);
    }

    @Inject
    void keyFrom(PageStateBackend states) {
        keyed = keyedMac(states.idSecret());
    }

    private static Mac keyedMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java SE platform", e);
        }
    }

    /** A new id, minted at {@code epochSecond}. */
    public String mint(long epochSecond) {
        ByteBuffer id = ByteBuffer.allocate(RANDOM_BYTES + TIME_BYTES + MAC_BYTES);
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        id.put(nonce).putInt((int) epochSecond);
        id.put(mac(id.array(), RANDOM_BYTES + TIME_BYTES));
        return ENCODER.encodeToString(id.array());
    }

    /**
     * Checks the form of a presented id and whether we minted it.
     *
     * @throws MalformedPageIdException if it is not 50 characters of the URL-safe Base64 alphabet
     */
    public PresentedId check(String raw) {
        if (raw == null || raw.length() != LENGTH || !isUrlSafeAlphabet(raw)) {
            throw new MalformedPageIdException();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(raw);
        if (!ENCODER.encodeToString(bytes).equals(raw)) {
            throw new MalformedPageIdException(); // the last character carries unused bits: one spelling per id
        }
        byte[] expected = mac(bytes, RANDOM_BYTES + TIME_BYTES);
        byte[] presented = Arrays.copyOfRange(bytes, RANDOM_BYTES + TIME_BYTES, bytes.length);
        boolean ours = MessageDigest.isEqual(expected, presented);
        long mintedSecond = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, RANDOM_BYTES, TIME_BYTES).getInt());
        return new PresentedId(raw, ours, mintedSecond);
    }

    static boolean isUrlSafeAlphabet(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private byte[] mac(byte[] data, int length) {
        Mac mac;
        try {
            mac = (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's " + ALGORITHM + " can be cloned", e);
        }
        mac.update(data, 0, length);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    /**
     * A well-formed id as presented by a request.
     *
     * @param value        the id
     * @param ours         minted under our key (false after a redeploy of a single node, or for a forged id)
     * @param mintedSecond epoch second of minting; meaningful only when {@code ours}
     */
    public record PresentedId(String value, boolean ours, long mintedSecond) {
    }
}
