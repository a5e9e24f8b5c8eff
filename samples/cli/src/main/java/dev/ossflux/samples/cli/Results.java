package dev.ossflux.samples.cli;

import dev.ossflux.core.UploadResult;
import java.io.PrintWriter;

/** Prints what OSS confirmed about an upload. */
final class Results {

    private Results() {
    }

    static void print(PrintWriter out, UploadResult result) {
        out.println("uploaded: oss://" + result.bucket() + "/" + result.key() + " (" + result.size() + " bytes)");
        out.println("etag:     " + result.etag());
        out.println("crc64:    " + result.crc64Text());
        result.callbackReply().ifPresent(reply -> out.println("callback: " + reply.text()));
        out.flush();
    }
}
