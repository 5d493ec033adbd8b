package io.ringtrader.engine.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A loaded configuration and its effective form.
 *
 * @param config        the validated configuration.
 * @param effectiveYaml every setting as applied, defaults included, as YAML in schema order, with secrets masked;
 *                      what {@code ringtrader config check} prints. Loading it gives the same configuration, except
 *                      that non-empty secrets read as {@code ****}.
 */
public record LoadedConfig(RingTraderConfig config, String effectiveYaml) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(effectiveYaml, "effectiveYaml");
    }

    /**
     * The config's canonical hash, {@code sha256:<hex>} of {@link #effectiveYaml()}: every setting as applied, in schema
     * order, defaults included and secrets masked, so the same configuration always hashes the same however its file is
     * written (order of keys, comments, defaults spelled out or not, the secrets' values), and a changed setting
     * changes it. The session journal records it.
     */
    public String canonicalHash() {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(effectiveYaml.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
