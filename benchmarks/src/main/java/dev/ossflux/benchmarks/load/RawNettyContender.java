package dev.ossflux.benchmarks.load;

import dev.ossflux.core.auth.Credentials;
import dev.ossflux.core.internal.sign.QueryParam;
import dev.ossflux.core.internal.sign.SigningInput;
import dev.ossflux.core.internal.sign.V4Signer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;

/**
 * The practical limit: a bare Reactor Netty {@link HttpClient} that sends the same bytes with no
 * checksums, no retries and no copies (one direct buffer shared by every PutObject, zero-copy
 * {@code sendFile} for file parts). The emulator only takes signed requests, so PutObjects are
 * signed in {@link #prepare} before the clock starts; multipart requests, whose signatures cover the
 * upload id, are signed on the way (about 130 HMACs per GiB).
 */
final class RawNettyContender implements Contender {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
    private static final byte[] EMPTY = new byte[0];

    private final Target target;
    private final ConnectionProvider pool;
    private final HttpClient http;
    private final V4Signer signer;
    private final Credentials credentials;
    private final String host;
    private List<Map<String, String>> presigned = List.of();
    private ByteBuf body = Unpooled.EMPTY_BUFFER;

    RawNettyContender(Target target) {
        this.target = target;
        this.pool = ConnectionProvider.builder("raw").maxConnections(256).pendingAcquireMaxCount(-1).build();
        this.http = HttpClient.create(pool);
        this.signer = new V4Signer(target.region());
        this.credentials = Credentials.of(target.accessKeyId(), target.accessKeySecret());
        this.host = target.endpoint().substring(target.endpoint().indexOf("://") + 3);
    }

    @Override
    public void prepare(String prefix, int count, byte[] data, boolean withCallback) {
        body.release();
        body = Unpooled.directBuffer(data.length).writeBytes(data);
        List<Map<String, String>> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> headers = new HashMap<>();
            headers.put("content-length", Integer.toString(data.length));
            if (withCallback) {
                headers.put("x-oss-callback", target.callbackHeader());
            }
            signed.add(sign("PUT", prefix + "/" + i, List.of(), headers));
        }
        presigned = signed;
    }

    @Override
    public void putObjects(String prefix, int count, byte[] data, int concurrency, boolean withCallback,
            Latencies latencies) {
        List<Map<String, String>> headers = presigned;
        Flux.range(0, count)
                .flatMap(i -> Mono.defer(() -> {
                    long start = System.nanoTime();
                    return exchange(HttpMethod.PUT, prefix + "/" + i, "", headers.get(i),
                            Mono.fromSupplier(body::retainedDuplicate))
                            .doOnNext(reply -> latencies.since(start));
                }), concurrency)
                .then()
                .block(TIMEOUT);
    }

    @Override
    public void uploadFile(String key, Path file, long partBytes, int concurrency) throws IOException {
        long size = Files.size(file);
        int parts = (int) ((size + partBytes - 1) / partBytes);
        String uploadId = initiate(key);
        List<String> etags = Flux.range(1, parts)
                .flatMapSequential(number -> {
                    long offset = (number - 1) * partBytes;
                    long length = Math.min(partBytes, size - offset);
                    List<QueryParam> query = List.of(QueryParam.of("partNumber", Integer.toString(number)),
                            QueryParam.of("uploadId", uploadId));
                    Map<String, String> headers = new HashMap<>();
                    headers.put("content-length", Long.toString(length));
                    return exchangeFile(key, query, sign("PUT", key, query, headers), file, offset, length);
                }, concurrency)
                .collectList()
                .block(TIMEOUT);
        complete(key, uploadId, etags);
    }

    @Override
    public void uploadStream(String key, InputStream data, long partBytes, int concurrency) {
        Flux<ByteBuf> chunks = Flux.<ByteBuf>generate(sink -> {
            ByteBuf chunk = ByteBufAllocator.DEFAULT.directBuffer(OssfluxContender.STREAM_CHUNK);
            try {
                while (chunk.isWritable() && chunk.writeBytes(data, chunk.writableBytes()) > 0) {
                    // fill the chunk
                }
            } catch (IOException e) {
                chunk.release();
                sink.error(new UncheckedIOException(e));
                return;
            }
            if (chunk.isReadable()) {
                sink.next(chunk);
            } else {
                chunk.release();
                sink.complete();
            }
        }).doOnDiscard(ByteBuf.class, ReferenceCountUtil::safeRelease).subscribeOn(Schedulers.boundedElastic());
        exchange(HttpMethod.PUT, key, "", sign("PUT", key, List.of(), new HashMap<>()), chunks).block(TIMEOUT);
    }

    @Override
    public void close() {
        body.release();
        pool.dispose();
    }

    private String initiate(String key) {
        List<QueryParam> query = List.of(QueryParam.flag("uploads"));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-length", "0");
        byte[] reply = exchange(HttpMethod.POST, key, "?uploads", sign("POST", key, query, headers), Mono.empty())
                .block(TIMEOUT);
        Matcher id = UPLOAD_ID.matcher(new String(reply, StandardCharsets.UTF_8));
        if (!id.find()) {
            throw new IllegalStateException("no UploadId in " + new String(reply, StandardCharsets.UTF_8));
        }
        return id.group(1);
    }

    private void complete(String key, String uploadId, List<String> etags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i))
                    .append("</ETag></Part>");
        }
        byte[] bytes = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        List<QueryParam> query = List.of(QueryParam.of("uploadId", uploadId));
        Map<String, String> headers = new HashMap<>();
        headers.put("content-length", Integer.toString(bytes.length));
        exchange(HttpMethod.POST, key, "?uploadId=" + uploadId, sign("POST", key, query, headers),
                Mono.just(Unpooled.wrappedBuffer(bytes))).block(TIMEOUT);
    }

    private Map<String, String> sign(String method, String key, List<QueryParam> query, Map<String, String> headers) {
        signer.sign(new SigningInput(method, target.bucket(), key, query, headers), credentials, Instant.now());
        return headers;
    }

    private String url(String key, String query) {
        return target.endpoint() + "/" + target.bucket() + "/" + key + query;
    }

    /** Sends one request and answers its body; fails unless the status is 200. */
    private Mono<byte[]> exchange(HttpMethod method, String key, String query, Map<String, String> headers,
            Publisher<ByteBuf> content) {
        return http.request(method).uri(url(key, query))
                .send((request, outbound) -> {
                    withHeaders(request, headers);
                    return outbound.send(content);
                })
                .responseSingle((response, bytes) -> bytes.asByteArray().defaultIfEmpty(EMPTY).map(reply -> {
                    if (response.status().code() != 200) {
                        throw new IllegalStateException(method + " " + key + query + " answered "
                                + response.status() + ": " + new String(reply, StandardCharsets.UTF_8));
                    }
                    return reply;
                }));
    }

    private Mono<String> exchangeFile(String key, List<QueryParam> query, Map<String, String> headers, Path file,
            long offset, long length) {
        String rawQuery = "?partNumber=" + query.get(0).value() + "&uploadId=" + query.get(1).value();
        return http.put().uri(url(key, rawQuery))
                .send((request, outbound) -> {
                    withHeaders(request, headers);
                    return outbound.sendFile(file, offset, length);
                })
                .responseSingle((response, bytes) -> bytes.asByteArray().defaultIfEmpty(EMPTY).map(reply -> {
                    String etag = response.responseHeaders().get("ETag");
                    if (response.status().code() != 200 || etag == null) {
                        throw new IllegalStateException("UploadPart answered " + response.status());
                    }
                    return etag;
                }));
    }

    private void withHeaders(HttpClientRequest request, Map<String, String> headers) {
        request.header("host", host);
        headers.forEach(request::header);
    }
}
