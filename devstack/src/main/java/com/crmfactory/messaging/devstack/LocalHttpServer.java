package com.crmfactory.messaging.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server the devstack's fakes (demo ERP, Twilio simulator) answer on, with TCP_NODELAY on its sockets.
 * Without it the server writes a response's headers and body as two segments, and Nagle's algorithm holds the body
 * until the client's delayed ACK of the headers: about 40 ms added to every request on a kept-alive connection
 * (measured on the demo ERP: 45 ms per call, 6 ms on a fresh connection). The JDK reads the setting once, when its
 * first server is made, so it is set here before any.
 */
public final class LocalHttpServer {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LocalHttpServer() {
    }

    /** Started on {@code DEVSTACK_BIND_ADDRESS} (0.0.0.0 in a container, docker-compose.yml; loopback otherwise). */
    public static HttpServer start(int port, int threads, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(System.getenv().getOrDefault("DEVSTACK_BIND_ADDRESS",
                "localhost"), port), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        return server;
    }
}
