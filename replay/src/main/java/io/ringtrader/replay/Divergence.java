package io.ringtrader.replay;

/**
 * The first place a replay's order commands differ from the journaled ones.
 *
 * @param commandIndex 0-based position in the outbound stream.
 * @param expected     the journaled command, or {@code none} when the replay produced an extra one.
 * @param actual       the replayed command, or {@code none} when the replay produced fewer.
 */
public record Divergence(long commandIndex, String expected, String actual) {
    @Override
    public String toString() {
        return "first divergence at order command " + commandIndex + ": expected " + expected + ", actual " + actual;
    }
}
