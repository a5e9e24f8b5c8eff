package dev.ossflux.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An OSS error answer: status, code, message, extra leaf elements and EC, thrown inside a handler. */
public final class OssError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private @Nullable String ec;
    private boolean closesConnection;

    public OssError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public OssError field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public OssError ec(String ec) {
        this.ec = ec;
        return this;
    }

    /** Closes the connection after the answer: for errors found before the request body was read to its end. */
    public OssError closeConnection() {
        this.closesConnection = true;
        return this;
    }

    public boolean closesConnection() {
        return closesConnection;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public @Nullable String ec() {
        return ec;
    }

    public static OssError noSuchBucket(String bucket) {
        return new OssError(404, "NoSuchBucket", "The specified bucket does not exist.").field("BucketName", bucket)
                .ec("0015-00000101");
    }

    public static OssError noSuchKey(String key) {
        return new OssError(404, "NoSuchKey", "The specified key does not exist.").field("Key", key)
                .ec("0026-00000001");
    }

    public static OssError noSuchUpload(String uploadId) {
        return new OssError(404, "NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, "
                + "or the upload may have been aborted or completed.").field("UploadId", uploadId)
                .ec("0042-00000002");
    }

    public static OssError invalidArgument(String message) {
        return new OssError(400, "InvalidArgument", message);
    }

    public static OssError accessDenied(String message) {
        return new OssError(403, "AccessDenied", message);
    }

    public static OssError notImplemented(String what) {
        return new OssError(501, "NotImplemented", "The emulator does not implement " + what + ".");
    }
}
