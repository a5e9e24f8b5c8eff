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

        String json() {
            return "{\"puts\":" + puts.get() + ",\"bytes\":" + bytes.get() + ",\"checked\":" + checked.get()
                    + ",\"mismatches\":" + mismatches.get() + ",\"refused\":" + refused.get() + "}";
        }
    }

    private static final AsciiString REQUEST_ID = AsciiString.cached("x-oss-request-id");
    private static final AsciiString CRC64 = AsciiString.cached("x-oss-hash-crc64ecma");
    private static final AsciiString SERVER = AsciiString.cached("AliyunOSS");
    private static final byte[] CALLBACK_REPLY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static volatile String date = "";
    private static volatile long dateSecond;

    private final Map<Integer, Payloads.Known> known;
    private final int checkEvery;
    private final Counters counters;
    private HttpRequest request;
    private long expected;
    private long received;
    private boolean checking;
    private long crc;

    StubHandler(Map<Integer, Payloads.Known> known, int checkEvery, Counters counters) {
        this.known = known;
        this.checkEvery = checkEvery;
        this.counters = counters;
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
        expected = HttpUtil.getContentLength(started, -1L);
        received = 0;
        crc = 0;
        checking = started.method() == HttpMethod.PUT
                && counters.puts.getAndIncrement() % checkEvery == 0;
    }

    private void body(ByteBuf content) {
        int n = content.readableBytes();
        received += n;
        if (checking && n > 0) {
            for (ByteBuffer buffer : content.nioBuffers()) {
                crc = Crc64.update(crc, buffer);
            }
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
        if (request.method() != HttpMethod.PUT || request.uri().indexOf('?') >= 0) {
            return refuse(HttpResponseStatus.NOT_IMPLEMENTED, "NotImplemented");
        }
        Payloads.Known body = expected <= Integer.MAX_VALUE ? known.get((int) expected) : null;
        if (body == null || received != expected) {
            return refuse(HttpResponseStatus.BAD_REQUEST, body == null ? "UnknownPayload" : "IncompleteBody");
        }
        if (checking) {
            counters.checked.incrementAndGet();
            if (crc != body.crc64()) {
                counters.mismatches.incrementAndGet();
            }
        }
        boolean callback = request.headers().contains("x-oss-callback");
        FullHttpResponse response = callback
                ? reply(HttpResponseStatus.OK, "application/json", CALLBACK_REPLY)
                : reply(HttpResponseStatus.OK, null, null);
        response.headers().set(HttpHeaderNames.ETAG, body.etag()).set(CRC64, Long.toUnsignedString(body.crc64()));
        return response;
    }

    private FullHttpResponse refuse(HttpResponseStatus status, String code) {
        counters.refused.incrementAndGet();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + "the stub server answers PutObject of the harness's payloads only</Message></Error>";
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
