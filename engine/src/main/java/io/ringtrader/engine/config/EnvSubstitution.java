package io.ringtrader.engine.config;

import java.util.List;
import java.util.function.Function;

/**
 * {@code ${NAME}} and {@code ${NAME:-default}} substitution in scalar values, with {@code $${} for a literal
 * {@code ${}.
 * <p>
 * {@code ${NAME}} takes the variable's value, which may be empty. {@code ${NAME:-default}} takes the default
 * when the variable is unset or empty, as in POSIX shells. Defaults are literal text: no nesting, no {@code }}.
 * Error messages name the variable, never a value.
 */
final class EnvSubstitution {
    private EnvSubstitution() {
    }

    /**
     * @param text   a scalar value as written in the file.
     * @param env    the environment; returns null for an unset variable.
     * @param errors receives one message per unresolvable reference.
     * @return the substituted text; meaningless if errors were added.
     */
    static String substitute(final String text, final Function<String, String> env, final List<String> errors) {
        if (text.indexOf('$') < 0) {
            return text;
        }

        final StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            final char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                sb.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                final int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    errors.add("unterminated ${ (expected ${NAME} or ${NAME:-default}; write $${ for a literal ${)");
                    return text;
                }
                sb.append(resolve(text.substring(i + 2, close), env, errors));
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * @return the text with every {@code ${} written as {@code $${}, so that substituting it gives the text back.
     */
    static String escape(final String text) {
        return text.replace("${", "$${");
    }

    /**
     * @return true if substituting the text would read the environment.
     */
    static boolean hasReference(final String text) {
        return text.replace("$${", "").contains("${");
    }

    private static String resolve(final String expression, final Function<String, String> env, final List<String> errors) {
        final int separator = expression.indexOf(":-");
        final String name = separator < 0 ? expression : expression.substring(0, separator);
        final String defaultValue = separator < 0 ? null : expression.substring(separator + 2);
        if (!isValidName(name)) {
            errors.add("invalid environment variable reference " +
                "(expected ${NAME} or ${NAME:-default}, NAME made of letters, digits and _)");
            return "";
        }

        final String value = env.apply(name);
        if (defaultValue != null && (value == null || value.isEmpty())) {
            return defaultValue;
        }
        if (value == null) {
            errors.add("environment variable " + name + " is not set (write ${" + name + ":-default} for a default)");
            return "";
        }
        return value;
    }

    private static boolean isValidName(final String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
