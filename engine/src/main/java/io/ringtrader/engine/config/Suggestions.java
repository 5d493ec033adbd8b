package io.ringtrader.engine.config;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" suggestions for misspelt keys and values, by edit distance (insertions, deletions,
 * substitutions and transpositions of adjacent characters, ignoring case).
 */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * @return the closest candidate, or null if none is close enough to be a plausible typo.
     */
    static String closest(final String input, final Collection<String> candidates) {
        final String lowerInput = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : candidates) {
            final int distance = distance(lowerInput, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && distance <= maxDistance(candidate)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int maxDistance(final String candidate) {
        return Math.max(1, Math.min(3, candidate.length() / 4));
    }

    static int distance(final String a, final String b) {
        final int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        return d[a.length()][b.length()];
    }
}
