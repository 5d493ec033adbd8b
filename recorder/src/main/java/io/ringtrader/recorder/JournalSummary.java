package io.ringtrader.recorder;

import java.nio.file.Path;
import java.util.List;

/**
 * What a journal queue holds, from {@link JournalReader#summarize()}: how many readable messages and how many of
 * them unchecked, the first and last Chronicle index and ring sequence, every damaged part, where the readable
 * data ends and how the queue ends. Immutable; safe from any thread.
 *
 * @param directory          the queue's directory.
 * @param stream             which queue.
 * @param messages           readable messages: sound framing, checksum (where they carry one) and layout.
 * @param uncheckedMessages  of those, messages of schema 4 or earlier, which carry no checksum.
 * @param firstIndex         Chronicle index of the first readable message; {@link #NONE} when there are none
 *                           (or damage before it hid its index).
 * @param lastIndex          Chronicle index of the last readable message; {@link #NONE} as above.
 * @param firstSequence      ring sequence of the first readable message; {@link #NONE} when there are none or
 *                           the stream has no sequences (raw frames).
 * @param lastSequence       ring sequence of the last readable message; {@link #NONE} as above.
 * @param tail               what follows the last readable document.
 * @param endFile            the cycle file in which the readable data ends; null when the queue has none.
 * @param endOffset          the byte offset in {@code endFile} just after the last readable document.
 * @param damagedCount       damaged parts found (messages, or runs of bytes that frame none).
 * @param damage             the first {@link JournalReader#MAX_LISTED_DAMAGE} of them, in file order.
 * @param sessions           the sound session headers writers wrote when they opened the queue, oldest first.
 */
public record JournalSummary(
    Path directory,
    JournalStream stream,
    long messages,
    long uncheckedMessages,
    long firstIndex,
    long lastIndex,
    long firstSequence,
    long lastSequence,
    JournalTail tail,
    Path endFile,
    long endOffset,
    long damagedCount,
    List<JournalDamage> damage,
    List<JournalSession> sessions) {

    public static final long NONE = -1;

    /** Whether any part of the queue is damaged. */
    public boolean damaged() {
        return damagedCount > 0;
    }

    /** Where the readable data ends, for people: {@code 20261208F.cq4 byte offset 7614980}, or {@code nowhere (no data)}. */
    public String describeEnd() {
        return endFile == null ? "nowhere (no readable document)" : endFile.getFileName() + " byte offset " + endOffset;
    }

    /** One line for people, e.g. for the {@code journal} command. */
    public String describe() {
        final StringBuilder text = new StringBuilder(160)
            .append(stream.directoryName()).append(" journal ").append(directory).append(": ")
            .append(messages).append(messages == 1 ? " message" : " messages");
        if (messages > 0) {
            text.append(", index ").append(hex(firstIndex)).append("..").append(hex(lastIndex));
            if (lastSequence != NONE) {
                text.append(", sequence ").append(firstSequence).append("..").append(lastSequence);
            }
            if (uncheckedMessages > 0) {
                text.append(", ").append(uncheckedMessages).append(" unchecked (schema 4 or earlier: no checksum)");
            }
        }
        if (damagedCount > 0) {
            text.append("; DAMAGED: ").append(damagedCount).append(damagedCount == 1 ? " damaged part" : " damaged parts")
                .append(", the first ").append(damage.get(0).describe());
        }
        switch (tail) {
            case INCOMPLETE_MESSAGE -> text.append("; ends with an incomplete message (its writer died while appending it,"
                + " or is appending it now): everything before it is readable");
            case DAMAGED -> text.append("; ends in damage after ").append(describeEnd());
            default -> text.append("; ends cleanly");
        }
        return text.toString();
    }

    /** A Chronicle index for people: {@code 0x<hex>}, or {@code ?} for {@link #NONE}. */
    public static String hex(final long index) {
        return index == NONE ? "?" : "0x" + Long.toHexString(index);
    }
}
