package dev.ossflux.multipart;

import dev.ossflux.core.PutObjectRequest;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * One upload of a batch: the object to create (key, metadata, its own callback) and where its bytes
 * come from, {@linkplain File a file} or {@linkplain Stream a stream}.
 */
public sealed interface BatchItem {

    /** The object to create. */
    PutObjectRequest request();

    static BatchItem file(PutObjectRequest request, Path file) {
        return new File(request, file);
    }

    static BatchItem stream(PutObjectRequest request, Publisher<ByteBuffer> data) {
        return new Stream(request, data);
    }

    /** A file, uploaded (and resumed, in a resumable batch) with {@link MultipartUploader#uploadFile}. */
    record File(PutObjectRequest request, Path file) implements BatchItem {
        public File {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(file, "file");
        }
    }

    /** A stream of unknown length, uploaded with {@link MultipartUploader#upload}; never resumed. */
    record Stream(PutObjectRequest request, Publisher<ByteBuffer> data) implements BatchItem {
        public Stream {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(data, "data");
        }
    }
}
