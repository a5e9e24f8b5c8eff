package dev.ossflux.benchmarks.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The server of the client-measuring mode: a bare Netty HTTP server that answers a PutObject of one
 * of the harness's {@link Payloads} from a table (their CRC-64 and MD5 computed once at start),
 * hashing only one such body in {@code --check-every} (default 64) in full and comparing it with the
 * table, counting mismatches. Bodies it cannot know in advance (multipart parts, streams, the batch's
 * files) it hashes with CRC-64 only, as they stream in, and keeps nothing but each part's CRC-64 and
 * size, which it combines into the object's on CompleteMultipartUpload. It answers a callback request
 * with the receiver's reply without calling anyone and checks no signature. GET and anything else is
 * refused with 501. {@code GET /_stub/stats} answers its counters.
 *
 * <p>{@code java -cp ossflux-benchmarks.jar dev.ossflux.benchmarks.load.StubServer --sizes
 * 16384,4194304 [--check-every 64] [--threads 2]}; prints {@code ossflux stub listening on URL}.
 */
public final class StubServer {

    static final String READY = "ossflux stub listening on ";
    static final String STATS_PATH = "/_stub/stats";

    private StubServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> flags = ContenderMain.flags(args);
        Map<Integer, Payloads.Known> known = Arrays.stream(flags.getOrDefault("sizes", "").split(","))
                .filter(size -> !size.isBlank()).map(size -> Payloads.Known.of(Integer.parseInt(size.trim())))
                .collect(Collectors.toMap(Payloads.Known::size, Function.identity()));
        int checkEvery = Integer.parseInt(flags.getOrDefault("check-every", "64"));
        int threads = Integer.parseInt(flags.getOrDefault("threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        StubHandler.Counters counters = new StubHandler.Counters();
        StubUploads uploads = new StubUploads();
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, io);
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(channel)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new StubHandler(known, checkEvery, counters, uploads));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close().syncUninterruptibly();
            group.shutdownGracefully();
            stopped.countDown();
        }, "stub-shutdown"));
        System.out.println(READY + "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        stopped.await();
    }
}
