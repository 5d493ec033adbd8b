package io.ringtrader.engine.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A mapping in a configuration file, read key by key by the config class it belongs to.
 * <p>
 * Each accessor names a key of the schema, converts its value (after {@code ${ENV}} substitution) and records
 * the value applied, default included, for the effective configuration. Problems (missing key, wrong type,
 * value out of range) are collected with file, line, column and dotted path rather than thrown, and the
 * accessor returns a placeholder so that reading goes on and one load reports them all; the loader throws a
 * {@link ConfigException} at the end. After reading its keys, a config class calls
 * {@link #requireNoUnknownKeys()}.
 * <p>
 * A section absent from the file reads as an empty mapping: every optional key takes its default. Keys are
 * recorded for the effective configuration in the order they are read, so config classes read them in
 * schema order. Not thread-safe; used once, at start-up.
 */
public final class ConfigNode {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final int MAX_ECHO_LENGTH = 60;

    private final ReadContext context;
    private final String path;
    private final Mark mark;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> knownKeys = new LinkedHashSet<>();
    private final Set<String> handledKeys = new HashSet<>();
    private final Map<String, ConfigNode> sections = new HashMap<>();
    private final Map<String, Object> effective = new LinkedHashMap<>();

    private ConfigNode(final ReadContext context, final String path, final Mark mark, final MappingNode node) {
        this.context = context;
        this.path = path;
        this.mark = mark;
        if (node != null) {
            for (final NodeTuple tuple : node.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !Tag.MERGE.equals(key.getTag())) {
                    entries.putIfAbsent(key.getValue(), tuple);
                }
            }
        }
    }

    static ConfigNode root(final ReadContext context, final MappingNode node) {
        return new ConfigNode(context, "", node.getStartMark(), node);
    }

    /**
     * @return the dotted path of this mapping, e.g. {@code pipeline.threads[1]}; empty for the document root.
     */
    public String path() {
        return path;
    }

    /**
     * @param key a key of the schema.
     * @return true if the key is present in the file.
     */
    public boolean has(final String key) {
        knownKeys.add(key);
        return entries.containsKey(key);
    }

    public String requiredString(final String key) {
        return requiredString(key, null);
    }

    /**
     * @param validator checks the value read; null for none.
     */
    public String requiredString(final String key, final Validator<String> validator) {
        return recorded(key, value(key, true, "a string", Scalar::text, validator), "");
    }

    public String optionalString(final String key, final String defaultValue) {
        return optionalString(key, defaultValue, null);
    }

    /**
     * @param validator checks the value read (not the default); null for none.
     */
    public String optionalString(final String key, final String defaultValue, final Validator<String> validator) {
        return recorded(key, value(key, false, "a string", Scalar::text, validator), defaultValue);
    }

    /**
     * @param allowed the permitted values.
     * @return the value, one of {@code allowed}.
     */
    public String requiredChoice(final String key, final List<String> allowed) {
        final String result = value(key, true, "one of: " + String.join(", ", allowed), s -> choice(s, allowed));
        return recorded(key, result, allowed.get(0));
    }

    public int requiredInt(final String key, final int min, final int max) {
        return recorded(key, value(key, true, "an integer", s -> intValue(s, min, max)), min);
    }

    public int optionalInt(final String key, final int defaultValue, final int min, final int max) {
        return optionalInt(key, defaultValue, min, max, null);
    }

    /**
     * @param validator checks the value read (not the default) once it is known to be in range; null for none.
     */
    public int optionalInt(
        final String key, final int defaultValue, final int min, final int max, final Validator<Integer> validator) {
        return recorded(key, value(key, false, "an integer", s -> intValue(s, min, max), validator), defaultValue);
    }

    /**
     * @return the value, or empty if the key is absent; absent keys do not appear in the effective configuration.
     */
    public OptionalInt optionalInt(final String key, final int min, final int max) {
        if (!has(key)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(optionalInt(key, min, min, max));
    }

    public long requiredLong(final String key, final long min, final long max) {
        return recorded(key, value(key, true, "an integer", s -> integer(s, min, max)), min);
    }

    public long optionalLong(final String key, final long defaultValue, final long min, final long max) {
        return recorded(key, value(key, false, "an integer", s -> integer(s, min, max)), defaultValue);
    }

    public boolean requiredBoolean(final String key) {
        return recorded(key, value(key, true, "true or false", this::bool), false);
    }

    public boolean optionalBoolean(final String key, final boolean defaultValue) {
        return recorded(key, value(key, false, "true or false", this::bool), defaultValue);
    }

    /**
     * @param values     the constants of the enum.
     * @param configName the name of a constant as written in configuration.
     * @return the constant, or null if the key is missing or its value unknown (a problem is recorded).
     */
    public <E extends Enum<E>> E requiredEnum(final String key, final E[] values, final Function<E, String> configName) {
        final E result = value(key, true, expectedOneOf(values, configName), s -> enumValue(s, values, configName));
        if (result != null) {
            effective.put(key, configName.apply(result));
        }
        return result;
    }

    public <E extends Enum<E>> E optionalEnum(
        final String key, final E defaultValue, final E[] values, final Function<E, String> configName) {
        final E parsed = value(key, false, expectedOneOf(values, configName), s -> enumValue(s, values, configName));
        final E result = parsed == null ? defaultValue : parsed;
        effective.put(key, configName.apply(result));
        return result;
    }

    /**
     * Reads a non-empty list of enum constants, e.g. {@code stages: [book, features]}. Unknown entries are
     * reported and left out.
     */
    public <E extends Enum<E>> List<E> requiredEnumList(
        final String key, final E[] values, final Function<E, String> configName) {
        return enumList(key, values, configName, null);
    }

    /**
     * Reads a list of enum constants that may be empty ({@code klines: []}); {@code defaultValue} if the key
     * is absent. Unknown entries are reported and left out.
     */
    public <E extends Enum<E>> List<E> optionalEnumList(
        final String key, final E[] values, final Function<E, String> configName, final List<E> defaultValue) {
        return enumList(key, values, configName, Objects.requireNonNull(defaultValue, "defaultValue"));
    }

    /** A required non-empty list if {@code defaultValue} is null, else an optional one that may be empty. */
    private <E extends Enum<E>> List<E> enumList(
        final String key, final E[] values, final Function<E, String> configName, final List<E> defaultValue) {
        final String expected = "a list, each " + expectedOneOf(values, configName);
        final Node node = lookup(key);
        final List<String> names = new ArrayList<>();
        effective.put(key, names);
        if (node == null) {
            if (defaultValue == null) {
                missing(key, expected);
                return List.of();
            }
            defaultValue.forEach(value -> names.add(configName.apply(value)));
            return List.copyOf(defaultValue);
        }
        if (!(node instanceof SequenceNode sequence)) {
            wrongType(node, childPath(key), expected);
            return List.of();
        }
        if (sequence.getValue().isEmpty() && defaultValue == null) {
            context.problem(node.getStartMark(), childPath(key), "must not be empty (expected " + expected + ")");
            return List.of();
        }

        final List<E> result = new ArrayList<>();
        final List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            final Scalar scalar = scalar(items.get(i), childPath(key) + "[" + i + "]", expected);
            final E value = scalar == null ? null : enumValue(scalar, values, configName);
            if (value != null) {
                result.add(value);
                names.add(configName.apply(value));
            }
        }
        return List.copyOf(result);
    }

    /**
     * @param min the smallest duration allowed; durations are never negative.
     */
    public Duration requiredDuration(final String key, final Duration min) {
        return recorded(key, value(key, true, Durations.EXPECTED, s -> duration(s, min)), min);
    }

    public Duration optionalDuration(final String key, final Duration defaultValue, final Duration min) {
        return recorded(key, value(key, false, Durations.EXPECTED, s -> duration(s, min)), defaultValue);
    }

    /**
     * Reads a size with a unit ({@link ByteSizes}), e.g. {@code 512MiB}.
     *
     * @param min the smallest size allowed, in bytes.
     * @return the size in bytes.
     */
    public long optionalByteSize(final String key, final long defaultValue, final long min) {
        final Long value = value(key, false, ByteSizes.EXPECTED, s -> byteSize(s, min));
        final long result = value == null ? defaultValue : value;
        effective.put(key, ByteSizes.format(result));
        return result;
    }

    /**
     * Reads a plain decimal such as {@code 0.10} (string or number in YAML; no exponent), keeping its scale.
     *
     * @param validator checks the value read; null for none.
     */
    public BigDecimal requiredDecimal(final String key, final Validator<BigDecimal> validator) {
        return recorded(key, value(key, true, "a decimal number", this::decimal, validator), BigDecimal.ONE);
    }

    public BigDecimal optionalDecimal(final String key, final BigDecimal defaultValue, final Validator<BigDecimal> validator) {
        return recorded(key, value(key, false, "a decimal number", this::decimal, validator), defaultValue);
    }

    /**
     * Reads a credential. Its value never appears in problems or in the effective configuration.
     *
     * @return the secret, empty if the key is absent.
     */
    public Secret optionalSecret(final String key) {
        return recorded(key, value(key, false, "a string", s -> Secret.of(s.text())), Secret.empty());
    }

    /**
     * @return the nested mapping under {@code key}; an empty one if the key is absent or not a mapping (a problem
     * is recorded for the latter). Asking twice for the same key gives the same node.
     */
    public ConfigNode section(final String key) {
        final ConfigNode cached = sections.get(key);
        if (cached != null) {
            return cached;
        }

        final Node node = lookup(key);
        final String childPath = childPath(key);
        final ConfigNode child;
        if (node == null) {
            child = new ConfigNode(context, childPath, mark, null);
        } else if (node instanceof MappingNode mapping) {
            child = new ConfigNode(context, childPath, node.getStartMark(), mapping);
        } else {
            wrongType(node, childPath, "a mapping");
            child = new ConfigNode(context, childPath, node.getStartMark(), null);
        }
        sections.put(key, child);
        effective.put(key, child.effective);
        return child;
    }

    /**
     * @return true if {@code key} is present and its value is a mapping (read it with {@link #section}); a
     * value of any other kind is read with the scalar accessors.
     */
    public boolean isMapping(final String key) {
        return lookup(key) instanceof MappingNode;
    }

    /**
     * Reads a non-empty list of strings, e.g. {@code instruments: [BTCUSDT, ETHUSDT]}. Entries that are not
     * single values are reported and left out.
     */
    public List<String> requiredStringList(final String key) {
        final String expected = "a non-empty list of strings";
        final Node node = lookup(key);
        final List<String> values = new ArrayList<>();
        effective.put(key, values);
        if (node == null) {
            missing(key, expected);
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            wrongType(node, childPath(key), expected);
            return List.of();
        }
        if (sequence.getValue().isEmpty()) {
            context.problem(node.getStartMark(), childPath(key), "must not be empty (expected " + expected + ")");
            return List.of();
        }
        final List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            final Scalar scalar = scalar(items.get(i), childPath(key) + "[" + i + "]", "a string");
            if (scalar != null) {
                values.add(scalar.text());
            }
        }
        return List.copyOf(values);
    }

    /**
     * @return the mappings of the list under {@code key}, in file order; empty if the key is absent. Entries that
     * are not mappings are reported and left out.
     */
    public List<ConfigNode> mappingList(final String key) {
        final Node node = lookup(key);
        final List<Object> recorded = new ArrayList<>();
        effective.put(key, recorded);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            wrongType(node, childPath(key), "a list");
            return List.of();
        }

        final List<ConfigNode> result = new ArrayList<>();
        final List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            final Node item = items.get(i);
            final String itemPath = childPath(key) + "[" + i + "]";
            if (item instanceof MappingNode mapping) {
                final ConfigNode child = new ConfigNode(context, itemPath, item.getStartMark(), mapping);
                result.add(child);
                recorded.add(child.effective);
            } else {
                wrongType(item, itemPath, "a mapping");
            }
        }
        return List.copyOf(result);
    }

    /**
     * Rejects {@code key} with {@code message} if it is present, e.g. for a section this version does not
     * support. The key is not offered as a suggestion for unknown keys.
     */
    public void reject(final String key, final String message) {
        final NodeTuple tuple = entries.get(key);
        if (tuple != null) {
            handledKeys.add(key);
            context.problem(tuple.getKeyNode().getStartMark(), childPath(key), message);
        }
    }

    /**
     * Records a problem with this mapping as a whole, e.g. a cross-field rule.
     */
    public void error(final String message) {
        context.problem(mark, path, message);
    }

    /**
     * Records a problem with the value under {@code key}, located at that value if present, else at this mapping.
     */
    public void error(final String key, final String message) {
        final NodeTuple tuple = entries.get(key);
        context.problem(tuple == null ? mark : tuple.getValueNode().getStartMark(), childPath(key), message);
    }

    /**
     * Reports every key of this mapping that no accessor asked for, suggesting the closest known key.
     */
    public void requireNoUnknownKeys() {
        for (final Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            final String key = entry.getKey();
            if (!knownKeys.contains(key) && !handledKeys.contains(key)) {
                final String suggestion = Suggestions.closest(key, knownKeys);
                final String message;
                if (suggestion != null) {
                    message = "unknown key (did you mean " + suggestion + "?)";
                } else if (knownKeys.isEmpty()) {
                    message = "unknown key (no keys are expected here)";
                } else {
                    message = "unknown key (expected one of: " + String.join(", ", knownKeys) + ")";
                }
                context.problem(entry.getValue().getKeyNode().getStartMark(), childPath(key), message);
            }
        }
    }

    int problemCount() {
        return context.problemCount();
    }

    /** The keys of this mapping as written, in file order (a mapping whose keys are names of things: venues). */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /**
     * True when {@code symbol} names an instrument whose own definition has problems (already reported): checks of
     * what refers to it are skipped, so that no follow-on message quotes its placeholder values.
     */
    boolean isFlawedInstrument(final String symbol) {
        return symbol != null && context.flawedInstruments().contains(symbol);
    }

    /** Marks an instrument's symbol as flawed (see {@link #isFlawedInstrument}). */
    void flawedInstrument(final String symbol) {
        context.flawedInstrument(symbol);
    }

    /** The symbols marked flawed so far. */
    java.util.Set<String> flawedInstruments() {
        return context.flawedInstruments();
    }

    /**
     * Records a value applied without being read from the file, e.g. a default list, for the effective
     * configuration: a tree of {@link Map}, {@link List} and scalar values.
     */
    void recordEffective(final String key, final Object value) {
        effective.put(key, value);
    }

    Map<String, Object> effective() {
        return effective;
    }

    private Node lookup(final String key) {
        knownKeys.add(key);
        final NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private String childPath(final String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * @return the converted value; null if the key is absent (reported when required) or its value invalid.
     */
    private <T> T value(final String key, final boolean required, final String expected, final Function<Scalar, T> parser) {
        return value(key, required, expected, parser, null);
    }

    private <T> T value(
        final String key,
        final boolean required,
        final String expected,
        final Function<Scalar, T> parser,
        final Validator<? super T> validator) {
        final Node node = lookup(key);
        if (node == null) {
            if (required) {
                missing(key, expected);
            }
            return null;
        }
        final Scalar scalar = scalar(node, childPath(key), expected);
        final T value = scalar == null ? null : parser.apply(scalar);
        if (value != null && validator != null) {
            final String problem = validator.problem(value);
            if (problem != null) {
                invalid(scalar, problem);
                return null;
            }
        }
        return value;
    }

    private <T> T recorded(final String key, final T value, final T fallback) {
        final T result = value == null ? fallback : value;
        effective.put(key, result);
        return result;
    }

    private Scalar scalar(final Node node, final String path, final String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            wrongType(node, path, expected);
            return null;
        }
        if (Tag.NULL.equals(scalar.getTag())) {
            context.problem(node.getStartMark(), path, "got null (expected " + expected + ")");
            return null;
        }

        final List<String> errors = new ArrayList<>(1);
        final String text = EnvSubstitution.substitute(scalar.getValue(), context.env(), errors);
        for (final String error : errors) {
            context.problem(node.getStartMark(), path, error);
        }
        return errors.isEmpty() ? new Scalar(text, scalar.getValue(), node.getStartMark(), path) : null;
    }

    private void missing(final String key, final String expected) {
        context.problem(mark, childPath(key), "missing required key (expected " + expected + ")");
    }

    private void wrongType(final Node node, final String path, final String expected) {
        final String got;
        if (node instanceof MappingNode) {
            got = "a mapping";
        } else if (node instanceof SequenceNode) {
            got = "a list";
        } else if (Tag.NULL.equals(node.getTag())) {
            got = "null";
        } else {
            got = "a single value";
        }
        context.problem(node.getStartMark(), path, "got " + got + " (expected " + expected + ")");
    }

    private void invalid(final Scalar scalar, final String message) {
        context.problem(scalar.mark(), scalar.path(), message);
    }

    private String choice(final Scalar scalar, final List<String> allowed) {
        if (allowed.contains(scalar.text())) {
            return scalar.text();
        }
        invalid(scalar, unknownValue(scalar, allowed));
        return null;
    }

    private <E extends Enum<E>> E enumValue(final Scalar scalar, final E[] values, final Function<E, String> configName) {
        final List<String> names = new ArrayList<>(values.length);
        for (final E value : values) {
            final String name = configName.apply(value);
            if (name.equals(scalar.text())) {
                return value;
            }
            names.add(name);
        }
        invalid(scalar, unknownValue(scalar, names));
        return null;
    }

    private static String unknownValue(final Scalar scalar, final List<String> allowed) {
        final String suggestion = Suggestions.closest(scalar.text(), allowed);
        return "unknown value " + scalar.describe() + " (" +
            (suggestion == null ? "" : "did you mean " + suggestion + "? ") +
            "expected one of: " + String.join(", ", allowed) + ")";
    }

    private static <E extends Enum<E>> String expectedOneOf(final E[] values, final Function<E, String> configName) {
        final List<String> names = new ArrayList<>(values.length);
        for (final E value : values) {
            names.add(configName.apply(value));
        }
        return "one of: " + String.join(", ", names);
    }

    private Integer intValue(final Scalar scalar, final int min, final int max) {
        final Long value = integer(scalar, min, max);
        return value == null ? null : value.intValue();
    }

    private Long integer(final Scalar scalar, final long min, final long max) {
        if (!INTEGER.matcher(scalar.text()).matches()) {
            invalid(scalar, "got " + scalar.describe() + " (expected an integer)");
            return null;
        }

        final long value;
        try {
            value = Long.parseLong(scalar.text());
        } catch (final NumberFormatException ex) {
            invalid(scalar, "got " + scalar.describe() + " (expected an integer between " + min + " and " + max + ")");
            return null;
        }
        if (value < min || value > max) {
            invalid(scalar, rangeMessage(min, max) + " (got " + value + ")");
            return null;
        }
        return value;
    }

    private static String rangeMessage(final long min, final long max) {
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) {
            return "must be >= " + min;
        }
        return "must be between " + min + " and " + max;
    }

    private Boolean bool(final Scalar scalar) {
        switch (scalar.text()) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                invalid(scalar, "got " + scalar.describe() + " (expected true or false)");
                return null;
        }
    }

    private Duration duration(final Scalar scalar, final Duration min) {
        final Duration value;
        try {
            value = Durations.parse(scalar.text());
        } catch (final ArithmeticException | NumberFormatException ex) {
            invalid(scalar, "got " + scalar.describe() + " (duration too long: at most 292 years)");
            return null;
        }

        if (value == null) {
            final String what = Durations.isBareNumber(scalar.text()) ? " without a unit" : "";
            invalid(scalar, "got " + scalar.describe() + what + " (" + Durations.EXPECTED + ")");
            return null;
        }
        if (value.isNegative()) {
            invalid(scalar, "must not be negative (got " + scalar.describe() + ")");
            return null;
        }
        if (value.compareTo(min) < 0) {
            invalid(scalar, "must be >= " + Durations.format(min) + " (got " + scalar.describe() + ")");
            return null;
        }
        return value;
    }

    private Long byteSize(final Scalar scalar, final long min) {
        final long value;
        try {
            value = ByteSizes.parse(scalar.text());
        } catch (final ArithmeticException | NumberFormatException ex) {
            invalid(scalar, "got " + scalar.describe() + " (size too large)");
            return null;
        }
        if (value < 0) {
            final String what = Durations.isBareNumber(scalar.text()) ? " without a unit" : "";
            invalid(scalar, "got " + scalar.describe() + what + " (" + ByteSizes.EXPECTED + ")");
            return null;
        }
        if (value < min) {
            invalid(scalar, "must be >= " + ByteSizes.format(min) + " (got " + scalar.describe() + ")");
            return null;
        }
        return value;
    }

    private BigDecimal decimal(final Scalar scalar) {
        if (PLAIN_DECIMAL.matcher(scalar.text()).matches()) {
            return new BigDecimal(scalar.text());
        }
        final String hint = scalar.text().toLowerCase(Locale.ROOT).contains("e") ?
            "expected a plain decimal without exponent, e.g. 0.001" : "expected a decimal number, e.g. 0.01";
        invalid(scalar, "got " + scalar.describe() + " (" + hint + ")");
        return null;
    }

    /**
     * A scalar value after substitution, with what was written in the file.
     */
    private record Scalar(String text, String raw, Mark mark, String path) {
        /**
         * @return the value quoted for a message; a value that came from the environment is named by its
         * reference instead, as it may be a credential.
         */
        String describe() {
            final String shown = EnvSubstitution.hasReference(raw) ? raw : text;
            final String quoted = shown.length() > MAX_ECHO_LENGTH ? shown.substring(0, MAX_ECHO_LENGTH) + "..." : shown;
            return EnvSubstitution.hasReference(raw) ? "the value of '" + quoted + "'" : "'" + quoted + "'";
        }
    }

    /**
     * A rule for a single value, applied once the value has the right type.
     *
     * @param <T> the value type.
     */
    @FunctionalInterface
    public interface Validator<T> {
        /**
         * @return null if the value is valid, else what is wrong, e.g. {@code must be > 0 (got -1)}.
         */
        String problem(T value);
    }
}
