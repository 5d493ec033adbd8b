/**
 * Chronicle Queue journals of the two rings, for replay and tools.
 *
 * <p>Under the configured journal directory ({@link io.ringtrader.recorder.JournalConfig}):
 * {@code inbound/} holds every inbound ring event in ring order ({@link io.ringtrader.recorder.InboundJournalWriter},
 * the pipeline's journal stage), {@code outbound/} every order command with its risk decision
 * ({@link io.ringtrader.recorder.OutboundJournalWriter}), and optionally {@code raw/} raw venue frames
 * ({@link io.ringtrader.recorder.RawFrameWriter}). Messages are explicit binary layouts
 * ({@link io.ringtrader.recorder.JournalFormat} and the {@code *Codec} classes) carrying their schema version
 * and, from schema 5, a CRC32C trailer. From schema 6 every queue's session header
 * ({@link io.ringtrader.recorder.JournalSession}) says what the journal holds
 * ({@link io.ringtrader.recorder.JournalManifest}: engine version, session tag, config hash, instrument table).
 * {@link io.ringtrader.recorder.JournalReader} reads them back straight from
 * the cycle files, checks every one before decoding it, refuses newer versions, reports damage with its index and
 * byte offset ({@link io.ringtrader.recorder.JournalDamage}) and how a queue ends
 * ({@link io.ringtrader.recorder.JournalSummary}).
 *
 * <p>Durability: Chronicle writes into memory-mapped files, so a message is in the OS page cache, readable by
 * other processes, the moment it is complete; a process killed with SIGKILL loses at most the message it was
 * writing. Surviving power loss needs {@code fsyncOnBatch}.
 */
package io.ringtrader.recorder;
