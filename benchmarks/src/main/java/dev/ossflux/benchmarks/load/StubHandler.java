package dev.ossflux.benchmarks.load;

import dev.ossflux.core.Crc64;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One connection of the {@link StubServer}: reads each request as it streams in and answers from the table. */
final class StubHandler extends ChannelInboundHandlerAdapter {

    /** The stub's counters, shared by every connection, answered as JSON at {@link StubServer#STATS_PATH}. */
    static final class Counters {
        final AtomicLong puts = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong checked = new AtomicLong();
        final AtomicLong mismatches = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong hashed = new AtomicLong();

        String json() {
            return "{\"puts\":" + puts.get() + ",\"bytes\":" + bytes.get() + ",\"checked\":" + checked.get()
                    + ",\"hashed\":" + hashed.get()
                    + ",\"mismatches\":" + mismatches.get() + ",\"refused\":" + refused.get() + "}";
        }
    }

    private static final AsciiString REQUEST_ID = AsciiString.cached("x-oss-request-id");
    private static final AsciiString CRC64 = AsciiString.cached("x-oss-hash-crc64ecma");
    private static final AsciiString SERVER = AsciiString.cached("AliyunOSS");
    private static final byte[] CALLBACK_REPLY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** More than a CompleteMultipartUpload body of 10,000 parts needs. */
    private static final int MAX_TEXT = 2 * 1024 * 1024;
    private static volatile String date = "";
    private static volatile long dateSecond;

    private final Map<Integer, Payloads.Known> known;
    private final int checkEvery;
    private final Counters counters;
    private final StubUploads uploads;
    private HttpRequest request;
    private StubRequest target;
    private long expected;
    private long received;
    private boolean hashing;
    private long crc;
    private final StringBuilder text = new StringBuilder();

    StubHandler(Map<Integer, Payloads.Known> known, int checkEvery, Counters counters, StubUploads uploads) {
        this.known = known;
        this.checkEvery = checkEvery;
        this.counters = counters;
        this.uploads = uploads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest started) {
                begin(started);
            }
            if (msg instanceof HttpContent content && request != null) {
                body(content.content());
                if (msg instanceof LastHttpContent) {
                    ctx.write(answer(), keepAlive(request) ? ctx.voidPromise() : ctx.newPromise()
                            .addListener(ChannelFutureListener.CLOSE));
                    request = null;
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private void begin(HttpRequest started) {
        request = started;
        target = StubRequest.of(started);
        expected = HttpUtil.getContentLength(started, -1L);
        received = 0;
        crc = 0;
        text.setLength(0);
        if (started.method() == HttpMethod.PUT) {
            long sequence = counters.puts.getAndIncrement();
            hashing = tableEntry() == null || sequence % checkEvery == 0;
        } else {
            hashing = false;
        }
    }

    /** The table's entry for a PutObject of this length, if the body is one of the harness's payloads. */
    private Payloads.Known tableEntry() {
        return target.isPutObject() && expected >= 0 && expected <= Integer.MAX_VALUE ? known.get((int) expected)
                : null;
    }

    private void body(ByteBuf content) {
        int n = content.readableBytes();
        received += n;
        if (hashing && n > 0) {
            for (ByteBuffer buffer : content.nioBuffers()) {
                crc = Crc64.update(crc, buffer);
            }
        }
        if (request.method() == HttpMethod.POST && text.length() < MAX_TEXT) {
            text.append(content.toString(StandardCharsets.UTF_8));
        }
    }

    private FullHttpResponse answer() {
        counters.bytes.addAndGet(received);
        if (request.decoderResult().isFailure()) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "MalformedRequest");
        }
        if (request.method() == HttpMethod.GET && request.uri().equals(StubServer.STATS_PATH)) {
            return reply(HttpResponseStatus.OK, "application/json",
                    counters.json().getBytes(StandardCharsets.UTF_8));
        }
        if (target.isPutObject()) {
            return putObject();
        }
        if (target.isUploadPart()) {
            return uploadPart();
        }
        if (target.isInitiate()) {
            return xml("<InitiateMultipartUploadResult><Bucket>" + target.bucket() + "</Bucket><Key>" + target.key()
                    + "</Key><UploadId>" + uploads.initiate() + "</UploadId></InitiateMultipartUploadResult>");
        }
        if (target.isComplete()) {
            return complete();
        }
        if (target.isAbort()) {
            uploads.abort(target.uploadId());
            return reply(HttpResponseStatus.NO_CONTENT, null, null);
        }
        return refuse(HttpResponseStatus.NOT_IMPLEMENTED, "NotImplemented");
    }

    /** A harness payload is answered from the table (one in {@code checkEvery} checked); any other body is hashed. */
    private FullHttpResponse putObject() {
        Payloads.Known body = tableEntry();
        if (expected >= 0 && received != expected) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "IncompleteBody");
        }
        long answered;
        String etag;
        if (body != null) {
            if (hashing) {
                counters.checked.incrementAndGet();
                if (crc != body.crc64()) {
                    counters.mismatches.incrementAndGet();
                }
            }
            answered = body.crc64();
            etag = body.etag();
        } else {
            counters.hashed.incrementAndGet();
            answered = crc;
            etag = etag(crc, received);
        }
        boolean callback = request.headers().contains("x-oss-callback");
        FullHttpResponse response = callback
                ? reply(HttpResponseStatus.OK, "application/json", CALLBACK_REPLY)
                : reply(HttpResponseStatus.OK, null, null);
        response.headers().set(HttpHeaderNames.ETAG, etag).set(CRC64, Long.toUnsignedString(answered));
        return response;
    }

    private FullHttpResponse uploadPart() {
        if (expected >= 0 && received != expected) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "IncompleteBody");
        }
        counters.hashed.incrementAndGet();
        if (!uploads.part(target.uploadId(), target.partNumber(), new StubUploads.Part(crc, received))) {
            return refuse(HttpResponseStatus.NOT_FOUND, "NoSuchUpload");
        }
        FullHttpResponse response = reply(HttpResponseStatus.OK, null, null);
        response.headers().set(HttpHeaderNames.ETAG, etag(crc, received)).set(CRC64, Long.toUnsignedString(crc));
        return response;
    }

    private FullHttpResponse complete() {
        StubUploads.Completed done = uploads.complete(target.uploadId(), text.toString());
        if (done == null) {
            return refuse(HttpResponseStatus.BAD_REQUEST, "InvalidPart");
        }
        String etag = "\"" + Long.toHexString(done.crc64()).toUpperCase(Locale.ROOT) + "-" + done.parts()
                + "\"";
        FullHttpResponse response = request.headers().contains("x-oss-callback")
                ? reply(HttpResponseStatus.OK, "application/json", CALLBACK_REPLY)
                : xml("<CompleteMultipartUploadResult><Location>/" + target.bucket() + "/" + target.key()
                        + "</Location><Bucket>" + target.bucket() + "</Bucket><Key>" + target.key() + "</Key><ETag>"
                        + etag.replace("\"", "&quot;") + "</ETag></CompleteMultipartUploadResult>");
        response.headers().set(HttpHeaderNames.ETAG, etag).set(CRC64, Long.toUnsignedString(done.crc64()));
        return response;
    }

    /** An MD5-shaped ETag made from what the stub knows of a body it did not keep. */
    private static String etag(long crc64, long size) {
        return String.format(Locale.ROOT, "\"%016X%016X\"", crc64, size);
    }

    private FullHttpResponse xml(String document) {
        return reply(HttpResponseStatus.OK, "application/xml",
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document).getBytes(StandardCharsets.UTF_8));
    }

    private FullHttpResponse refuse(HttpResponseStatus status, String code) {
        counters.refused.incrementAndGet();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + "the stub server answers PutObject and multipart uploads only</Message></Error>";
        return reply(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private FullHttpResponse reply(HttpResponseStatus status, String type, byte[] body) {
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
                .set(HttpHeaderNames.SERVER, SERVER)
                .set(HttpHeaderNames.DATE, now())
                .set(REQUEST_ID, Long.toHexString(SEQUENCE.incrementAndGet()));
        if (type != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        if (!keepAlive(request)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    private static boolean keepAlive(HttpRequest request) {
        return HttpUtil.isKeepAlive(request);
    }

    /** The {@code Date} header, formatted once a second. */
    private static String now() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            date = DateFormatter.format(new Date(second * 1000));
            dateSecond = second;
        }
        return date;
    }
}
