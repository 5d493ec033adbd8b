package io.ringtrader.engine.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Renders the effective configuration recorded by {@link ConfigNode}s as YAML that loads back to the same
 * configuration: block style, keys in schema order, lists of plain values in flow style, decimals quoted so
 * their scale survives, {@code ${} escaped as {@code $${}, and secrets masked.
 */
final class EffectiveYamlWriter {
    static final String MASKED = "****";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./-]*");
    private static final Resolver RESOLVER = new Resolver();
    private static final int INDENT = 2;

    private EffectiveYamlWriter() {
    }

    static String write(final Map<String, ?> root) {
        final StringBuilder sb = new StringBuilder();
        writeMapping(sb, root, 0);
        return sb.toString();
    }

    private static void writeMapping(final StringBuilder sb, final Map<?, ?> mapping, final int indent) {
        for (final Map.Entry<?, ?> entry : mapping.entrySet()) {
            if (entry.getValue() != null) {
                sb.append(" ".repeat(indent)).append(entry.getKey()).append(':');
                writeValue(sb, entry.getValue(), indent);
            }
        }
    }

    /**
     * Writes what follows a {@code key:} or {@code -} written at {@code indent}, through the end of the line.
     */
    private static void writeValue(final StringBuilder sb, final Object value, final int indent) {
        if (value instanceof Map<?, ?> mapping) {
            if (mapping.isEmpty()) {
                sb.append(" {}\n");
            } else {
                sb.append('\n');
                writeMapping(sb, mapping, indent + INDENT);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append(" []\n");
            } else if (list.stream().allMatch(EffectiveYamlWriter::isScalar)) {
                final StringJoiner items = new StringJoiner(", ", " [", "]\n");
                list.forEach(item -> items.add(scalar(item)));
                sb.append(items);
            } else {
                sb.append('\n');
                for (final Object item : list) {
                    writeListItem(sb, item, indent + INDENT);
                }
            }
        } else {
            sb.append(' ').append(scalar(value));
            if (value instanceof Secret secret) {
                sb.append(secret.isEmpty() ? "  # secret, empty" : "  # secret, masked");
            }
            sb.append('\n');
        }
    }

    private static void writeListItem(final StringBuilder sb, final Object item, final int indent) {
        if (item instanceof Map<?, ?> mapping && !mapping.isEmpty()) {
            final StringBuilder entries = new StringBuilder();
            writeMapping(entries, mapping, indent + INDENT);
            sb.append(" ".repeat(indent)).append("- ").append(entries, indent + INDENT, entries.length());
        } else {
            sb.append(" ".repeat(indent)).append('-');
            writeValue(sb, item, indent);
        }
    }

    private static boolean isScalar(final Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    private static String scalar(final Object value) {
        if (value instanceof String text) {
            return string(EnvSubstitution.escape(text));
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return doubleQuoted(decimal.toPlainString());
        }
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof Secret secret) {
            return doubleQuoted(secret.isEmpty() ? "" : MASKED);
        }
        throw new IllegalStateException("no YAML rendering for " + value.getClass().getName());
    }

    private static String string(final String text) {
        final boolean plain = PLAIN.matcher(text).matches() && Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, text, true));
        return plain ? text : doubleQuoted(text);
    }

    private static String doubleQuoted(final String text) {
        final StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        sb.append(String.format("\\u%04X", (int)c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
