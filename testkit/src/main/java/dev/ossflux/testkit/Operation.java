package dev.ossflux.testkit;

/** The requests the emulator tells apart, for fault injection and the request log. */
public enum Operation {
    PUT_OBJECT("PutObject"),
    GET_OBJECT("GetObject"),
    HEAD_OBJECT("HeadObject"),
    DELETE_OBJECT("DeleteObject"),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload"),
    UPLOAD_PART("UploadPart"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
    LIST_PARTS("ListParts"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads"),
    /** {@code POST /} with a {@code multipart/form-data} body: an upload authorised by a signed policy. */
    POST_OBJECT("PostObject"),
    /** {@code OPTIONS}: a CORS preflight. */
    OPTION_OBJECT("OptionObject"),
    /** {@code GET /__ossflux/callback_pub_key.pem}: the public key callback receivers verify with. */
    GET_CALLBACK_PUBLIC_KEY("GetCallbackPublicKey"),
    /** Anything else; answered with {@code NotImplemented} or {@code MethodNotAllowed}. */
    UNSUPPORTED("Unsupported");

    private final String ossName;

    Operation(String ossName) {
        this.ossName = ossName;
    }

    /** The operation's name in the OSS API, e.g. {@code PutObject}. */
    public String ossName() {
        return ossName;
    }
}
