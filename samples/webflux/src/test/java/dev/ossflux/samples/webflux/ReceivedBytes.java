package dev.ossflux.samples.webflux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.server.HttpServer;

/**
 * Counts every byte the application's server reads from its connections (request lines, headers and bodies,
 * before any decoding), so that a test can tell how much of an upload passed through the application.
 */
final class ReceivedBytes implements NettyServerCustomizer {

    private final AtomicLong received = new AtomicLong();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> channel.pipeline().addFirst(new Counter()));
    }

    /** The bytes read since the application started. */
    long total() {
        return received.get();
    }

    private final class Counter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof ByteBuf bytes) {
                received.addAndGet(bytes.readableBytes());
            }
            context.fireChannelRead(message);
        }
    }
}
