package dev.ossflux.core.callback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.TcpServer;
import reactor.netty.transport.ProxyProvider;

/**
 * An HTTP proxy on 127.0.0.1 that records the first line of every request it gets (a {@code CONNECT host:port}
 * for a tunnel, {@code GET http://...} otherwise) and closes the connection, so nothing leaves the machine.
 */
final class ProxyRecorder implements AutoCloseable {

    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    ProxyRecorder() {
        server = TcpServer.create().host("127.0.0.1").port(0)
                .handle((in, out) -> in.receive().asString(StandardCharsets.ISO_8859_1).next()
                        .doOnNext(text -> requestLines.add(text.split("\r\n", 2)[0]))
                        .then())
                .bindNow();
    }

    /** A client whose requests all go through this proxy. */
    HttpClient client() {
        return HttpClient.newConnection().proxy(proxy -> proxy.type(ProxyProvider.Proxy.HTTP)
                .host("127.0.0.1").port(server.port()));
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
