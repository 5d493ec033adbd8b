/**
 * The deployment configuration: an immutable typed model ({@link io.ringtrader.engine.config.RingTraderConfig})
 * and its strict YAML loader ({@link io.ringtrader.engine.config.ConfigLoader}).
 * <p>
 * Loading happens once at start-up, on the calling thread. Every unknown key, wrong type and bad value
 * is reported with file, line, column and dotted path; nothing here is used on the hot path.
 */
package io.ringtrader.engine.config;
