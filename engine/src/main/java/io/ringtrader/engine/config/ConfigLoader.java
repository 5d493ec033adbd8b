package io.ringtrader.engine.config;

import java.io.IOException;
import java.io.StringReader;
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

/**
 * Loads a deployment's YAML configuration strictly into a {@link RingTraderConfig}.
 * <p>
 * The file is parsed to a YAML node tree (no object binding), checked for duplicate keys, then read section by
 * section. Every problem found is collected; if there is any, one {@link ConfigException} lists them all in
 * file order. Call at start-up, from any single thread.
 */
public final class ConfigLoader {
    private static final int MAX_ALIASES = 50;

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
        checkKeys(context, root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        final ConfigNode rootNode = ConfigNode.root(context, root);
        final RingTraderConfig config = RingTraderConfig.read(rootNode, StrategyFactories.installed());
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
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setProcessComments(false);
        try {
            return new Yaml(options).compose(new StringReader(yamlText));
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
            throw new ConfigException(List.of(new ConfigProblem(sourceName, 0, 0, "", "invalid YAML: " + ex.getMessage())));
        }
    }

    /**
     * Reports duplicate keys, keys that are not plain names and merge keys anywhere in the document, including
     * parts that no config class reads.
     */
    private static void checkKeys(final ReadContext context, final Node node, final String path, final Set<Node> visited) {
        if (!visited.add(node)) {
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
                checkKeys(context, tuple.getValueNode(), childPath, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            final List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                checkKeys(context, items.get(i), path + "[" + i + "]", visited);
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
