package com.crmfactory.messaging.systemtests.check;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Inbound MMS whose {@code MediaUrl0} points at internal addresses (cloud metadata, loopback in its spellings,
 * private ranges, user-info tricks, other schemes, a redirect): a local listener counts every request reaching it,
 * and none may. The messages themselves are handled (stored, answered) like any other.
 */
public final class MediaSsrfScenario implements Scenario {

    @Override
    public String name() {
        return "SSRF corpus on inbound media URLs";
    }

    @Override
    public String description() {
        return "MMS webhooks with MediaUrl0 at 169.254.169.254, localhost/127.0.0.1/[::1]/0.0.0.0/127.1/2130706433, 10.x, "
                + "api.twilio.com@127.0.0.1, file:, gopher:, ftp:, a redirecting listener: the local listener they aim at "
                + "gets no request; acknowledged ones satisfy every invariant.";
    }

    @Override
    public void run(Stack stack, ScenarioResult result) throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            hits.incrementAndGet();
            if (exchange.getRequestURI().getPath().startsWith("/redirect")) {
                exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        listener.start();
        try {
            int port = listener.getAddress().getPort();
            List<String> corpus = List.of(
                    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                    "http://localhost:" + port + "/a.jpg", "http://127.0.0.1:" + port + "/b.jpg",
                    "http://[::1]:" + port + "/c.jpg", "http://0.0.0.0:" + port + "/d.jpg", "http://127.1:" + port + "/e.jpg",
                    "http://2130706433:" + port + "/f.jpg", "http://10.0.0.1/g.jpg",
                    "https://api.twilio.com@127.0.0.1:" + port + "/h.jpg", "http://api.twilio.com@localhost:" + port + "/i.jpg",
                    "https://api.twilio.com:" + port + "@localhost:" + port + "/j.jpg",
                    "file:///etc/passwd", "gopher://127.0.0.1:" + port + "/_k", "ftp://127.0.0.1:" + port + "/l.jpg",
                    "http://localhost:" + port + "/redirect.jpg");
            Invariants invariants = new Invariants(stack);
            Invariants.Baseline baseline = invariants.baseline();
            Webhooks webhooks = new Webhooks(stack);
            List<Webhooks.Posted> posted = new ArrayList<>();
            Map<String, Object> statuses = new LinkedHashMap<>();
            for (String url : corpus) {
                Map<String, String> mms = new LinkedHashMap<>(webhooks.sms(Webhooks.customer(), "See the photo of my parcel"));
                String sid = "MM" + mms.get("MessageSid").substring(2);
                mms.put("MessageSid", sid);
                mms.put("SmsSid", sid);
                mms.put("SmsMessageSid", sid);
                mms.put("NumMedia", "1");
                mms.put("MediaUrl0", url);
                mms.put("MediaContentType0", "image/jpeg");
                Webhooks.Posted p = webhooks.post(Webhooks.SMS_PATH, mms);
                posted.add(p);
                statuses.put(url.replace(String.valueOf(port), "PORT"), p.status());
            }
            result.figure("webhookStatusByUrl", statuses);
            result.addAll(invariants.verify(baseline, posted, Expect.answers(stack, posted.size(), Duration.ofSeconds(45))));
            result.add(InvariantResult.of("no media URL fetched (local listener hits)", hits.get() == 0,
                    Map.of("urls", corpus.size(), "listenerHits", hits.get()), null));
        } finally {
            listener.stop(0);
        }
    }
}
