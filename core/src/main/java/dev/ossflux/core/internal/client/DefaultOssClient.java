package dev.ossflux.core.internal.client;

import dev.ossflux.core.GetObjectRequest;
import dev.ossflux.core.MultipartUpload;
import dev.ossflux.core.ObjectContent;
import dev.ossflux.core.ObjectMetadata;
import dev.ossflux.core.OssClient;
import dev.ossflux.core.ProgressListener;
import dev.ossflux.core.PutObjectRequest;
import dev.ossflux.core.UploadBody;
import dev.ossflux.core.UploadResult;
import dev.ossflux.core.UploadedPart;
import dev.ossflux.core.callback.Callback;
import dev.ossflux.core.internal.budget.TransferBudget;
import dev.ossflux.core.internal.http.Endpoint;
import dev.ossflux.core.internal.metrics.MicrometerObserver;
import dev.ossflux.core.internal.metrics.TransferObserver;
import io.micrometer.core.instrument.MeterRegistry;
import dev.ossflux.core.internal.http.Transport;
import dev.ossflux.core.internal.sign.RequestSigner;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The {@link OssClient} behind {@code OssClient.builder()}: one connection pool, one transport. */
public final class DefaultOssClient implements OssClient {

    private static final String USER_AGENT = "ossflux/0.1 (Java " + Runtime.version().feature() + ")";

    private final ConnectionProvider pool;
    private final Transport transport;
    private final Optional<Duration> callTimeout;
    private final ObjectOperations objects;
    private final MultipartOperations multipart;

    private DefaultOssClient(ConnectionProvider pool, Transport transport, Optional<Duration> callTimeout) {
        this.pool = pool;
        this.transport = transport;
        this.callTimeout = callTimeout;
        this.objects = new ObjectOperations(transport);
        this.multipart = new MultipartOperations(transport, objects);
    }

    public static OssClient create(ClientSettings settings) {
        Warmup.run();
        Endpoint endpoint = Endpoint.parse(settings.endpoint(), settings.pathStyle());
        String region = settings.region() != null ? settings.region()
                : Objects.requireNonNullElse(endpoint.inferredRegion(), "cn-hangzhou");
        ConnectionProvider pool = ConnectionProvider.builder("ossflux")
                .metrics(settings.reactorNettyMetrics())
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(settings.pendingAcquireMaxCount())
                .pendingAcquireTimeout(settings.pendingAcquireTimeout())
                .maxIdleTime(Duration.ofSeconds(50))
                .evictInBackground(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout())
                .disableRetry(true)
                .headers(headers -> headers.set("user-agent", USER_AGENT));
        if (settings.reactorNettyMetrics()) {
            http = http.metrics(true, uri -> "/");
        }
        if (endpoint.scheme().equals("https")) {
            http = http.secure();
        }
        http = settings.httpClientCustomizer().apply(http);
        TransferBudget budget = new TransferBudget(settings.maxBytesInFlight(), settings.maxRequestsInFlight());
        TransferObserver observer = settings.meterRegistry() == null ? TransferObserver.NONE
                : new MicrometerObserver((MeterRegistry) settings.meterRegistry(), budget);
        Transport transport = new Transport(http, endpoint, RequestSigner.of(settings.signatureVersion(), region),
                settings.credentials(), settings.clock(), settings.retry(), budget, observer);
        return new DefaultOssClient(pool, transport, settings.callTimeout());
    }

    /** The limit on bytes and requests in flight, which the multipart module also holds parts to. */
    public TransferBudget budget() {
        return transport.budget();
    }

    @Override
    public Mono<UploadResult> putObject(PutObjectRequest request, UploadBody body) {
        return limited(objects.putObject(request, body));
    }

    @Override
    public Mono<ObjectContent> getObject(GetObjectRequest request) {
        return limited(objects.getObject(request));
    }

    @Override
    public Mono<ObjectMetadata> headObject(String bucket, String key) {
        return limited(objects.headObject(bucket, key));
    }

    @Override
    public Mono<Void> deleteObject(String bucket, String key) {
        return limited(objects.deleteObject(bucket, key));
    }

    @Override
    public Mono<MultipartUpload> initiateMultipartUpload(PutObjectRequest request) {
        return limited(multipart.initiate(request));
    }

    @Override
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body) {
        return uploadPart(upload, partNumber, body, null);
    }

    /** {@link #uploadPart(MultipartUpload, int, UploadBody)} reporting the bytes of this part as they go out. */
    public Mono<UploadedPart> uploadPart(MultipartUpload upload, int partNumber, UploadBody body,
            @Nullable ProgressListener progress) {
        return limited(multipart.uploadPart(upload, partNumber, body, progress));
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts) {
        return limited(multipart.complete(upload, parts, Optional.empty()));
    }

    @Override
    public Mono<UploadResult> completeMultipartUpload(MultipartUpload upload, List<UploadedPart> parts,
            Callback callback) {
        return limited(multipart.complete(upload, parts, Optional.of(callback)));
    }

    @Override
    public Mono<Void> abortMultipartUpload(MultipartUpload upload) {
        return limited(multipart.abort(upload));
    }

    @Override
    public Flux<UploadedPart> listParts(MultipartUpload upload) {
        return multipart.listParts(upload);
    }

    @Override
    public Flux<MultipartUpload> listMultipartUploads(String bucket, String prefix) {
        return multipart.listUploads(bucket, prefix);
    }

    @Override
    public Mono<Void> disposeLater() {
        return pool.disposeLater();
    }

    @Override
    public void close() {
        pool.dispose();
    }

    @Override
    public String toString() {
        return "OssClient[" + transport.endpoint().scheme() + "://" + transport.endpoint().host() + ":"
                + transport.endpoint().port() + "]";
    }

    private <T> Mono<T> limited(Mono<T> call) {
        return callTimeout.map(call::timeout).orElse(call);
    }
}
