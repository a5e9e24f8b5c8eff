package dev.ossflux.multipart;

import dev.ossflux.core.PutObjectRequest;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * One upload of a batch: the object to create (key, metadata, its own callback) and where its bytes
 * come from, a file or a stream.
 */
public record BatchItem(PutObjectRequest request, Optional<Path> file, Optional<Publisher<ByteBuffer>> data) {

    public BatchItem {
        Objects.requireNonNull(request, "request");
        if (file.isPresent() == data.isPresent()) {
            throw new IllegalArgumentException("a batch item has either a file or a stream");
        }
    }

    public static BatchItem file(PutObjectRequest request, Path file) {
        return new BatchItem(request, Optional.of(file), Optional.empty());
    }

    public static BatchItem stream(PutObjectRequest request, Publisher<ByteBuffer> data) {
        return new BatchItem(request, Optional.empty(), Optional.of(data));
    }
}
