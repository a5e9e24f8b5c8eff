package dev.ossflux.core;

import java.nio.file.Path;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/** A whole file, sized when an attempt starts and read in chunks off the event loop. */
final class FileBody extends UploadBody {

    private final Path file;

    FileBody(Path file) {
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
    Mono<OpenedBody> open() {
        return FileSlice.size(file).map(size -> new FileSlice(file, 0, size));
    }

    @Override
    Mono<String> contentMd5() {
        return FileSlice.size(file).flatMap(size -> new FileSlice(file, 0, size).contentMd5());
    }

    @Override
    public String toString() {
        return "FileBody[" + file + "]";
    }
}
