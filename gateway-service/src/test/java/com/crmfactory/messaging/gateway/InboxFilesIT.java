package com.crmfactory.messaging.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.crmfactory.messaging.testsupport.RealInfrastructure;

/**
 * The web inbox served by the gateway: the page at / (never cached, CSP-compatible: no inline script or style,
 * nothing from another origin), its content-hashed files under /assets/ (cached a year), read-only, and nothing
 * else opened by them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class InboxFilesIT {

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void thePageIsServedUncachedWithoutInlineCodeAndItsAssetsLongCached() {
        String page = http.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<div id=\"root\">");
        // every script has a same-origin src and no body; no style element or attribute; no other origin
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=\"/assets/)[^>]*>").matcher(page).find()).isFalse();
        assertThat(Pattern.compile("<script[^>]*>[^<]+</script>").matcher(page).find()).isFalse();
        assertThat(page).doesNotContain("<style").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");

        Matcher script = Pattern.compile("src=\"(/assets/index-[A-Za-z0-9_-]+\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        http.get().uri(script.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", "max-age=31536000, public, immutable")
                .expectHeader().valueMatches("Content-Type", "(text|application)/javascript.*");
        Matcher css = Pattern.compile("href=\"(/assets/index-[A-Za-z0-9_-]+\\.css)\"").matcher(page);
        assertThat(css.find()).isTrue();
        http.get().uri(css.group(1)).exchange().expectStatus().isOk();
    }

    @Test
    void onlyReadsOfThePageAndItsFilesAreOpen() {
        http.post().uri("/").exchange().expectStatus().isNotFound();
        http.delete().uri("/assets/x.js").exchange().expectStatus().isNotFound();
        http.get().uri("/assets/no-such-file.js").exchange().expectStatus().isNotFound();
        http.get().uri("/index.html").exchange().expectStatus().isNotFound();
        http.get().uri("/conversations").exchange().expectStatus().isNotFound();
        http.get().uri("/web-inbox/index.html").exchange().expectStatus().isNotFound();
    }
}
