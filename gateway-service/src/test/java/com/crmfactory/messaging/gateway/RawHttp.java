package com.crmfactory.messaging.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that writes the request line exactly as given (UTF-8 bytes, nothing normalised,
 * nothing encoded): the only way to send {@code /admin;x/v1}, {@code /%61dmin} or a raw tab as a client
 * on the wire can. {@link Response#requestLine()} is what went out.
 */
final class RawHttp {

    /** Status of an exchange the server closed without answering. */
    static final int NO_ANSWER = -1;

    private RawHttp() {
    }

    record Response(String requestLine, int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Response send(int port, String method, String target, String authorization, String jsonBody) {
        String requestLine = method + " " + target + " HTTP/1.1";
        StringBuilder head = new StringBuilder(requestLine).append("\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            // one write: a body arriving after the server has answered and closed would reset the connection
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.toString().getBytes(StandardCharsets.UTF_8));
            request.write(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(requestLine, socket.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no answer within 20 s to " + requestLine, e);
        } catch (IOException e) {
            // e.g. the server reset the connection on a request line it cannot parse
            return new Response(requestLine, NO_ANSWER, Map.of(), e.toString());
        }
    }

    private static Response read(String requestLine, InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return new Response(requestLine, NO_ANSWER, Map.of(), "");
        }
        int endOfHead = text.indexOf("\r\n\r\n");
        String[] lines = (endOfHead < 0 ? text : text.substring(0, endOfHead)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Response(requestLine, status, headers, endOfHead < 0 ? "" : text.substring(endOfHead + 4));
    }
}
