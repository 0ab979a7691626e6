package com.crmfactory.messaging.agent.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.oned.Code128Writer;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Twilio's media host: serves one PNG (a Code 128 barcode of {@link #CODE}) under
 * {@code /media/} over plain HTTP on localhost. Allow it with {@code agent.media.allowed-hosts} =
 * {@link #hostPort()} and {@code agent.media.insecure-http-hosts} = localhost. Every path fetched is kept.
 */
public final class MediaHost implements AutoCloseable {

    /** The part number printed as a barcode on the served image. */
    public static final String CODE = "BRG-6205-ZZ";

    private final HttpServer server;
    private final byte[] png;
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    public MediaHost() {
        try {
            BufferedImage image = MatrixToImageWriter.toBufferedImage(
                    new Code128Writer().encode(CODE, BarcodeFormat.CODE_128, 400, 120));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            png = out.toByteArray();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/media/", exchange -> {
                fetched.add(exchange.getRequestURI().getPath());
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
                exchange.close();
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String hostPort() {
        return "localhost:" + server.getAddress().getPort();
    }

    /** The URL of an image on this host, as a customer message would carry it. */
    public String url(String name) {
        return "http://" + hostPort() + "/media/" + name;
    }

    /** The bytes served for every image. */
    public byte[] png() {
        return png.clone();
    }

    /** The paths requested so far. */
    public List<String> fetched() {
        return List.copyOf(fetched);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
