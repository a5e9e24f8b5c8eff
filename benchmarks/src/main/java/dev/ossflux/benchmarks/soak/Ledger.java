package dev.ossflux.benchmarks.soak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The objects the client reported stored, with the size and CRC-64 the soak computed of what it
 * sent, one line each in a file (and the keys of calls abandoned near an emulator outage in another): the soak keeps no per-upload record in its heap, so that its heap
 * verdict measures the client.
 */
final class Ledger implements AutoCloseable {

    /** One object reported stored. */
    record Line(String key, long size, long crc64) {
    }

    private final Path path;
    private final BufferedWriter out;
    private final Path abandonedPath;
    private final BufferedWriter abandoned;

    Ledger(Path dir) throws IOException {
        this.path = dir.resolve("stored.tsv");
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        this.abandonedPath = dir.resolve("abandoned.txt");
        this.abandoned = Files.newBufferedWriter(abandonedPath, StandardCharsets.UTF_8);
    }

    /** Records the key of a call that failed or was cancelled while the emulator was down or just restarted. */
    synchronized void abandonedNearOutage(String key) {
        try {
            abandoned.write(key + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + abandonedPath, e);
        }
    }

    /** The keys recorded by {@link #abandonedNearOutage}. */
    synchronized Set<String> abandonedKeys() throws IOException {
        abandoned.flush();
        return new HashSet<>(Files.readAllLines(abandonedPath, StandardCharsets.UTF_8));
    }

    synchronized void stored(String key, long size, long crc64) {
        try {
            out.write(key + "\t" + size + "\t" + Long.toUnsignedString(crc64) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the ledger " + path, e);
        }
    }

    /** Reads every line back, in order (flushes first). */
    synchronized void forEach(Consumer<Line> action) throws IOException {
        out.flush();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split("\t");
                action.accept(new Line(fields[0], Long.parseLong(fields[1]), Long.parseUnsignedLong(fields[2])));
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
        abandoned.close();
    }
}
