package io.ringtrader.recorder;

import java.nio.file.Path;

/**
 * What a journal queue holds, from {@link JournalReader#summarize()}: how many complete messages, the
 * first and last Chronicle index and ring sequence, and how the queue ends.
 *
 * @param directory     the queue's directory.
 * @param stream        which queue.
 * @param messages      complete messages, every one decoded.
 * @param firstIndex    Chronicle index of the first message; {@link #NONE} when there are none.
 * @param lastIndex     Chronicle index of the last complete message; {@link #NONE} when there are none.
 * @param firstSequence ring sequence of the first message; {@link #NONE} when there are none or the
 *                      stream has no sequences (raw frames).
 * @param lastSequence  ring sequence of the last complete message; {@link #NONE} as above.
 * @param tail          whether an incomplete message follows the last complete one.
 */
public record JournalSummary(
    Path directory,
    JournalStream stream,
    long messages,
    long firstIndex,
    long lastIndex,
    long firstSequence,
    long lastSequence,
    JournalTail tail) {

    public static final long NONE = -1;

    /** One line for people, e.g. for the {@code journal} command. */
    public String describe() {
        final StringBuilder text = new StringBuilder(160)
            .append(stream.directoryName()).append(" journal ").append(directory).append(": ")
            .append(messages).append(messages == 1 ? " message" : " messages");
        if (messages > 0) {
            text.append(", index 0x").append(Long.toHexString(firstIndex))
                .append("..0x").append(Long.toHexString(lastIndex));
            if (lastSequence != NONE) {
                text.append(", sequence ").append(firstSequence).append("..").append(lastSequence);
            }
        }
        if (tail == JournalTail.INCOMPLETE_MESSAGE) {
            text.append("; ends with an incomplete message (its writer died while appending it, or is appending"
                + " it now): everything before it is readable");
        } else {
            text.append("; ends cleanly");
        }
        return text.toString();
    }
}
