package io.ringtrader.gateway.binance.rest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Binance {@code SIGNED} requests: the lower-case hex HMAC-SHA256 of the <em>total params</em>, the
 * query string directly followed by the request body (no {@code &} between them), keyed with the API secret.
 * One {@link Mac} is created at construction and reused.
 *
 * <p>Thread-safe: {@link #sign} is synchronized (the REST executor's threads share one signer; signing
 * is microseconds and the lock is uncontended in practice).
 */
public final class BinanceSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac mac;
    private final char[] hex = new char[64];

    /**
     * @param secretKey the API secret, as Binance shows it (ASCII).
     * @throws IllegalArgumentException if the secret is empty.
     * @throws IllegalStateException    if the JDK offers no HMAC-SHA256 (never on a standard JDK).
     */
    public BinanceSigner(final String secretKey) {
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("binance signer: the API secret must not be empty");
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.US_ASCII), ALGORITHM));
        } catch (final NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("binance signer: cannot initialise " + ALGORITHM, e);
        }
    }

    /**
     * Signs the total params.
     *
     * @param queryString the query string without {@code ?} ("" if none).
     * @param body        the form body ("" if none).
     * @return 64 lower-case hex digits.
     */
    public synchronized String sign(final String queryString, final String body) {
        mac.update(queryString.getBytes(StandardCharsets.US_ASCII));
        mac.update(body.getBytes(StandardCharsets.US_ASCII));
        final byte[] digest = mac.doFinal();
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex);
    }

    @Override
    public String toString() {
        return "BinanceSigner{" + ALGORITHM + ", secret=***}";
    }
}
