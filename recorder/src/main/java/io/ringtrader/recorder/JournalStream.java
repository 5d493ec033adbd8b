package io.ringtrader.recorder;

/** The queues under a journal directory, each in its own sub-directory. */
public enum JournalStream {
    /** Every inbound ring event, in ring order. */
    INBOUND("inbound"),
    /** Every order command with its risk decision, in outbound ring order. */
    OUTBOUND("outbound"),
    /** Raw venue frames with their receive times. */
    RAW("raw");

    private final String directoryName;

    JournalStream(final String directoryName) {
        this.directoryName = directoryName;
    }

    /** The sub-directory of the journal directory that holds this queue. */
    public String directoryName() {
        return directoryName;
    }
}
