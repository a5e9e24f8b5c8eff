package dev.ossflux.core.internal.body;

import java.nio.file.Path;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/** A whole file, sized when an attempt starts and read in chunks off the event loop. */
public final class FileBody extends Body {

    private final Path file;

    public FileBody(Path file) {
        this.file = file;
    }

    @Override
    public OptionalLong knownLength() {
        return OptionalLong.empty();
    }

    @Override
    public boolean replayable() {
        return true;
    }

    @Override
    public Mono<Opened> open() {
        return FileSlice.size(file).map(size -> new FileSlice(file, 0, size));
    }

    @Override
    public Mono<String> contentMd5() {
        return FileSlice.size(file).flatMap(size -> new FileSlice(file, 0, size).contentMd5());
    }

    @Override
    public String toString() {
        return "FileBody[" + file + "]";
    }
}
