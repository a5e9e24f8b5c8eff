package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.xml.ErrorBody;
import dev.ossflux.core.internal.xml.Xml;
import dev.ossflux.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Writes responses with the headers every OSS response carries. */
final class Replies {

    static final String XML = "application/xml";

    private Replies() {
    }

    /**
     * Sends the response {@code write} writes, unless a response fault loses it (the connection is reset
     * instead) or holds it back. Every response goes through here.
     */
    static Mono<Void> send(Exchange ex, Supplier<Mono<Void>> write) {
        Fault fault = ex.responseFault;
        ex.responseFault = null;
        if (fault instanceof Fault.LoseResponse) {
            ex.reset();
            return Mono.empty();
        }
        if (fault instanceof Fault.DelayResponse late) {
            return Mono.delay(late.delay()).then(Mono.defer(write)).doOnCancel(() -> ex.status = 0);
        }
        return write.get();
    }

    static Mono<Void> empty(Exchange ex, int status) {
        ex.status = status;
        ex.response.status(status).header("Content-Length", "0");
        return send(ex, () -> ex.response.send().then());
    }

    /** 204, without {@code Content-Length}. */
    static Mono<Void> noContent(Exchange ex) {
        ex.status = 204;
        ex.response.status(204);
        return send(ex, () -> ex.response.send().then());
    }

    static Mono<Void> bytes(Exchange ex, int status, String contentType, byte[] body) {
        ex.status = status;
        ex.response.status(status).header("Content-Type", contentType)
                .header("Content-Length", Integer.toString(body.length));
        return send(ex, () -> ex.response.sendByteArray(Mono.just(body)).then());
    }

    static Mono<Void> xml(Exchange ex, int status, Object value) {
        return bytes(ex, status, XML, Xml.write(value));
    }

    /** The error as OSS sends it; a HEAD answer carries it base64-encoded in {@code x-oss-err} instead of a body. */
    static Mono<Void> error(Exchange ex, OssError error) {
        ex.errorCode = error.code();
        if (error.closesConnection()) {
            ex.response.keepAlive(false);
        }
        byte[] xml = errorXml(ex, error);
        if (error.ec() != null) {
            ex.response.header("x-oss-ec", error.ec());
        }
        if (ex.isHead() || error.status() == 304) {
            ex.response.header("x-oss-err", Base64.getEncoder().encodeToString(xml));
            return empty(ex, error.status());
        }
        return bytes(ex, error.status(), XML, xml);
    }

    static byte[] errorXml(Exchange ex, OssError error) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Code", error.code());
        fields.put("Message", error.getMessage());
        fields.put("RequestId", ex.requestId);
        fields.put("HostId", ex.target.hostId());
        fields.putAll(error.fields());
        if (error.ec() != null) {
            fields.put("EC", error.ec());
            fields.put("RecommendDoc", "https://api.aliyun.com/troubleshoot?q=" + error.ec());
        }
        return new ErrorBody(fields).toXml().getBytes(StandardCharsets.UTF_8);
    }
}
