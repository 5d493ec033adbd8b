package io.ringtrader.engine.config;

import java.util.Objects;

/**
 * One problem found in a configuration file.
 *
 * @param file    the source name, as given to the loader.
 * @param line    1-based line, or 0 when the problem has no position (e.g. the file cannot be read).
 * @param column  1-based column, or 0 when the problem has no position.
 * @param path    dotted path of the offending key, e.g. {@code pipeline.threads[1].waitStrategy};
 *                empty for the document itself.
 * @param message what is wrong, then what was expected in parentheses where useful.
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @return {@code FILE:LINE:COLUMN: path: message}, leaving out the position and path where absent.
     */
    public String format() {
        final StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
