package io.ringtrader.engine.config;

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
}
