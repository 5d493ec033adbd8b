package io.ringtrader.recorder;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/** Test helpers that look at and damage a queue's files directly, as a disk or an operator might. */
final class JournalFiles {
    private JournalFiles() {
    }

    /** The queue's cycle files, oldest first. */
    static List<Path> cycleFiles(final Path queue) {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The queue's only cycle file. */
    static Path onlyCycleFile(final Path queue) {
        final List<Path> files = cycleFiles(queue);
        if (files.size() != 1) {
            throw new IllegalStateException("expected one cycle file in " + queue + ": " + files);
        }
        return files.get(0);
    }

    /** Overwrites the file's bytes at {@code offset} with {@code bytes}. */
    static void overwrite(final Path file, final long offset, final byte[] bytes) {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.seek(offset);
            out.write(bytes);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the file short at {@code length} bytes. */
    static void truncate(final Path file, final long length) {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(length);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code length} bytes of the file from {@code offset}. */
    static byte[] read(final Path file, final long offset, final int length) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            final byte[] bytes = new byte[length];
            in.seek(offset);
            in.readFully(bytes);
            return bytes;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The little-endian int at {@code offset} of the file. */
    static int readInt(final Path file, final long offset) {
        return ByteBuffer.wrap(read(file, offset, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** A message header of {@code type} and {@code version} followed by {@code bodyBytes} bytes of 1s. */
    static byte[] message(final byte type, final int version, final int bodyBytes) {
        final byte[] message = new byte[JournalFormat.HEADER_LENGTH + bodyBytes];
        Arrays.fill(message, (byte)1);
        message[0] = type;
        message[1] = (byte)version;
        message[2] = (byte)(version >>> 8);
        return message;
    }

    /** {@code message} with its CRC32C trailer, as the writers append it. */
    static byte[] withChecksum(final byte[] message) {
        final CRC32C crc = new CRC32C();
        crc.update(message);
        return ByteBuffer.allocate(message.length + 4).order(ByteOrder.LITTLE_ENDIAN)
            .put(message).putInt((int)crc.getValue()).array();
    }

    /** Appends {@code bytes} as one document to the queue, as they are (no trailer added). */
    static void appendRaw(final Path queue, final byte[] bytes) {
        try (ChronicleQueue chronicle = SingleChronicleQueueBuilder.binary(queue).build();
             ExcerptAppender appender = chronicle.createAppender();
             DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(bytes);
        }
    }
}
