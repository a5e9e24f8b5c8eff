package dev.ossflux.samples.webflux;

import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.callback.CallbackBinding;

/**
 * The one callback definition both upload paths use, the server streaming to OSS ({@link UploadHandler}) and
 * the browser posting straight to OSS ({@link DirectUploadHandler}): OSS calls {@code /oss/callback} with the
 * object's bucket, key, size, ETag, content type, CRC-64 and the upload id, bound to this application and to
 * that one object ({@link CallbackBinding}), so {@link CallbackHandler} accepts it once and only for it.
 */
final class UploadCallbacks {

    /** The body OSS sends; {@code ${x:upload_id}} is the id in the object's key. */
    static final String BODY = "bucket=${bucket}&object=${object}&size=${size}&etag=${etag}"
            + "&mimeType=${mimeType}&crc64=${crc64}&uploadId=${x:upload_id}";
    static final String UPLOAD_ID_VARIABLE = "x:upload_id";

    private final CallbackUrl url;
    private final CallbackBinding binding;

    UploadCallbacks(CallbackUrl url, CallbackBinding binding) {
        this.url = url;
        this.binding = binding;
    }

    /** The bound callback for the upload {@code uploadId} of {@code key} into {@code bucket}. */
    Callback forUpload(String bucket, String key, String uploadId) {
        Callback callback = Callback.builder(url.get(), BODY).variable(UPLOAD_ID_VARIABLE, uploadId).build();
        return binding.bind(callback, bucket, key);
    }
}
