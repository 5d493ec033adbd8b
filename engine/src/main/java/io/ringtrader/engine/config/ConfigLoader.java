package io.ringtrader.engine.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.ringtrader.engine.gateway.GatewayProviders;
import io.ringtrader.engine.strategy.StrategyFactories;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Loads a deployment's YAML configuration strictly into a {@link RingTraderConfig}.
 * <p>
 * The file is parsed to a YAML node tree (no object binding), checked for duplicate keys, then read section by
 * section. Every problem found is collected; if there is any, one {@link ConfigException} lists them all in
 * file order. Call at start-up, from any single thread.
 */
public final class ConfigLoader {
    /** References to anchored collections a configuration may hold (a guard against alias bombs). */
    static final int MAX_ALIASES = 50;
    /** Nesting depth of mappings and lists a configuration may have; far more than any real one needs. */
    static final int MAX_DEPTH = 50;
    /** What the parser itself allows, so that {@link #MAX_ALIASES} and {@link #MAX_DEPTH} are reported with a line. */
    private static final int PARSER_MAX_ALIASES = 1_000;
    private static final int PARSER_MAX_DEPTH = 1_000;

    private ConfigLoader() {
    }

    /**
     * Loads a file, substituting {@code ${VAR}} references from the process environment.
     *
     * @throws ConfigException if the file cannot be read or is not a valid configuration.
     */
    public static LoadedConfig load(final Path file) {
        return load(file, System::getenv);
    }

    /**
     * Loads a file, substituting {@code ${VAR}} references from {@code env}.
     *
     * @param env returns a variable's value, or null if it is unset.
     * @throws ConfigException if the file cannot be read or is not a valid configuration.
     */
    public static LoadedConfig load(final Path file, final Function<String, String> env) {
        Objects.requireNonNull(file, "file");
        final String sourceName = file.toString();
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (final MalformedInputException ex) {
            throw new ConfigException(List.of(notUtf8(file, sourceName)), ex);
        } catch (final IOException ex) {
            throw new ConfigException(List.of(
                new ConfigProblem(sourceName, 0, 0, "", "cannot read configuration: " + reason(ex))), ex);
        }
        return parse(text, sourceName, env);
    }

    /**
     * Loads configuration text, e.g. an embedded resource.
     *
     * @param yamlText   the YAML document.
     * @param sourceName the name to report problems against, e.g. a file or resource name.
     * @param env        returns a variable's value, or null if it is unset.
     * @throws ConfigException if the text is not a valid configuration.
     */
    public static LoadedConfig parse(final String yamlText, final String sourceName, final Function<String, String> env) {
        return parse(yamlText, sourceName, env, GatewayProviders.installed());
    }

    /**
     * Loads configuration text against the given gateways instead of the installed ones: their venues are the ones
     * {@code instruments[].venue} may name, and their schemas read {@code venues:}.
     *
     * @throws ConfigException if the text is not a valid configuration.
     */
    public static LoadedConfig parse(final String yamlText, final String sourceName, final Function<String, String> env,
        final GatewayProviders gateways) {
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(env, "env");

        final Node document = compose(yamlText, sourceName);
        if (document == null) {
            throw new ConfigException(List.of(new ConfigProblem(sourceName, 1, 1, "",
                "configuration is empty (expected a mapping of sections such as instruments, venues, pipeline)")));
        }
        if (!(document instanceof MappingNode root)) {
            final Mark mark = document.getStartMark();
            throw new ConfigException(List.of(new ConfigProblem(sourceName, mark.getLine() + 1, mark.getColumn() + 1, "",
                "the top level must be a mapping of sections (got " + describe(document) + ")")));
        }

        final ReadContext context = new ReadContext(sourceName, env);
        checkKeys(context, root, "", Collections.newSetFromMap(new IdentityHashMap<>()), root.getStartMark(), 1, new int[1]);
        final ConfigNode rootNode = ConfigNode.root(context, root);
        final RingTraderConfig config = RingTraderConfig.read(rootNode, StrategyFactories.installed(), gateways.configSchemas());
        context.throwIfProblems();

        return new LoadedConfig(config, EffectiveYamlWriter.write(rootNode.effective()));
    }

    /**
     * @return the document's node tree, or null if the document is empty.
     */
    private static Node compose(final String yamlText, final String sourceName) {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(PARSER_MAX_ALIASES);
        options.setNestingDepthLimit(PARSER_MAX_DEPTH);
        options.setProcessComments(false);
        try {
            return new Yaml(options).compose(new StringReader(yamlText));
        } catch (final ReaderException ex) {
            final int[] lineColumn = lineColumnOfCodePoint(yamlText, ex.getPosition());
            throw new ConfigException(List.of(new ConfigProblem(sourceName, lineColumn[0], lineColumn[1], "",
                "character " + codePointName(ex.getCodePoint()) + " is not allowed in YAML"
                    + (ex.getCodePoint() == 0 ? " (is this a binary file?)" : ""))));
        } catch (final MarkedYAMLException ex) {
            // The exception is not kept as cause: its message quotes the source line, which may hold a credential.
            final Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            final String context = ex.getContext() == null ? "" : " (" + ex.getContext() + ")";
            throw new ConfigException(List.of(new ConfigProblem(
                sourceName,
                mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1,
                "",
                "YAML syntax error: " + ex.getProblem() + context)));
        } catch (final YAMLException ex) {
            final String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            if (message.startsWith("Nesting Depth exceeded")) {
                final int[] at = firstFlowDeeperThan(yamlText, MAX_DEPTH);
                throw new ConfigException(List.of(new ConfigProblem(sourceName, at[0], at[1], "",
                    "nested deeper than " + MAX_DEPTH + " levels (mappings and lists inside each other)")));
            }
            if (message.startsWith("Number of aliases")) {
                final int[] at = aliasNumber(yamlText, MAX_ALIASES + 1);
                throw new ConfigException(List.of(new ConfigProblem(sourceName, at[0], at[1], "",
                    "more than " + MAX_ALIASES + " references (*alias) to anchored mappings or lists")));
            }
            throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, 0, "", "invalid YAML: " + message)));
        }
    }

    /** The first byte that is not UTF-8, located by line and column, as a problem. */
    private static ConfigProblem notUtf8(final Path file, final String sourceName) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (final IOException e) {
            return new ConfigProblem(sourceName, 0, 0, "", "cannot read configuration: not valid UTF-8 text");
        }
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        final CoderResult result = decoder.decode(in, out, true);
        final int offset = result.isError() ? in.position() : bytes.length;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        final String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        final int column = before.codePointCount(0, before.length()) + 1;
        return new ConfigProblem(sourceName, line, column, "", String.format(java.util.Locale.ROOT,
            "not UTF-8 text: byte 0x%02X at offset %d cannot be decoded (is this a binary file?)", bytes[offset] & 0xFF, offset));
    }

    /** Line and column (1-based) of the code point at {@code index} (in code points). */
    private static int[] lineColumnOfCodePoint(final String text, final int index) {
        int line = 1;
        int column = 1;
        int at = 0;
        for (int i = 0; i < text.length() && at < index; at++) {
            final int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static String codePointName(final int codePoint) {
        final String name = Character.getName(codePoint);
        return String.format(java.util.Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
    }

    /** Where flow brackets ({@code [ {}) outside quotes first nest deeper than {@code limit}; {0, 0} if nowhere. */
    private static int[] firstFlowDeeperThan(final String text, final int limit) {
        int depth = 0;
        int line = 1;
        int column = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                continue;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                if (++depth > limit) {
                    return new int[] {line, column};
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return new int[] {0, 0};
    }

    /** Where the {@code n}th alias ({@code *name}) outside quotes and comments starts; {0, 0} if there are fewer. */
    private static int[] aliasNumber(final String text, final int n) {
        int seen = 0;
        int line = 1;
        int column = 0;
        char quote = 0;
        boolean comment = false;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                comment = false;
                quote = 0;
                previous = ' ';
                continue;
            }
            if (comment) {
                continue;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && Character.isWhitespace(previous)) {
                comment = true;
            } else if (c == '*' && (Character.isWhitespace(previous) || previous == '[' || previous == ',' || previous == ':')
                && ++seen == n) {
                return new int[] {line, column};
            }
            previous = c;
        }
        return new int[] {0, 0};
    }

    /**
     * Reports duplicate keys, keys that are not plain names and merge keys anywhere in the document, including
     * parts that no config class reads.
     */
    private static void checkKeys(final ReadContext context, final Node node, final String path, final Set<Node> visited,
        final Mark at, final int depth, final int[] aliases) {
        if (!(node instanceof ScalarNode) && !visited.add(node)) {
            if (++aliases[0] == MAX_ALIASES + 1) {
                context.problem(at, path, "more than " + MAX_ALIASES
                    + " references (*alias) to anchored mappings or lists (this is the first over the limit)");
            }
            return;
        }
        if (depth > MAX_DEPTH && !(node instanceof ScalarNode)) {
            context.problem(node.getStartMark(), path, "nested deeper than " + MAX_DEPTH
                + " levels (mappings and lists inside each other)");
            return;
        }

        if (node instanceof MappingNode mapping) {
            final Map<String, Mark> firstMarks = new HashMap<>();
            for (final NodeTuple tuple : mapping.getValue()) {
                final Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode key)) {
                    context.problem(keyNode.getStartMark(), path, "keys must be plain names (got " + describe(keyNode) + ")");
                    continue;
                }

                final String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (Tag.MERGE.equals(key.getTag())) {
                    context.problem(key.getStartMark(), childPath, "merge keys are not supported (write the keys out)");
                    continue;
                }

                final Mark first = firstMarks.putIfAbsent(key.getValue(), key.getStartMark());
                if (first != null) {
                    context.problem(key.getStartMark(), childPath,
                        "duplicate key (first defined at line " + (first.getLine() + 1) + ")");
                    continue;
                }
                checkKeys(context, tuple.getValueNode(), childPath, visited, key.getStartMark(), depth + 1, aliases);
            }
        } else if (node instanceof SequenceNode sequence) {
            final List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                checkKeys(context, items.get(i), path + "[" + i + "]", visited, items.get(i).getStartMark(), depth + 1, aliases);
            }
        }
    }

    private static String describe(final Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "a single value";
    }

    private static String reason(final IOException ex) {
        if (ex instanceof NoSuchFileException) {
            return "file not found";
        }
        if (ex instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (ex instanceof MalformedInputException) {
            return "not valid UTF-8 text";
        }
        if (ex instanceof FileSystemException fileSystemException && fileSystemException.getReason() != null) {
            return fileSystemException.getReason();
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}
