package io.ringtrader.sim.binance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance's HMAC-SHA256 request signature: hex of HMAC(secret, totalParams) where totalParams is the query string
 * followed directly by the request body, both without the {@code signature} parameter. Stateless; thread-safe.
 */
public final class RequestSignature {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestSignature() {
    }

    /** Lower-case hex HMAC-SHA256 of {@code payload} under {@code secret}. */
    public static String sign(final String secret, final String payload) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            final byte[] digest = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            final char[] out = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
                out[2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
        }
    }

    /** True when {@code signature} (hex, any case) is the signature of {@code payload}; constant-time compare. */
    public static boolean verify(final String secret, final String payload, final String signature) {
        final byte[] expected = sign(secret, payload).getBytes(StandardCharsets.US_ASCII);
        final byte[] given = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** {@code raw} (a query string or form body) without its {@code name=...} parameter. */
    static String without(final String raw, final String name) {
        if (raw.isEmpty()) {
            return raw;
        }
        final StringBuilder sb = new StringBuilder(raw.length());
        for (final String part : raw.split("&", -1)) {
            if (part.startsWith(name + "=") || part.equals(name)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(part);
        }
        return sb.toString();
    }
}
