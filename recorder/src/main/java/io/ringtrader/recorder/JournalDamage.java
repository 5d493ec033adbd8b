package io.ringtrader.recorder;

import java.nio.file.Path;

/**
 * A message, or a run of bytes, that a journal reader found it cannot trust: where it is and why. Its bytes
 * are never decoded as data. Immutable; safe from any thread.
 *
 * @param file     the cycle file that holds it.
 * @param offset   byte offset in {@code file} of its Chronicle document header (for {@link Problem#UNREADABLE_BYTES},
 *                 of the first byte that could not be read as a document).
 * @param length   bytes it covers from {@code offset}, header included.
 * @param index    Chronicle index of the damaged message (for unreadable bytes, of the message they begin with);
 *                 {@link JournalSummary#NONE} where earlier damage hid it (until Chronicle's index of the file, which
 *                 lists every 256th message of a daily file, gives the numbering back).
 * @param problem  what is wrong.
 * @param detail   the specifics, for people, e.g. {@code stored checksum 0x1a2b3c4d, computed 0x5e6f7a8b}.
 */
public record JournalDamage(Path file, long offset, long length, long index, Problem problem, String detail) {

    /** What is wrong with a damaged message or run of bytes. */
    public enum Problem {
        /** The message's CRC32C trailer does not match its bytes: they changed after it was written. */
        CHECKSUM_MISMATCH("checksum mismatch"),
        /** A message no writer writes: a zero type or version, a length shorter than its layout, unknown codes. */
        IMPOSSIBLE_MESSAGE("impossible message"),
        /** Bytes that frame no document: a damaged length word, or data after a zeroed header. */
        UNREADABLE_BYTES("unreadable bytes"),
        /** A document whose length runs past the end of its file: the file was cut short. */
        TRUNCATED("truncated"),
        /** A message its writer began and never finished, with later cycle files after it (not the queue's tail). */
        UNFINISHED_MESSAGE("unfinished message"),
        /** An intact message of a schema newer than this build reads. */
        NEWER_SCHEMA("newer schema");

        private final String text;

        Problem(final String text) {
            this.text = text;
        }

        /** A few words for people. */
        public String text() {
            return text;
        }
    }

    /**
     * One line for people, e.g. {@code message at index 0x513b00000064 (20261208F.cq4 byte offset 77448, 116 bytes):
     * checksum mismatch: stored 0x..., its bytes give 0x...}, or {@code 65808 unreadable bytes at 20261208F.cq4 byte
     * offset 0: ...}.
     */
    public String describe() {
        final StringBuilder text = new StringBuilder(160);
        if (problem == Problem.UNREADABLE_BYTES) {
            text.append(length).append(" unreadable bytes at ").append(file.getFileName()).append(" byte offset ").append(offset);
            if (index != JournalSummary.NONE) {
                text.append(", from the message at index ").append(JournalSummary.hex(index));
            }
        } else {
            text.append("message at ").append(index == JournalSummary.NONE ? "unknown index" : "index " + JournalSummary.hex(index))
                .append(" (").append(file.getFileName()).append(" byte offset ").append(offset).append(", ")
                .append(length).append(length == 1 ? " byte" : " bytes").append("): ").append(problem.text());
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
