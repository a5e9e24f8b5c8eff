package dev.ossflux.testkit.internal;

import dev.ossflux.core.internal.xml.Warmup;
import dev.ossflux.core.internal.json.Json;
import dev.ossflux.core.internal.sign.Hashing;
import dev.ossflux.core.internal.sign.PostSignature;
import dev.ossflux.testkit.Fault;
import dev.ossflux.testkit.Operation;
import dev.ossflux.testkit.RecordedRequest;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.util.Logger;
import reactor.util.Loggers;

/** The running emulator: a Reactor Netty {@link HttpServer} dispatching to the operation handlers. */
public final class EmulatorServer {

    private static final Logger LOG = Loggers.getLogger(EmulatorServer.class);

    private final EmulatorConfig config;
    private final Storage storage;
    private final Faults faults = new Faults();
    private final RequestLog log;
    private final CallbackSigner signer;
    private final CallbackDispatcher callbacks;
    private final Authenticator authenticator;
    private final DisposableServer server;
    private final String endpoint;
    private final ObjectHandler objects;
    private final MultipartHandler multipart;
    private final ListHandler lists;
    private final PostHandler posts;
    private final Cors cors;

    private EmulatorServer(EmulatorConfig config) {
        warmUp(config);
        this.config = config;
        this.log = new RequestLog(config.limits().requestLogBytes());
        this.storage = new Storage(config.buckets(), config.dataDir(), config.sink());
        this.signer = new CallbackSigner(config.callbackKeys());
        this.callbacks = new CallbackDispatcher(signer, config.callbackTimeout(), config.limits().maxCallbackReply(),
                faults);
        this.authenticator = new Authenticator(config.accounts(), config.region(), config.clock(),
                config.anonymousReads());
        // Netty 4.2's default adaptive allocator can park an event loop on a StampedLock while
        // several loops read bodies at once (Magazine.free from tryExpandMagazines); the pooled
        // allocator takes its locks only where Netty's BlockHound integration allows them.
        this.server = HttpServer.create().host(config.host()).port(config.port())
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(64 * 1024).maxHeaderSize(64 * 1024))
                .handle(this::handle)
                .bindNow(Duration.ofSeconds(30));
        this.endpoint = "http://" + config.host() + ":" + server.port();
        callbacks.publicKeyUrl(endpoint + Router.PUBLIC_KEY_PATH);
        UploadReplies uploads = new UploadReplies(callbacks);
        this.objects = new ObjectHandler(storage, uploads, config.clock(), config.limits());
        this.multipart = new MultipartHandler(storage, uploads, config.clock(), endpoint, config.limits());
        this.lists = new ListHandler(storage);
        this.posts = new PostHandler(storage, uploads, authenticator, config.clock(), config.limits());
        this.cors = new Cors(config.corsOrigins());
    }

    /**
     * Loads, on the caller's thread, what the handlers would otherwise load on an event loop: the
     * JSON and XML machinery (which reads service files from jars) and the JCA providers.
     */
    private static void warmUp(EmulatorConfig config) {
        Warmup.run();
        Json.quote("warmup");
        Hashing.md5();
        PostSignature.v1("warmup", "warmup");
        PostSignature.v4("warmup", "20240101", config.region(), "warmup");
        new CallbackSigner(config.callbackKeys()).sign(new byte[] {'w'});
    }

    public static EmulatorServer start(EmulatorConfig config) {
        return new EmulatorServer(config);
    }

    public String endpoint() {
        return endpoint;
    }

    public int port() {
        return server.port();
    }

    public CallbackSigner signer() {
        return signer;
    }

    public void inject(@Nullable Operation operation, Fault fault) {
        faults.add(operation, fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    public @Nullable RecordedRequest takeRequest(Duration timeout) throws InterruptedException {
        return log.take(timeout);
    }

    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    public int callbackCount(String bucket, String key) {
        return callbacks.sent(bucket, key);
    }

    public Inspector inspector() {
        return new Inspector(storage);
    }

    public void createBucket(String bucket) {
        storage.createBucket(bucket);
    }

    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
        callbacks.close();
        storage.close();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        long number = log.nextSequence();
        Instant arrived = Instant.now();
        Target target = Router.route(request.method().name(), request.uri(), request.requestHeaders().get("Host"),
                config.hostNames());
        Exchange ex = new Exchange(request, response, target, requestId(), arrived);
        response.header("x-oss-request-id", ex.requestId).header("Server", "AliyunOSS")
                .header("Date", Dates.http(config.clock().instant()));
        cors.decorate(ex);
        Fault fault = faults.takeRequestFault(target.operation());
        Mono<Void> handling = Mono.defer(() -> {
            if (!Router.servesHost(target.hostId(), config.hostNames())) {
                ex.refused = true;
                throw OssError.accessDenied("The emulator does not serve Host '" + target.hostId() + "': only "
                        + "loopback addresses, localhost and the configured host names (with a bucket label).");
            }
            Router.requireWellFormed(request.uri(), target);
            if (fault instanceof Fault.Status status) {
                throw new OssError(status.status(), status.errorCode(), "Injected fault: HTTP " + status.status()
                        + " " + status.errorCode() + ".");
            }
            if (fault instanceof Fault.ResetAfterBytes reset) {
                ex.resetAfterBytes = reset.bytes();
            }
            if (fault instanceof Fault.LoseResponse || fault instanceof Fault.DelayResponse) {
                ex.responseFault = fault;
            }
            return dispatch(ex);
        });
        if (fault instanceof Fault.Delay delay) {
            handling = Mono.delay(delay.delay()).then(handling);
        }
        return handling
                .onErrorResume(e -> recover(ex, e))
                .doFinally(signal -> {
                    if (!ex.refused || config.recordUnauthenticated()) {
                        log.record(ex, number, Instant.now());
                    }
                });
    }

    private Mono<Void> recover(Exchange ex, Throwable error) {
        if (error instanceof BodyReceiver.ConnectionReset || ex.wasReset || AbortedException.isConnectionReset(error)
                || error instanceof AbortedException) {
            return Mono.empty();
        }
        if (ex.response.hasSentHeaders()) {
            LOG.debug("request {} failed after its response started", ex.requestId, error);
            return Mono.error(error);
        }
        OssError oss = error instanceof OssError e ? e : internal(ex, error);
        return ex.drain().then(Mono.defer(() -> Replies.error(ex, oss)));
    }

    private static OssError internal(Exchange ex, Throwable error) {
        LOG.warn("request {} {} {} failed in the emulator", ex.requestId, ex.request.method(), ex.request.uri(), error);
        return new OssError(500, "InternalError", "The emulator failed: " + error);
    }

    /**
     * Operations that stream their request body answer after reading it; every other one reads (and
     * drops) its body before it answers. Answering a request whose end had not been read yet can leave
     * a keep-alive connection deaf in Reactor Netty 1.3: a request that arrives while the previous
     * exchange is still finishing is buffered, and when the buffered request is answered at once its
     * trailing end-of-request marker is drained after its exchange ended, and nobody asks the
     * connection for more input; the client's next request then waits until it gives up.
     */
    private Mono<Void> dispatch(Exchange ex) {
        Operation operation = ex.target.operation();
        if (operation == Operation.PUT_OBJECT || operation == Operation.UPLOAD_PART
                || operation == Operation.COMPLETE_MULTIPART_UPLOAD || operation == Operation.POST_OBJECT) {
            return answer(ex, operation);
        }
        return ex.drain().then(Mono.defer(() -> answer(ex, operation)));
    }

    private Mono<Void> answer(Exchange ex, Operation operation) {
        if (operation == Operation.GET_CALLBACK_PUBLIC_KEY) {
            return Replies.bytes(ex, 200, "application/x-pem-file",
                    signer.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        }
        if (operation == Operation.OPTION_OBJECT) {
            return cors.preflight(ex);
        }
        if (operation == Operation.POST_OBJECT) {
            // The form carries its own signature, checked when its file part starts.
            return posts.post(ex);
        }
        ex.refused = true;
        authenticator.verify(ex);
        ex.refused = false;
        if (ex.resetAfterBytes >= 0 && operation != Operation.PUT_OBJECT && operation != Operation.UPLOAD_PART
                && operation != Operation.GET_OBJECT) {
            ex.reset();
            return Mono.empty();
        }
        return switch (operation) {
            case PUT_OBJECT -> objects.put(ex);
            case GET_OBJECT -> objects.get(ex, false);
            case HEAD_OBJECT -> objects.get(ex, true);
            case DELETE_OBJECT -> objects.delete(ex);
            case INITIATE_MULTIPART_UPLOAD -> multipart.initiate(ex);
            case UPLOAD_PART -> multipart.uploadPart(ex);
            case COMPLETE_MULTIPART_UPLOAD -> multipart.complete(ex);
            case ABORT_MULTIPART_UPLOAD -> multipart.abort(ex);
            case LIST_PARTS -> lists.listParts(ex);
            case LIST_MULTIPART_UPLOADS -> lists.listUploads(ex);
            default -> Mono.error(unsupported(ex));
        };
    }

    private static OssError unsupported(Exchange ex) {
        String method = ex.request.method().name();
        if (!List.of("GET", "PUT", "HEAD", "DELETE", "POST", "OPTIONS").contains(method)) {
            return new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.")
                    .field("Method", method).field("ResourceType", ex.target.key() == null ? "Bucket" : "Object");
        }
        return OssError.notImplemented(method + " " + ex.target.rawPath() + (ex.target.query().isEmpty() ? ""
                : " with query " + ex.target.query()));
    }

    private static String requestId() {
        byte[] id = new byte[12];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().withUpperCase().formatHex(id);
    }
}
